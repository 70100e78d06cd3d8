/**
 * What a quality rule reports: the rule, the measure it compares, whether it failed and a
 * sentence with the value. Every measure goes to `stats` (annotate); failed ones become messages.
 */
export interface Measure {
  rule: string
  /** Key under which the measured value goes into `stats`. */
  stat: string
  value: number
  failed: boolean
  reason: string
}

/** Share `part / whole`, 0 for an empty whole. */
export function fraction(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

/** `0.253` → `25.3%`. */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`
}
