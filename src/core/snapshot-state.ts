/**
 * The run state a checkpoint saves: the ordered stages' values by key, and the check that they
 * are plain data a checkpoint restores as it found them (see checkpoint.ts).
 */
import type { RunState } from './stage.ts'

/** A run state whose values can be saved in a checkpoint and restored from one. */
export interface SnapshotRunState extends RunState {
  /** The live values by key (serialise them at once: they keep changing). */
  snapshot(): Map<string, unknown>
}

/** Creates the ordered stages' run state, optionally from a checkpoint's snapshot. */
export function createSnapshotRunState(restored?: Map<string, unknown>): SnapshotRunState {
  const values = new Map<string, unknown>(restored ?? [])
  return {
    state<T>(key: string, create: () => T): T {
      if (!values.has(key)) values.set(key, create())
      return values.get(key) as T
    },
    snapshot: () => values,
  }
}

const PLAIN_PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, Map.prototype, Set.prototype, Date.prototype, null])

function isPlainContainer(value: object): boolean {
  return PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value)) || ArrayBuffer.isView(value)
}

/**
 * The path of the first value in `value` that a checkpoint would not restore faithfully (a
 * class instance loses its prototype, a function cannot be cloned), or undefined when all is
 * plain data. Checked once per run, on the first checkpoint.
 */
export function findUnrestorable(value: unknown, where = 'state', seen = new Set<object>()): string | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return where
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined
  seen.add(value)
  if (!isPlainContainer(value)) return `${where} (${value.constructor?.name ?? 'unknown'} instance)`
  if (ArrayBuffer.isView(value)) return undefined
  const entries: Iterable<[unknown, unknown]> = value instanceof Map ? value : value instanceof Set ? [...value].map((item, index) => [index, item]) : Object.entries(value)
  for (const [key, item] of entries) {
    const found = findUnrestorable(item, `${where}.${String(key)}`, seen)
    if (found !== undefined) return found
  }
  return undefined
}
