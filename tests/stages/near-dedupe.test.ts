import { describe, expect, it } from 'vitest'
import { createRunState } from '../../src/core/stage.ts'
import { nearDedupe } from '../../src/stages/near-dedupe.ts'
import type { NearDedupeOptions } from '../../src/stages/near-dedupe.ts'
import { murmur3 } from '../../src/text/hash32.ts'
import { candidateProbability, chooseBanding, estimateSimilarity, minhashSignature } from '../../src/text/minhash.ts'
import { seedSequence } from '../../src/text/hash32.ts'
import { shingleHashes } from '../../src/text/shingles.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

const river = [
  'The city council voted on Tuesday to restore the old river embankment, a project that residents have requested for more than a decade after repeated spring floods damaged houses along the northern bank.',
  'Engineers estimate that the work will take three years and cost about forty million, most of it paid by a regional fund for climate adaptation that was created two years ago.',
  'Opponents argued that the money would be better spent on moving the most exposed families, but the mayor said the embankment protects schools, a hospital and the main railway line as well.',
  'Construction is expected to start next spring, once the environmental review is complete and the contracts have been awarded to local firms through an open tender.',
].join('\n\n')

const orchard = [
  'A small orchard in the hills has become a refuge for rare apple varieties that almost disappeared when supermarkets began to sell only a handful of types grown for long storage and shipping.',
  'Volunteers graft cuttings from old trees found in abandoned farms, and each autumn visitors taste dozens of apples whose names appear in no modern catalogue.',
  'The founders hope that nurseries will sell the trees again, so that gardeners can plant varieties adapted to the local climate instead of imported ones.',
].join('\n\n')

const paragraphs = river.split('\n\n')

interface Case {
  name: string
  options?: NearDedupeOptions
  texts: string[]
  kept: boolean[]
}

const cases: Case[] = [
  { name: 'different articles are all kept', texts: [river, orchard], kept: [true, true] },
  { name: 'an exact copy is rejected, the first kept', texts: [river, orchard, river], kept: [true, true, false] },
  { name: 'case, punctuation and line breaks do not matter', texts: [river, river.toUpperCase().replace(/[.,]/g, '').replace(/\n\n/g, ' ')], kept: [true, false] },
  { name: 'one changed word is still a near-duplicate', texts: [river, river.replace('forty', 'fifty')], kept: [true, false] },
  { name: 'reordered paragraphs are a near-duplicate', texts: [river, [paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]].join('\n\n')], kept: [true, false] },
  { name: 'a short appended footer is a near-duplicate', texts: [river, `${river}\n\nSubscribe to our newsletter for more local news.`], kept: [true, false] },
  { name: 'the same first half with a different second half is kept', texts: [river, `${paragraphs[0]}\n\n${paragraphs[1]}\n\n${orchard}`], kept: [true, true] },
  { name: 'one changed word is kept under a 0.99 threshold', options: { threshold: 0.99 }, texts: [river, river.replace('forty', 'fifty')], kept: [true, true] },
  { name: 'empty texts are never compared', texts: ['', ''], kept: [true, true] },
]

async function runAll(options: NearDedupeOptions, texts: string[]) {
  const stage = nearDedupe(options)
  const run = createRunState()
  const results = []
  for (const [index, text] of texts.entries()) {
    const doc = makeDoc({ text, source: { path: `in/${index}.txt`, format: 'txt' } }, index)
    results.push(await runStage(stage, doc, undefined, run))
  }
  return results
}

describe('near-dedupe', () => {
  it.each(cases)('$name', async ({ options, texts, kept }) => {
    const results = await runAll(options ?? {}, texts)
    expect(results.map((result) => !result.dropped)).toEqual(kept)
    for (const result of results) expect(result.rules).toEqual(result.dropped ? ['near-dedupe/near-duplicate'] : [])
  })

  it('names the kept document and the estimated similarity', async () => {
    const results = await runAll({}, [river, orchard, river.replace('forty', 'fifty')])
    const message = results[2]?.doc.messages.at(-1)
    expect(message?.reason).toContain('in/0.txt')
    expect(message?.reason).toContain(results[0]?.doc.id)
    expect(message?.reason).toMatch(/similarity 0\.(8|9)\d/)
  })

  it('uses the signature prepared in a worker instead of signing the text again', async () => {
    const stage = nearDedupe()
    const run = createRunState()
    const first = stage.prepare?.(makeDoc({ text: river })) as ReturnType<typeof makeDoc>
    expect(Object.keys(first.prepared ?? {})).toEqual(['near-dedupe'])
    expect(first.meta).toEqual({})
    expect((await runStage(stage, first, [], run)).dropped).toBe(false)
    // River's text with orchard's prepared signature is judged by the signature: not a duplicate.
    const orchardSigned = { ...makeDoc({ text: river }, 1), prepared: (stage.prepare?.(makeDoc({ text: orchard })) as ReturnType<typeof makeDoc>).prepared }
    expect((await runStage(stage, orchardSigned, [], run)).dropped).toBe(false)
    // Without a prepared entry the stage signs the text itself.
    expect((await runStage(stage, makeDoc({ text: river }, 2), ['near-dedupe/near-duplicate'], run)).dropped).toBe(true)
  })

  it('keeps its memory per run', async () => {
    const stage = nearDedupe()
    const first = await runStage(stage, makeDoc({ text: river }), undefined, createRunState())
    const second = await runStage(stage, makeDoc({ text: river }, 1), undefined, createRunState())
    expect([first.dropped, second.dropped]).toEqual([false, false])
  })

  it('rejects inconsistent banding options with a sentence', () => {
    expect(() => nearDedupe({ bands: 20 })).toThrow(/both `bands` and `rows`/)
    expect(() => nearDedupe({ bands: 20, rows: 10 })).toThrow(/must not exceed `permutations`/)
  })
})

describe('minhash helpers', () => {
  it('murmur3 matches the reference on code units', () => {
    // Reference values of MurmurHash3_x86_32 on the UTF-16LE bytes of the strings.
    expect(murmur3('')).toBe(0)
    expect(murmur3('', 1)).toBe(0x514e28b7)
  })

  it('estimates Jaccard similarity within a few points', () => {
    const seeds = seedSequence(7, 256)
    const a = Uint32Array.from({ length: 1000 }, (_, index) => index)
    const b = Uint32Array.from({ length: 1000 }, (_, index) => index + 250)
    const exact = 750 / 1250
    expect(Math.abs(estimateSimilarity(minhashSignature(a, seeds), minhashSignature(b, seeds)) - exact)).toBeLessThan(0.08)
  })

  it('chooses a banding that finds pairs at the threshold', () => {
    const banding = chooseBanding(0.8, 128)
    expect(banding.bands * banding.rows).toBeLessThanOrEqual(128)
    expect(candidateProbability(0.8, banding)).toBeGreaterThanOrEqual(0.97)
    expect(candidateProbability(0.4, banding)).toBeLessThan(0.05)
  })

  it('shingles ignore case and punctuation', () => {
    expect(shingleHashes('The Cat, sat on the mat!', 3)).toEqual(shingleHashes('the cat sat on THE mat', 3))
    expect(shingleHashes('two words', 5)).toHaveLength(1)
  })
})
