import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { createLexicon, loadEnglishLexicon, shareEnglishLexicon } from '../../src/text/lexicon.ts'

const small = createLexicon(
  [
    { word: 'house', count: 900 },
    { word: 'Ukraine', count: 40 },
    { word: 'café', count: 12 },
    { word: 'House', count: 5 },
    { word: 'x', count: 50 },
  ],
  ['definitely'],
  [
    ['went', 'p'],
    ['make', 'b'],
  ],
)

describe('createLexicon', () => {
  it.each([
    ['house', { count: 900, capitalized: false }],
    ['HOUSE', { count: 900, capitalized: false }],
    ['ukraine', { count: 40, capitalized: true }],
    ['CAFÉ', { count: 12, capitalized: false }],
    ['definitely', undefined],
    ['missing', undefined],
  ])('entry(%s)', (word, expected) => {
    expect(small.entry(word)).toEqual(expected)
  })

  it('tells words, common lowercase words, rarely-nouns and verb forms apart, in any casing', () => {
    expect([small.isWord('House'), small.isWord('house', 901), small.isWord('x'), small.isWord('definitely')]).toEqual([true, false, false, false])
    expect([small.isCommonLowercase('house'), small.isCommonLowercase('Ukraine'), small.isCommonLowercase('café', 13)]).toEqual([true, false, false])
    expect([small.isRarelyNoun('Definitely'), small.isRarelyNoun('house')]).toEqual([true, false])
    expect([small.verbForm('Went'), small.verbForm('make'), small.verbForm('house')]).toEqual(['p', 'b', undefined])
  })
})

describe('shared English lexicon', () => {
  it('answers like a lexicon read from the files, and worker threads get the same memory', async () => {
    const own = loadEnglishLexicon()
    shareEnglishLexicon()
    const shared = loadEnglishLexicon()
    for (const word of ['the', 'Bringing', 'ukraine', 'information', 'went', 'definitely', 'naïve', 'zzqx']) {
      expect([shared.entry(word), shared.verbForm(word), shared.isRarelyNoun(word)]).toEqual([own.entry(word), own.verbForm(word), own.isRarelyNoun(word)])
    }
    const worker = new Worker(
      `const { parentPort, getEnvironmentData } = require('node:worker_threads');
       const data = getEnvironmentData('sluice.english-lexicon');
       parentPort.postMessage(data.counts.buffer instanceof SharedArrayBuffer && data.words.slots.buffer instanceof SharedArrayBuffer)`,
      { eval: true },
    )
    const shares = await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(shares).toBe(true)
  })
})
