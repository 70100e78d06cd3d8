import { describe, expect, it } from 'vitest'
import { comparable, endsLikeSentence, lineKey, withoutNumbers, wordCount, wordsOf } from '../../src/text/lines.ts'
import { reachesStopwordShare, stopwordRatio } from '../../src/text/stopwords.ts'
import { seededRandom } from '../../scripts/lib/seeded-random.ts'

/** The tokeniser the scanner replaces, as the reference. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const referenceWords = (text: string): string[] => text.match(WORD) ?? []
const referenceSentenceEnd = (text: string): boolean => /[.!?…。！？:;]["'”’»)\]]*$/u.test(text.trimEnd())

const PIECES = ['a', 'B', '1', '42', "'", '’', ' ', '  ', '-', 'é', 'İ', 'ß', 'ǅ', '\u0307', 'Σ', '𝐀', '𝟘', '😀', '\ud800', '\udc00', '中', '٣', 'Ⅻ', 'ﬁ', '.', ')', '”', '\t', "x'y", "l'a", 'don’t', 'Ünïcödé']

function randomLines(count: number): string[] {
  const random = seededRandom(7)
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 14) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''))
}

describe('lines', () => {
  const samples = [...randomLines(5_000), 'The Cat’s 3 hats, 2024 edition!', "rock'n'roll 4'a a'4", 'Comments (12)', '']

  it('the word scanner finds the tokens of the reference regex', () => {
    for (const text of samples) {
      const words = referenceWords(text)
      expect(wordsOf(text), text).toEqual(words)
      expect(wordCount(text), text).toBe(words.length)
    }
  })

  it('lineKey gives comparable() and the counts of the reference tokens', () => {
    for (const text of samples) {
      const flat = referenceWords(text.toLowerCase())
      const key = lineKey(text)
      expect(key.flat, text).toBe(flat.join(' '))
      expect(comparable(text), text).toBe(flat.join(' '))
      expect(key.words, text).toBe(flat.length)
      expect(key.keyWords, text).toBe(flat.filter((word) => !/^\d+$/.test(word)).length)
      expect(withoutNumbers(key.flat), text).toBe(flat.filter((word) => !/^\d+$/.test(word)).join(' '))
    }
  })

  it('lowercasing keeps every code point but U+0130 at its length and letter/number class (what lineKey.aligned relies on)', () => {
    const kind = (text: string): number => (/^\p{L}$/u.test(text) ? 1 : /^\p{N}$/u.test(text) ? 2 : 0)
    const changed: number[] = []
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      const lower = char.toLowerCase()
      if (lower.length !== char.length || kind(lower) !== kind(char)) changed.push(code)
    }
    expect(changed).toEqual([0x130])
  })

  it('aligned lines share their stopword ratio with their key', () => {
    for (const text of ['The harbour is closed for the winter, and the mayor said that it was not an easy decision.', 'Home News World Sport Weather', 'Der Hafen ist im Winter geschlossen und der Bürgermeister sagte das.']) {
      const key = lineKey(text)
      expect(key.aligned).toBe(true)
      for (const min of [0, 0.15, 0.3, 0.5]) expect(reachesStopwordShare(key.flat, key.words, min), `${text} ${min}`).toBe(stopwordRatio(wordsOf(text)) >= min)
    }
    expect(lineKey('İstanbul').aligned).toBe(false)
  })

  it('endsLikeSentence agrees with the sentence-end regex', () => {
    for (const text of [...samples, 'Done.', 'He said "yes."', 'Really?!)', 'Menu', 'a: ', '(see above).”  ', '。']) expect(endsLikeSentence(text), text).toBe(referenceSentenceEnd(text))
  })
})
