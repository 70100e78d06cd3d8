/**
 * An LSH index of MinHash signatures held in typed arrays: near-dedupe keeps one entry per kept
 * document for the whole run, so its size is the run's memory growth. Per document it costs the
 * signature's low 8 bits (one byte per permutation: b-bit MinHash, Li & König 2010) and, per
 * band, its key and the document's number (8 bytes, plus the room to grow in reserve): about
 * 0.27 KB with the defaults (0.3 with the room on average), against
 * 0.65 KB for 16-bit signatures and a hash table with chains per band. A band is a run of
 * (key, document) pairs sorted by key, searched by bisection, plus the newest pairs unsorted,
 * merged into the sorted run in place when there are {@link RECENT} of them: no links, and room
 * to grow that the arrays gain by half again when full (see reserve).
 * Plain data (numbers and typed arrays), so a checkpoint saves and restores it as it is.
 */
import { appendRecord, createChunkedRecords, recordAt } from './chunked-records.ts'
import type { ChunkedRecords } from './chunked-records.ts'
import { estimateSimilarity } from './minhash.ts'
import type { Banding } from './minhash.ts'

/**
 * One band's pairs: the first `size` of `keys`/`documents` sorted by key (the rest is room to
 * grow), then up to RECENT newer pairs in arrival order.
 */
interface BandRun {
  keys: Uint32Array
  documents: Int32Array
  size: number
  recentKeys: Uint32Array
  recentDocuments: Int32Array
  recentCount: number
}

/** The index; create it with {@link createMinhashIndex}, fill it with {@link addSignature}. */
export interface MinhashIndex {
  bands: number
  permutations: number
  count: number
  /** Low 8 bits of the indexed documents' signatures, one record (`permutations` values) each. */
  signatures: ChunkedRecords<'uint8'>
  runs: BandRun[]
}

/**
 * Newest pairs a band keeps unsorted. Every lookup scans them and every merge copies the sorted
 * run, so at 115,000 documents (a 1 GB batch) the scans cost about 18,000 comparisons a document
 * and the merges move about 120 million numbers in all: both well under a second of the run.
 */
const RECENT = 1024

/** Two different values' low 8 bits agree with this probability. */
const CHANCE_AGREEMENT = 1 / 256

function createRun(): BandRun {
  return { keys: new Uint32Array(0), documents: new Int32Array(0), size: 0, recentKeys: new Uint32Array(RECENT), recentDocuments: new Int32Array(RECENT), recentCount: 0 }
}

/** An empty index for signatures of `permutations` values cut into `banding.bands` bands. */
export function createMinhashIndex(banding: Banding, permutations: number): MinhashIndex {
  return { bands: banding.bands, permutations, count: 0, signatures: createChunkedRecords(permutations, 'uint8'), runs: Array.from({ length: banding.bands }, createRun) }
}

/**
 * Room for `needed` sorted pairs. The arrays grow by half again when full, so a band is
 * reallocated a dozen times on the way to 115,000 documents rather than at every merge: a
 * replaced pair of arrays is garbage the main thread holds until its next full collection, and
 * replacing every band's arrays at each merge left tens of MiB of them waiting. Up to a third
 * of a band's room (a sixth on average) stays unused instead, and a checkpoint saves it too.
 */
function reserve(run: BandRun, needed: number): void {
  if (needed <= run.keys.length) return
  const capacity = Math.max(needed, Math.ceil(run.keys.length * 1.5))
  const keys = new Uint32Array(capacity)
  const documents = new Int32Array(capacity)
  keys.set(run.keys.subarray(0, run.size))
  documents.set(run.documents.subarray(0, run.size))
  Object.assign(run, { keys, documents })
}

/** Merges the recent pairs into the sorted run in place, from the back; equal keys keep arrival order. */
function mergeRecent(run: BandRun): void {
  const count = run.recentCount
  const order = Array.from({ length: count }, (_, at) => at).sort((a, b) => (run.recentKeys[a] as number) - (run.recentKeys[b] as number) || a - b)
  reserve(run, run.size + count)
  const { keys, documents } = run
  let old = run.size - 1
  let fresh = count - 1
  for (let at = run.size + count - 1; fresh >= 0; at -= 1) {
    const next = order[fresh] as number
    if (old >= 0 && (keys[old] as number) > (run.recentKeys[next] as number)) {
      keys[at] = keys[old] as number
      documents[at] = documents[old] as number
      old -= 1
    } else {
      keys[at] = run.recentKeys[next] as number
      documents[at] = run.recentDocuments[next] as number
      fresh -= 1
    }
  }
  run.size += count
  run.recentCount = 0
}

/** First position in the sorted first `size` of `keys` whose key is not below `key`. */
function lowerBound(keys: Uint32Array, size: number, key: number): number {
  let low = 0
  let high = size
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((keys[middle] as number) < key) low = middle + 1
    else high = middle
  }
  return low
}

/** Every document filed under `key` in `run`, sorted part first. */
function* documentsUnder(run: BandRun, key: number): Generator<number> {
  for (let at = lowerBound(run.keys, run.size, key); at < run.size && run.keys[at] === key; at += 1) yield run.documents[at] as number
  for (let at = 0; at < run.recentCount; at += 1) if (run.recentKeys[at] === key) yield run.recentDocuments[at] as number
}

/** The stored (low 8 bits of the) signature of document `index`, as a view (no copy). */
export function signatureAt(index: MinhashIndex, document: number): Uint8Array {
  return recordAt(index.signatures, document)
}

/**
 * Jaccard similarity estimated from two 8-bit signatures: the share of agreeing positions with
 * chance agreement taken out, (p − 1/256) / (1 − 1/256), so it is unbiased like the full
 * signatures' share; identical signatures give exactly 1.
 */
export function lowBitSimilarity(a: Uint8Array, b: Uint8Array): number {
  return Math.max(0, (estimateSimilarity(a, b) - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT))
}

/** Adds a signature (with its band keys, see bandKeys) and returns its document index. */
export function addSignature(index: MinhashIndex, signature: Uint32Array, keys: Uint32Array): number {
  const document = index.count
  for (let band = 0; band < index.bands; band += 1) {
    const run = index.runs[band] as BandRun
    if (run.recentCount === run.recentKeys.length) mergeRecent(run)
    run.recentKeys[run.recentCount] = keys[band] as number
    run.recentDocuments[run.recentCount] = document
    run.recentCount += 1
  }
  appendRecord(index.signatures, signature)
  index.count += 1
  return document
}

/**
 * The most similar indexed document sharing a band with `signature`: the highest estimated
 * similarity, the lowest document index among equals (so the answer never depends on the order
 * the bands are read in), or undefined when no band is shared.
 */
export function bestMatch(index: MinhashIndex, signature: Uint32Array, keys: Uint32Array): { document: number; similarity: number } | undefined {
  let best: { document: number; similarity: number } | undefined
  const seen = new Set<number>()
  const low = Uint8Array.from(signature)
  for (let band = 0; band < index.bands; band += 1) {
    for (const document of documentsUnder(index.runs[band] as BandRun, keys[band] as number)) {
      if (seen.has(document)) continue
      seen.add(document)
      const similarity = lowBitSimilarity(low, signatureAt(index, document))
      if (best === undefined || similarity > best.similarity || (similarity === best.similarity && document < best.document)) best = { document, similarity }
    }
  }
  return best
}
