/**
 * An LSH index of MinHash signatures held in typed arrays: near-dedupe keeps one entry per kept
 * document for the whole run, so its size is the run's memory growth. Per document it costs the
 * signature's low 16 bits (2 bytes × permutations: b-bit MinHash; two different 32-bit values
 * agree there with probability 2⁻¹⁶, which raises an estimate by 0.00002 on average) and, per
 * band, a chain link and one to three hash-table slots (about 15 bytes): roughly 0.55 KB with
 * the defaults, against 1.5 KB for one typed array and a Map entry per band. It is plain data
 * (numbers and typed arrays), so a checkpoint saves and restores it as it is, in one copy.
 */
import { appendRecord, createChunkedRecords, recordAt, recordValue } from './chunked-records.ts'
import type { ChunkedRecords } from './chunked-records.ts'
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
  /** Low 16 bits of the indexed documents' signatures, one record (`permutations` values) each. */
  signatures: ChunkedRecords<'uint16'>
  /** Per document, one value per band: the next (older) document in the same bucket, -1 at the end. */
  next: ChunkedRecords<'int32'>
  tables: BandTable[]
}

/** Slots of a band table at first; it doubles when ¾ full. */
const FIRST_SLOTS = 2048

function createTable(capacity: number): BandTable {
  return { keys: new Uint32Array(capacity), heads: new Int32Array(capacity).fill(-1), size: 0 }
}

/** An empty index for signatures of `permutations` values cut into `banding.bands` bands. */
export function createMinhashIndex(banding: Banding, permutations: number): MinhashIndex {
  return {
    bands: banding.bands,
    permutations,
    count: 0,
    signatures: createChunkedRecords(permutations, 'uint16'),
    next: createChunkedRecords(banding.bands, 'int32'),
    tables: Array.from({ length: banding.bands }, () => createTable(FIRST_SLOTS)),
  }
}

/** The slot holding `key` in `table`, or the empty slot where it would go (linear probing; keys are already hashes). */
function slotOf(table: BandTable, key: number): number {
  const mask = table.keys.length - 1
  let slot = key & mask
  while (table.heads[slot] !== -1 && table.keys[slot] !== key) slot = (slot + 1) & mask
  return slot
}

/** The same table with twice the slots, once it is ¾ full. */
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

/** The stored (low 16 bits of the) signature of document `index`, as a view (no copy). */
export function signatureAt(index: MinhashIndex, document: number): Uint16Array {
  return recordAt(index.signatures, document)
}

/** Adds a signature (with its band keys, see bandKeys) and returns its document index. */
export function addSignature(index: MinhashIndex, signature: Uint32Array, keys: Uint32Array): number {
  const document = index.count
  const next = new Int32Array(index.bands)
  for (let band = 0; band < index.bands; band += 1) {
    let table = index.tables[band] as BandTable
    if ((table.size + 1) * 4 > table.keys.length * 3) index.tables[band] = table = grown(table)
    const slot = slotOf(table, keys[band] as number)
    if (table.heads[slot] === -1) table.size += 1
    next[band] = table.heads[slot] as number
    table.keys[slot] = keys[band] as number
    table.heads[slot] = document
  }
  appendRecord(index.signatures, signature)
  appendRecord(index.next, next)
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
  const low = Uint16Array.from(signature)
  for (let band = 0; band < index.bands; band += 1) {
    const table = index.tables[band] as BandTable
    for (let document = table.heads[slotOf(table, keys[band] as number)] as number; document !== -1; document = recordValue(index.next, document, band)) {
      if (seen.has(document)) continue
      seen.add(document)
      const similarity = estimateSimilarity(low, signatureAt(index, document))
      if (best === undefined || similarity > best.similarity || (similarity === best.similarity && document < best.document)) best = { document, similarity }
    }
  }
  return best
}
