import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { looksEnglish } from '../../src/text/english.ts'
import { INLINE_ASCII_TWINS } from '../../src/text/garble-inline.ts'
import { eachDouble, eachMidCapital } from '../../src/text/garble-scan.ts'
import { tokenize } from '../../src/text/garble-tokens.ts'
import { ngramTokens, tokenSpans } from '../../src/text/ngram-tokens.ts'
import { buildWordTable, findWord, lowercaseAscii } from '../../src/text/ngram-vocab.ts'

// The hand scans must cut exactly what the patterns they replace cut; these are those patterns.
const NGRAM_TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*%?)|([,.;:?!()"“”«»]|--|—|–)/gu
const GARBLE_TOKEN = /([^\s\p{L}\p{N}]*)([\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*)([^\s\p{L}\p{N}]*)/gu
const MARKERS = new Set('the and of to is was that with for are this have from by it he she they you be not but which were been has their would there what about will when who them his her its our your into than then these those could should also after because only other some such'.split(' '))

function referenceNgramTokens(sentence: string): { raw: string; start: number; form: string; word: boolean }[] {
  return [...sentence.matchAll(NGRAM_TOKEN)].map((match) => {
    const raw = match[0]
    let form = raw
    if (match[1] !== undefined) form = raw.toLowerCase().replace(/’/gu, "'")
    else if (match[2] !== undefined) form = '<num>'
    else if (/^["“”«»]$/u.test(raw)) form = '"'
    else if (/^(?:--|—|–)$/u.test(raw)) form = '—'
    return { raw, start: match.index, form, word: match[1] !== undefined && /^\p{L}+$/u.test(raw) }
  })
}

function referenceLooksEnglish(text: string): boolean {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? []
  return tokens.length >= 8 && tokens.filter((token) => MARKERS.has(token)).length / tokens.length >= 0.15
}

/** Strings over characters where the scans have to decide something. */
const tricky = (chars: string, maxLength = 24): fc.Arbitrary<string> => fc.array(fc.constantFrom(...chars), { maxLength }).map((list) => list.join(''))
const ASCII_CHARS = [..."aZk9' -.,:;%?!()\"_\t\n#@/e"]
const ALL_CHARS = [...ASCII_CHARS, '’', '“', '—', '–', 'é', '\u0301', 'İ', '\u212a', '𝐀', '٣', '\u00a0']

describe('hand scans match the patterns they replace', () => {
  propertyTest.prop([fc.oneof(tricky(ASCII_CHARS.join('')), tricky(ALL_CHARS.join('')))])('n-gram tokens', (sentence) => {
    const got = ngramTokens(sentence).map(({ raw, start, form, word }) => ({ raw, start, form, word }))
    expect(got).toEqual(referenceNgramTokens(sentence))
  })

  propertyTest.prop([tricky(ASCII_CHARS.join('')), fc.integer({ min: 0, max: 30 })])('n-gram token spans stop at the limit', (sentence, limit) => {
    expect(tokenSpans(sentence, limit).count).toBe(Math.min(limit, referenceNgramTokens(sentence).length))
  })

  propertyTest.prop([fc.oneof(tricky(ASCII_CHARS.join('')), tricky(ALL_CHARS.join('')))])('garble tokens', (sentence) => {
    const expected = [...sentence.matchAll(GARBLE_TOKEN)].map((match) => ({ before: match[1], word: match[2], after: match[3] }))
    expect(tokenize(sentence)).toEqual(expected)
  })

  const words = fc.constantFrom('the', 'THE', 'of', 'To', 'is', 'İs', 'İS', '\u212aey', 'cat', 'éthe', 'the\u0301', '𝐀the', 'be2', 'x')
  propertyTest.prop([fc.array(fc.tuple(words, fc.constantFrom(' ', '', '-', '\n', '. ')), { maxLength: 16 })])('English markers', (parts) => {
    const text = parts.map(([word, gap]) => word + gap).join('')
    expect(looksEnglish(text)).toBe(referenceLooksEnglish(text))
  })

  propertyTest.prop([tricky('aAzZ.!?, -_@/#\\0Tx')])('ASCII twins of the in-line patterns', (line) => {
    for (const [unicode, ascii] of INLINE_ASCII_TWINS) {
      const all = (pattern: RegExp): string[][] => (pattern.global ? [...line.matchAll(pattern)].map((match) => [String(match.index), ...match]) : [[String(pattern.exec(line)?.index)]])
      expect(all(ascii)).toEqual(all(unicode))
    }
  })

  const pieces = fc.constantFrom('ab', 'Ab', 'AB', 'a', 'B', 'abc', ' ', ' ', "'", '-', '1', ',', ';', ':', ')', '.', 'x')
  propertyTest.prop([fc.array(pieces, { maxLength: 20 }).map((list) => list.join(''))])('mid-sentence capitals and doubled words of an ASCII line', (line) => {
    const found = (scan: (line: string, found: (word: string) => void) => void): string[] => {
      const words: string[] = []
      scan(line, (word) => words.push(word))
      return words
    }
    expect(found(eachMidCapital)).toEqual([...line.matchAll(/(?<=[A-Za-z0-9,;:)] )[A-Z][a-zA-Z]*(?![A-Za-z0-9])/g)].map((match) => match[0]))
    expect(found(eachDouble)).toEqual([...line.matchAll(/(?<![A-Za-z0-9'’-])([A-Za-z]+) \1(?![A-Za-z0-9'’-])/g)].map((match) => match[1]))
  })
})

describe('word table of a vocabulary', () => {
  it('finds lowercase ASCII entries from text of any case, as a Map of the forms would', () => {
    const vocab = ['<s>', 'the', "don't", 'e-mail', 'café', 'Name', 'the']
    const table = buildWordTable(vocab, lowercaseAscii)
    const text = "THE Don't e-MAIL cafe name x"
    const find = (word: string): number => findWord(table, text, text.indexOf(word), text.indexOf(word) + word.length)
    expect([find('THE'), find("Don't"), find('e-MAIL'), find('cafe'), find('name'), find('x')]).toEqual([6, 2, 3, -1, -1, -1])
  })
})
