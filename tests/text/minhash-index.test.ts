import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { addSignature, bestMatch, createMinhashIndex, lowBitSimilarity, signatureAt } from '../../src/text/minhash-index.ts'
import { bandKeys } from '../../src/text/minhash.ts'

const banding = { bands: 4, rows: 2 }
const PERMUTATIONS = 8

/** The answer by definition: every earlier signature sharing a band key, best similarity of the low 8 bits, lowest index. */
function bruteForce(stored: Uint32Array[], signature: Uint32Array): { document: number; similarity: number } | undefined {
  const keys = bandKeys(signature, banding)
  let best: { document: number; similarity: number } | undefined
  stored.forEach((other, document) => {
    const otherKeys = bandKeys(other, banding)
    if (!keys.some((key, band) => otherKeys[band] === key)) return
    const similarity = lowBitSimilarity(Uint8Array.from(signature), Uint8Array.from(other))
    if (best === undefined || similarity > best.similarity) best = { document, similarity }
  })
  return best
}

describe('minhash index', () => {
  // Values from a tiny range make band collisions (many documents under one key) common; 3,000 signatures merge the newest pairs into the sorted runs twice.
  propertyTest.prop([fc.array(fc.uint32Array({ minLength: PERMUTATIONS, maxLength: PERMUTATIONS, max: 3 }), { minLength: 1, maxLength: 3000 })], { numRuns: 5 })(
    'finds what a scan of every stored signature finds',
    (signatures) => {
      const index = createMinhashIndex(banding, PERMUTATIONS)
      const stored: Uint32Array[] = []
      for (const [position, signature] of signatures.entries()) {
        if (position % 7 === 0) expect(bestMatch(index, signature, bandKeys(signature, banding))).toEqual(bruteForce(stored, signature))
        addSignature(index, signature, bandKeys(signature, banding))
        stored.push(signature)
      }
      expect(index.count).toBe(stored.length)
      expect([...signatureAt(index, stored.length - 1)]).toEqual([...Uint8Array.from(stored.at(-1) as Uint32Array)])
    },
  )

  it('keeps the low 8 bits of each value: values that differ only above them count as equal', () => {
    const index = createMinhashIndex(banding, PERMUTATIONS)
    const first = Uint32Array.from([0x101, 0x2_0002, 3, 4, 5, 6, 7, 8])
    addSignature(index, first, bandKeys(first, banding))
    expect([...signatureAt(index, 0)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    // Shares the last three bands with the first; the first two values differ only in their high bits.
    const second = Uint32Array.from([0x5_0001, 0x602, 3, 4, 5, 6, 7, 8])
    expect(bestMatch(index, second, bandKeys(second, banding))).toEqual({ document: 0, similarity: 1 })
    // Six of eight positions agree: 0.75, less the chance agreement of 8-bit values (1/256).
    const third = Uint32Array.from([9, 10, 3, 4, 5, 6, 7, 8])
    expect(bestMatch(index, third, bandKeys(third, banding))?.similarity).toBeCloseTo((0.75 - 1 / 256) / (1 - 1 / 256), 12)
  })

  it('takes chance agreement out of the estimate: no agreement is 0, not negative', () => {
    expect(lowBitSimilarity(Uint8Array.from([1, 2, 3, 4]), Uint8Array.from([1, 2, 3, 4]))).toBe(1)
    expect(lowBitSimilarity(Uint8Array.from([1, 2, 3, 4]), Uint8Array.from([5, 6, 7, 8]))).toBe(0)
    expect(lowBitSimilarity(Uint8Array.from([1, 2, 3, 4]), Uint8Array.from([1, 2, 7, 8]))).toBeCloseTo((0.5 - 1 / 256) / (1 - 1 / 256), 12)
  })

  it('estimates the similarity of real signatures within 0.05 of what their full 32 bits estimate', () => {
    let state = 11
    const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0)
    for (const shared of [0.5, 0.8, 0.95]) {
      const a = Uint32Array.from({ length: 1024 }, random)
      const b = a.map((value) => (random() / 2 ** 32 < shared ? value : random()))
      const full = a.reduce((same, value, at) => same + (value === b[at] ? 1 : 0), 0) / a.length
      expect(Math.abs(lowBitSimilarity(Uint8Array.from(a), Uint8Array.from(b)) - full)).toBeLessThan(0.05)
    }
  })

  it('merges its newest pairs into the sorted runs (5,000 signatures) and still finds what a scan finds', () => {
    let state = 7
    const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) % 60
    const index = createMinhashIndex(banding, PERMUTATIONS)
    const stored: Uint32Array[] = []
    for (let position = 0; position < 5000; position += 1) {
      const signature = Uint32Array.from({ length: PERMUTATIONS }, next)
      if (position % 50 === 49) expect(bestMatch(index, signature, bandKeys(signature, banding))).toEqual(bruteForce(stored, signature))
      addSignature(index, signature, bandKeys(signature, banding))
      stored.push(signature)
    }
    // Four merges of 1,024 pairs into band 0's sorted run; the rest wait in its recent pairs.
    const run = index.runs[0] as (typeof index.runs)[number]
    expect(run.size).toBe(4096)
    expect(run.recentCount).toBe(5000 - 4096)
    // Room grows by half again when full, not to the exact size at every merge, and never past half the pairs it holds.
    expect(run.keys.length).toBeGreaterThan(run.size)
    expect(run.keys.length).toBeLessThanOrEqual(run.size * 1.5)
    for (let at = 1; at < run.size; at += 1) {
      const order = (run.keys[at - 1] as number) - (run.keys[at] as number) || (run.documents[at - 1] as number) - (run.documents[at] as number)
      expect(order).toBeLessThan(0)
    }
    expect(index.signatures.chunks.length).toBe(2)
  })

  it('survives a checkpoint: a structured clone answers the same', () => {
    const index = createMinhashIndex(banding, PERMUTATIONS)
    const signature = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8])
    addSignature(index, signature, bandKeys(signature, banding))
    const copy = structuredClone(index)
    expect(bestMatch(copy, signature, bandKeys(signature, banding))).toEqual({ document: 0, similarity: 1 })
  })
})
