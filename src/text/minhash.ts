/**
 * MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of
 * Massive Datasets", ch. 3). A signature keeps, for each of k hash functions, the smallest hash
 * of a document's shingles; two signatures agree at a position with probability equal to the
 * Jaccard similarity of the shingle sets. Banding (b bands of r rows) turns that into candidate
 * pairs with probability 1 - (1 - s^r)^b, an S-curve; candidates are then verified on the
 * signatures, so memory is k numbers per document, never its text.
 */
import { fmix32, mixBlock } from './hash32.ts'

/** How a signature is cut into bands for candidate lookup. */
export interface Banding {
  bands: number
  rows: number
}

/**
 * The signature of a shingle set under the permutations `x -> fmix32(x ^ seed_i)` (bijective
 * 32-bit mixers, one per seed). Empty input gives all 0xffffffff, which matches no real text.
 * One permutation at a time over all shingles, keeping the minimum in a local; the mixer is
 * inlined in int32 arithmetic, and values are compared with the sign bit flipped (unsigned order
 * as signed order), so the hot loop never leaves 32-bit integers.
 */
export function minhashSignature(shingles: Uint32Array, seeds: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xffffffff)
  fillSignature(shingles, seeds, signature)
  return signature
}

/** The mixer of {@link minhashSignature} in int32 arithmetic, with the sign bit flipped (unsigned order as signed order). */
function mixed(value: number, seed: number): number {
  let h = value ^ seed
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h ^ 0x80000000
}

/**
 * Every position of the signature (see {@link minhashSignature}); empty input leaves them.
 * Four permutations per pass over the shingles: each shingle is read once for four independent
 * chains of arithmetic, which the CPU overlaps; then one at a time for the remaining positions.
 */
function fillSignature(shingles: Uint32Array, seeds: Uint32Array, signature: Uint32Array): void {
  const values = new Int32Array(shingles.buffer, shingles.byteOffset, shingles.length)
  const count = values.length
  if (count === 0) return
  let position = 0
  for (; position + 4 <= seeds.length; position += 4) {
    const [s0, s1, s2, s3] = [(seeds[position] as number) | 0, (seeds[position + 1] as number) | 0, (seeds[position + 2] as number) | 0, (seeds[position + 3] as number) | 0]
    let [m0, m1, m2, m3] = [0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff]
    for (let index = 0; index < count; index += 1) {
      const value = values[index] as number
      m0 = Math.min(m0, mixed(value, s0))
      m1 = Math.min(m1, mixed(value, s1))
      m2 = Math.min(m2, mixed(value, s2))
      m3 = Math.min(m3, mixed(value, s3))
    }
    signature.set([(m0 ^ 0x80000000) >>> 0, (m1 ^ 0x80000000) >>> 0, (m2 ^ 0x80000000) >>> 0, (m3 ^ 0x80000000) >>> 0], position)
  }
  for (; position < seeds.length; position += 1) {
    const seed = (seeds[position] as number) | 0
    let smallest = 0x7fffffff
    for (let index = 0; index < count; index += 1) smallest = Math.min(smallest, mixed(values[index] as number, seed))
    signature[position] = (smallest ^ 0x80000000) >>> 0
  }
}

/** Share of positions where two signatures of the same width agree: the estimated Jaccard similarity. */
export function estimateSimilarity(a: Uint32Array | Uint16Array | Uint8Array, b: Uint32Array | Uint16Array | Uint8Array): number {
  const length = Math.min(a.length, b.length)
  if (length === 0) return 0
  let same = 0
  for (let index = 0; index < length; index += 1) if (a[index] === b[index]) same += 1
  return same / length
}

/** One 32-bit key per band (the band's rows hashed together, salted by the band number). */
export function bandKeys(signature: Uint32Array, banding: Banding): Uint32Array {
  const keys = new Uint32Array(banding.bands)
  for (let band = 0; band < banding.bands; band += 1) {
    let hash = band + 1
    const start = band * banding.rows
    for (let row = start; row < start + banding.rows; row += 1) hash = mixBlock(hash, signature[row] as number)
    keys[band] = fmix32(hash)
  }
  return keys
}

/** Probability that a pair with Jaccard similarity `s` shares at least one band. */
export function candidateProbability(similarity: number, banding: Banding): number {
  return 1 - (1 - similarity ** banding.rows) ** banding.bands
}

/** Candidate probability the banding must reach at the threshold itself. */
const RECALL_AT_THRESHOLD = 0.97

function falseCandidateArea(banding: Banding, threshold: number, steps = 100): number {
  let sum = 0
  for (let step = 0; step < steps; step += 1) sum += candidateProbability(((step + 0.5) / steps) * threshold, banding)
  return (sum / steps) * threshold
}

/**
 * Picks bands × rows ≤ `permutations`: among bandings that make a pair AT the threshold a
 * candidate with probability ≥ 0.97, the one with the fewest candidates below it (smallest area
 * under the S-curve on [0, threshold]). The S-curve's midpoint therefore sits below the
 * threshold on purpose: every candidate is verified on its signature afterwards, so a false
 * candidate costs one comparison while a missed pair is a duplicate kept.
 */
export function chooseBanding(threshold: number, permutations: number): Banding {
  let best: Banding = { bands: permutations, rows: 1 }
  let bestArea = Number.POSITIVE_INFINITY
  for (let rows = 1; rows <= permutations; rows += 1) {
    const banding = { bands: Math.floor(permutations / rows), rows }
    if (candidateProbability(threshold, banding) < RECALL_AT_THRESHOLD) continue
    const area = falseCandidateArea(banding, threshold)
    if (area < bestArea) {
      best = banding
      bestArea = area
    }
  }
  return best
}
