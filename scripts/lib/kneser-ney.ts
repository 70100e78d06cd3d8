/**
 * Interpolated Kneser–Ney estimation of a word trigram model from id sequences (each starting
 * with <s> = 0 and ending with </s>), written out in backoff form: what
 * src/text/ngram-model.ts reads. Keys: a bigram is v * 65536 + w, a trigram u * 2^32 + v * 65536 + w.
 */

const B = 65536

/** Raw counts of every bigram and trigram. */
export interface NgramCounts {
  bigrams: Map<number, number>
  trigrams: Map<number, number>
}

/** Counts bigrams (from position 1) and trigrams (from position 2) of every sequence. */
export function countNgrams(sequences: readonly number[][]): NgramCounts {
  const bigrams = new Map<number, number>()
  const trigrams = new Map<number, number>()
  for (const ids of sequences) {
    for (let index = 1; index < ids.length; index += 1) {
      const bigram = (ids[index - 1] as number) * B + (ids[index] as number)
      bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1)
      if (index < 2) continue
      const trigram = (ids[index - 2] as number) * B * B + bigram
      trigrams.set(trigram, (trigrams.get(trigram) ?? 0) + 1)
    }
  }
  return { bigrams, trigrams }
}

/** The estimated model, as the data file stores it (log10 values). */
export interface Estimate {
  uniProb: Float64Array
  uniBow: Float64Array
  bigramKeys: Uint32Array
  biProb: Float64Array
  biBow: Float64Array
  triStart: Uint32Array
  trigramWords: Uint16Array
  triProb: Float64Array
}

const add = (map: Map<number, number>, key: number, value: number): void => {
  map.set(key, (map.get(key) ?? 0) + value)
}

/** D = n1 / (n1 + 2 n2) from the counts of one order. */
function discount(counts: Iterable<number>): number {
  let once = 0
  let twice = 0
  for (const count of counts) {
    if (count === 1) once += 1
    else if (count === 2) twice += 1
  }
  return once / (once + 2 * twice)
}

/** Context totals and distinct continuations, per context key. */
function contexts(counts: Map<number, number>, split: number): { total: Map<number, number>; types: Map<number, number> } {
  const total = new Map<number, number>()
  const types = new Map<number, number>()
  for (const [key, count] of counts) {
    const context = Math.floor(key / split)
    add(total, context, count)
    add(types, context, 1)
  }
  return { total, types }
}

/** Bigram counts for the middle order: distinct left words (KN), raw counts after <s>. */
function continuationBigrams(counts: NgramCounts): Map<number, number> {
  const result = new Map<number, number>()
  for (const key of counts.trigrams.keys()) add(result, key % (B * B), 1)
  for (const [key, count] of counts.bigrams) if (key < B) result.set(key, count)
  return result
}

function unigrams(bigrams: Map<number, number>, size: number): Float64Array {
  const continuation = new Float64Array(size)
  for (const key of bigrams.keys()) continuation[key % B] = (continuation[key % B] as number) + 1
  const total = continuation.reduce((sum, value) => sum + value, 0)
  return continuation.map((value, id) => (id === 0 ? -99 : Math.log10((value + 0.1) / (total + 0.1 * size))))
}

/** Estimates the model; n-grams seen fewer times than the minimums are left to the backoff. */
export function estimate(counts: NgramCounts, size: number, minimum: { minBigram: number; minTrigram: number }): Estimate {
  const middle = continuationBigrams(counts)
  const d2 = discount(middle.values())
  const d3 = discount(counts.trigrams.values())
  const uniProb = unigrams(middle, size)
  const ctx2 = contexts(middle, B)
  const uniBow = new Float64Array(size).map((_, v) => {
    const total = ctx2.total.get(v)
    return total === undefined ? 0 : Math.log10((d2 * (ctx2.types.get(v) as number)) / total)
  })
  const p2 = (key: number): number => {
    const v = Math.floor(key / B)
    const total = ctx2.total.get(v) ?? 0
    const lower = 10 ** ((uniBow[v] as number) + (uniProb[key % B] as number))
    return total === 0 ? lower : Math.max((middle.get(key) ?? 0) - d2, 0) / total + lower
  }
  const ctx3 = contexts(counts.trigrams, B)
  const keptTrigrams = [...counts.trigrams].filter(([, count]) => count >= minimum.minTrigram).map(([key]) => key).sort((left, right) => left - right)
  const needed = new Set(keptTrigrams.map((key) => Math.floor(key / B)))
  const bigramKeys = [...counts.bigrams].filter(([key, count]) => count >= minimum.minBigram || needed.has(key)).map(([key]) => key).sort((left, right) => left - right)
  const biBow = Float64Array.from(bigramKeys, (key) => {
    const total = ctx3.total.get(key)
    return total === undefined ? 0 : Math.log10((d3 * (ctx3.types.get(key) as number)) / total)
  })
  const index = new Map(bigramKeys.map((key, position) => [key, position]))
  const triStart = new Uint32Array(bigramKeys.length + 1)
  const triProb = Float64Array.from(keptTrigrams, (key) => {
    const context = Math.floor(key / B)
    const bow = 10 ** (biBow[index.get(context) as number] as number)
    return Math.log10(Math.max((counts.trigrams.get(key) as number) - d3, 0) / (ctx3.total.get(context) as number) + bow * p2(key % (B * B)))
  })
  for (const key of keptTrigrams) {
    const slot = (index.get(Math.floor(key / B)) as number) + 1
    triStart[slot] = (triStart[slot] as number) + 1
  }
  for (let position = 1; position < triStart.length; position += 1) triStart[position] = (triStart[position] as number) + (triStart[position - 1] as number)
  console.log(`discounts: bigram ${d2.toFixed(3)}, trigram ${d3.toFixed(3)}`)
  return {
    uniProb, uniBow, bigramKeys: Uint32Array.from(bigramKeys), biProb: Float64Array.from(bigramKeys, (key) => Math.log10(p2(key))), biBow,
    triStart, trigramWords: Uint16Array.from(keptTrigrams, (key) => key % B), triProb,
  }
}
