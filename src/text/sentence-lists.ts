/**
 * Inline numbered and lettered lists ("1. First 2. Second", "a) one b) two"): each item is a
 * sentence even without a final stop, and the period of the marker itself is not a boundary.
 * A marker counts only inside a run of consecutive values, so "in 3. Then" stays prose.
 */

const BULLETS = '\u2022\u25E6\u25AA\u2023\u2043\u2219\u25CF'

/**
 * A marker such as `1.`, `2.)`, `b)` after a space, a line start or a bullet. The character
 * before is matched (group 1) instead of looked behind at: the same markers, found faster. It
 * is never part of the previous match, which ends before the space that follows a marker.
 */
const MARKER = /(^|[\s\u2022\u25E6\u25AA\u2023\u2043\u2219\u25CF])(\d{1,2}|[a-z]|[A-Z])(\.\)|\.|\))(?=\s)/gu

interface Marker {
  index: number
  kind: string
  value: number
  style: string
  stop: number | undefined
}

function toMarker(match: RegExpMatchArray): Marker {
  const label = match[2] as string
  const style = match[3] as string
  const numeric = /^\d/.test(label)
  const kind = numeric ? 'digit' : label === label.toLowerCase() ? 'lower' : 'upper'
  const value = numeric ? Number(label) : label.toLowerCase().charCodeAt(0) - 96
  const index = (match.index as number) + (match[1] as string).length
  return { index, kind, value, style, stop: style.startsWith('.') ? index + label.length : undefined }
}

function continues(previous: Marker, marker: Marker): boolean {
  return previous.kind === marker.kind && previous.style === marker.style && marker.value === previous.value + 1
}

/** Runs of two or more consecutive markers of the same kind and style. */
function markerRuns(text: string): Marker[][] {
  const runs: Marker[][] = []
  let current: Marker[] = []
  for (const match of text.matchAll(MARKER)) {
    const marker = toMarker(match)
    const previous = current[current.length - 1]
    if (previous !== undefined && continues(previous, marker)) current.push(marker)
    else {
      if (current.length >= 2) runs.push(current)
      current = [marker]
    }
  }
  if (current.length >= 2) runs.push(current)
  return runs
}

/** The offset of a bullet standing just before a marker ("• 4."), else the marker's own. */
function bulletStart(text: string, index: number): number {
  let start = index
  while (start > 0 && /[ \t]/u.test(text[start - 1] as string)) start -= 1
  if (start === 0 || !BULLETS.includes(text[start - 1] as string)) return index
  while (start > 0 && BULLETS.includes(text[start - 1] as string)) start -= 1
  return start
}

/** Where list items start (sentence breaks) and which periods belong to list markers. */
export function listBreaks(text: string): { breaks: number[]; markerStops: Set<number> } {
  const breaks: number[] = []
  const markerStops = new Set<number>()
  const runs = markerRuns(text)
  if (runs.length === 0) return { breaks, markerStops }
  const firstVisible = /\S/u.exec(text)?.index ?? 0
  for (const run of runs) {
    for (const marker of run) {
      const start = bulletStart(text, marker.index)
      if (start > firstVisible) breaks.push(start)
      if (marker.stop !== undefined) markerStops.add(marker.stop)
    }
  }
  return { breaks, markerStops }
}
