/**
 * An open-addressing hash table from 64-bit keys (two 32-bit halves of a SHA-256) to
 * non-negative integers, held in typed arrays. dedupe-docs and check-urls remember one key per
 * document for the whole run; as a Map of hex strings that cost about 250 bytes a key, here
 * 12 bytes a slot at most ¾ full. It is plain data, so a checkpoint saves it as it is.
 */

/** The table; create it with {@link createKeyTable}. Grows in place (its arrays are replaced). */
export interface KeyTable {
  high: Uint32Array
  low: Uint32Array
  /** The value stored under the slot's key, -1 for an empty slot. */
  values: Int32Array
  size: number
}

/** Slots of a new table; it doubles when ¾ full. */
const FIRST_SLOTS = 1024

/** An empty table with `slots` slots (a power of two). */
export function createKeyTable(slots = FIRST_SLOTS): KeyTable {
  return { high: new Uint32Array(slots), low: new Uint32Array(slots), values: new Int32Array(slots).fill(-1), size: 0 }
}

/** The slot holding the key, or the empty slot where it would go (linear probing; keys are hashes already). */
function slotOf(table: KeyTable, high: number, low: number): number {
  const mask = table.values.length - 1
  let slot = low & mask
  while (table.values[slot] !== -1 && (table.high[slot] !== high || table.low[slot] !== low)) slot = (slot + 1) & mask
  return slot
}

/** The value stored under the key, or -1. */
export function lookupKey(table: KeyTable, high: number, low: number): number {
  return table.values[slotOf(table, high >>> 0, low >>> 0)] as number
}

function grow(table: KeyTable): void {
  const old = { ...table }
  Object.assign(table, createKeyTable(old.values.length * 2))
  for (let slot = 0; slot < old.values.length; slot += 1) {
    const value = old.values[slot] as number
    if (value === -1) continue
    const target = slotOf(table, old.high[slot] as number, old.low[slot] as number)
    table.high[target] = old.high[slot] as number
    table.low[target] = old.low[slot] as number
    table.values[target] = value
  }
  table.size = old.size
}

/** Stores `value` (≥ 0) under the key, replacing the value it had. */
export function storeKey(table: KeyTable, high: number, low: number, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`Expected a key table value to be an integer from 0 to 2^31 - 1, got ${value}.`)
  if ((table.size + 1) * 4 > table.values.length * 3) grow(table)
  const slot = slotOf(table, high >>> 0, low >>> 0)
  if (table.values[slot] === -1) table.size += 1
  table.high[slot] = high
  table.low[slot] = low
  table.values[slot] = value
}

/** The first 64 bits of a hex digest as the two halves a {@link KeyTable} takes. */
export function hexKey(hex: string): { high: number; low: number } {
  if (!/^[0-9a-f]{16}/u.test(hex)) throw new Error(`Expected a hex digest of at least 16 characters, got ${JSON.stringify(hex.slice(0, 20))}.`)
  return { high: Number.parseInt(hex.slice(0, 8), 16), low: Number.parseInt(hex.slice(8, 16), 16) }
}
