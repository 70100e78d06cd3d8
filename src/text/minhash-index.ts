/**
 * An LSH index of MinHash signatures held in typed arrays: near-dedupe keeps one entry per kept
 * document for the whole run, so its size is the run's memory growth. Per document it costs the
 * signature (4 bytes × permutations) and, per band, a chain link and about two hash-table slots
 * (about 20 bytes): roughly 0.9 KB with the defaults, against 1.5 KB for one typed array and a
 * Map entry per band. It is plain data (numbers and typed arrays), so a checkpoint saves and
 * restores it as it is, in one copy.
 */
import { estimateSimilarity } from './minhash.ts'
import type { Banding } from './minhash.ts'

/** One band's buckets: open addressing from a band key to the newest document in its chain. */
interface BandTable {
  keys: Uint32Array
  /** Document index of the bucket's newest entry, -1 for an empty slot. */
  heads: Int32Array
  size: number
}

/** The index; create it with {@link createMinhashIndex}, fill it with {@link addSignature}. */
export interface MinhashIndex {
  bands: number
  permutations: number
  count: number
  /** Signatures of the indexed documents end to end (`permutations` values each), with room to grow. */
  signatures: Uint32Array
  /** Per document and band: the next (older) document in the same bucket, -1 at the end. */
  next: Int32Array
  tables: BandTable[]
}

const FIRST_CAPACITY = 1024

function createTable(capacity: number): BandTable {
  return { keys: new Uint32Array(capacity), heads: new Int32Array(capacity).fill(-1), size: 0 }
}

/** An empty index for signatures of `permutations` values cut into `banding.bands` bands. */
export function createMinhashIndex(banding: Banding, permutations: number): MinhashIndex {
  return {
    bands: banding.bands,
    permutations,
    count: 0,
    signatures: new Uint32Array(FIRST_CAPACITY * permutations),
    next: new Int32Array(FIRST_CAPACITY * banding.bands),
    tables: Array.from({ length: banding.bands }, () => createTable(FIRST_CAPACITY * 2)),
  }
}

/** The slot holding `key` in `table`, or the empty slot where it would go (linear probing; keys are already hashes). */
function slotOf(table: BandTable, key: number): number {
  const mask = table.keys.length - 1
  let slot = key & mask
  while (table.heads[slot] !== -1 && table.keys[slot] !== key) slot = (slot + 1) & mask
  return slot
}

/** The same table with twice the slots, once it is half full. */
function grown(table: BandTable): BandTable {
  const bigger = createTable(table.keys.length * 2)
  for (let slot = 0; slot < table.keys.length; slot += 1) {
    if (table.heads[slot] === -1) continue
    const target = slotOf(bigger, table.keys[slot] as number)
    bigger.keys[target] = table.keys[slot] as number
    bigger.heads[target] = table.heads[slot] as number
  }
  bigger.size = table.size
  return bigger
}

function withRoom<T extends Uint32Array | Int32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2))
  bigger.set(array)
  return bigger
}

/** The signature of document `index`, as a view (no copy). */
export function signatureAt(index: MinhashIndex, document: number): Uint32Array {
  return index.signatures.subarray(document * index.permutations, (document + 1) * index.permutations)
}

/** Adds a signature (with its band keys, see bandKeys) and returns its document index. */
export function addSignature(index: MinhashIndex, signature: Uint32Array, keys: Uint32Array): number {
  const document = index.count
  index.signatures = withRoom(index.signatures, (document + 1) * index.permutations)
  index.signatures.set(signature, document * index.permutations)
  index.next = withRoom(index.next, (document + 1) * index.bands)
  for (let band = 0; band < index.bands; band += 1) {
    let table = index.tables[band] as BandTable
    if ((table.size + 1) * 2 > table.keys.length) index.tables[band] = table = grown(table)
    const slot = slotOf(table, keys[band] as number)
    if (table.heads[slot] === -1) table.size += 1
    index.next[document * index.bands + band] = table.heads[slot] as number
    table.keys[slot] = keys[band] as number
    table.heads[slot] = document
  }
  index.count += 1
  return document
}

/**
 * The most similar indexed document sharing a band with `signature`: the highest estimated
 * similarity, the lowest document index among equals (so the answer never depends on the order
 * the buckets are read in), or undefined when no band is shared.
 */
export function bestMatch(index: MinhashIndex, signature: Uint32Array, keys: Uint32Array): { document: number; similarity: number } | undefined {
  let best: { document: number; similarity: number } | undefined
  const seen = new Set<number>()
  for (let band = 0; band < index.bands; band += 1) {
    const table = index.tables[band] as BandTable
    for (let document = table.heads[slotOf(table, keys[band] as number)] as number; document !== -1; document = index.next[document * index.bands + band] as number) {
      if (seen.has(document)) continue
      seen.add(document)
      const similarity = estimateSimilarity(signature, signatureAt(index, document))
      if (best === undefined || similarity > best.similarity || (similarity === best.similarity && document < best.document)) best = { document, similarity }
    }
  }
  return best
}
