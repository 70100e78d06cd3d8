/**
 * A hash table from 32-bit keys that are hashes already (line fingerprints) to positive counts,
 * in one typed array of (key, count) pairs: 8 bytes a slot at most ¾ full, plus about 350 bytes
 * a table (the typed array's objects). site-chrome keeps one per site for the whole run; a
 * Map<number, number> took about 37 bytes an entry on the main thread's heap plus about 200 a
 * map, so from about six entries a table is the smaller, and a full site (2,000 lines) takes
 * 32 KB instead of 74. The key-table's three arrays would cost more. Plain data, so a checkpoint
 * saves it as it is.
 */

/** The table; create it with {@link createCountTable}. Grows in place (its array is replaced). */
export interface CountTable {
  /** Slot `s` holds its key at `2s` and its count at `2s + 1`; a count of 0 marks an empty slot. */
  pairs: Uint32Array
  size: number
}

/** An empty table with `slots` slots (a power of two); it doubles when ¾ full. */
export function createCountTable(slots = 8): CountTable {
  if (!Number.isInteger(slots) || slots < 1 || (slots & (slots - 1)) !== 0) throw new RangeError(`Expected the slots of a count table to be a power of two, got ${slots}.`)
  return { pairs: new Uint32Array(slots * 2), size: 0 }
}

/** The slot holding `key`, or the empty slot where it would go (linear probing). */
function slotOf(pairs: Uint32Array, key: number): number {
  const mask = pairs.length / 2 - 1
  let slot = key & mask
  while (pairs[slot * 2 + 1] !== 0 && pairs[slot * 2] !== key) slot = (slot + 1) & mask
  return slot
}

/** The count stored under `key`, 0 when there is none. */
export function countOf(table: CountTable, key: number): number {
  return table.pairs[slotOf(table.pairs, key >>> 0) * 2 + 1] as number
}

function grow(table: CountTable): void {
  const old = table.pairs
  const pairs = new Uint32Array(old.length * 2)
  for (let at = 0; at < old.length; at += 2) {
    if (old[at + 1] === 0) continue
    const slot = slotOf(pairs, old[at] as number)
    pairs[slot * 2] = old[at] as number
    pairs[slot * 2 + 1] = old[at + 1] as number
  }
  table.pairs = pairs
}

/** Stores `count` (1 to 2^32 − 1) under `key`, replacing the count it had. */
export function setCount(table: CountTable, key: number, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > 0xffffffff) throw new RangeError(`Expected a count from 1 to 2^32 - 1, got ${count}.`)
  let slot = slotOf(table.pairs, key >>> 0)
  if (table.pairs[slot * 2 + 1] === 0) {
    // Only a new key can fill the table past ¾.
    if ((table.size + 1) * 4 > table.pairs.length * 1.5) {
      grow(table)
      slot = slotOf(table.pairs, key >>> 0)
    }
    table.size += 1
  }
  table.pairs[slot * 2] = key >>> 0
  table.pairs[slot * 2 + 1] = count
}
