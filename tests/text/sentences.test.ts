import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { sentenceSpans, splitSentences } from '../../src/text/sentences.ts'
import { ENGLISH, OTHER } from './sentence-golden.ts'

describe('splitSentences: golden rules (English)', () => {
  it.each(ENGLISH)('$rule', ({ input, expected }) => {
    expect(splitSentences(input)).toEqual(expected)
  })
})

describe('splitSentences: golden rules (other languages)', () => {
  it.each(OTHER)('$lang: $rule', ({ input, expected }) => {
    expect(splitSentences(input)).toEqual(expected)
  })
})

describe('splitSentences: edges', () => {
  it('gives nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences(' \n\t ')).toEqual([])
  })

  it('keeps text without any stop as one sentence', () => {
    expect(splitSentences('no stop at all here')).toEqual(['no stop at all here'])
  })

  it('reports offsets that point at the sentences', () => {
    const text = '  One here. Two there!  '
    for (const span of sentenceSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.text)
  })
})

describe('splitSentences: properties', () => {
  propertyTest.prop([fc.string({ unit: 'grapheme', maxLength: 200 })])('never throws and loses no visible character', (text) => {
    const sentences = splitSentences(text)
    expect(sentences.join('').replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''))
  })

  propertyTest.prop([fc.array(fc.constantFrom('Mr.', 'U.S.', 'The', 'end.', 'e.g.', '3.5', 'A.', '...', '?', 'a', '1.', '2.', '\n', '"', ')'), { maxLength: 30 })])(
    'splits every sentence again into itself',
    (parts) => {
      for (const sentence of splitSentences(parts.join(' '))) expect(splitSentences(sentence).join(' ')).toBe(sentence)
    },
  )
})
