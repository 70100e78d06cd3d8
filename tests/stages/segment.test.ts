import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { segment, segmentRules } from '../../src/stages/segment.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

interface Case {
  name: string
  input: string
  expected: string[]
  rules: string[]
}

const cases: Case[] = [
  { name: 'two clean paragraphs are left alone', input: 'First one.\n\nSecond one.', expected: ['First one.', 'Second one.'], rules: [] },
  { name: 'a single line break stays inside the paragraph', input: 'Line one\nline two.\n\nNext.', expected: ['Line one\nline two.', 'Next.'], rules: [] },
  { name: 'runs of blank lines collapse to one', input: 'A.\n\n\n\nB.', expected: ['A.', 'B.'], rules: ['segment/whitespace-normalized'] },
  { name: 'blank lines holding spaces separate paragraphs', input: 'A.\n  \t\nB.', expected: ['A.', 'B.'], rules: ['segment/whitespace-normalized'] },
  { name: 'space around the text and paragraphs is trimmed', input: '\n\n  A.  \n\n B.\n', expected: ['A.', 'B.'], rules: ['segment/whitespace-normalized'] },
  { name: 'empty text gives no paragraphs', input: '', expected: [], rules: [] },
  { name: 'blank text becomes empty', input: ' \n\n ', expected: [], rules: ['segment/whitespace-normalized'] },
]

describe('segment', () => {
  it.each(cases)('$name', async ({ input, expected, rules }) => {
    const { doc } = await runStage(segment(), { text: input }, rules)
    expect(doc.paragraphs).toEqual(expected)
    expect(doc.text).toBe(expected.join('\n\n'))
  })

  it('counts paragraphs, sentences, words and characters', async () => {
    const { doc } = await runStage(segment(), { text: 'Dr. Lee arrived at 9 a.m. today. She left.\n\nIt was 3.5 km, she said.' }, [])
    expect(doc.stats).toEqual({ paragraphs: 2, sentences: 3, words: 15, characters: 68 })
    expect(doc.sentences).toBeUndefined()
  })

  it('adds the sentences when asked', async () => {
    const { doc } = await runStage(segment({ sentences: true }), { text: 'One. Two?\n\nThree!' }, [])
    expect(doc.sentences).toEqual(['One.', 'Two?', 'Three!'])
  })

  it('counts CJK characters as words', async () => {
    const { doc } = await runStage(segment(), { text: '今天下雨了。' }, [])
    expect(doc.stats.words).toBe(5)
    expect(doc.stats.sentences).toBe(1)
  })

  it('rejects unknown options at config time', () => {
    expect(() => segment({ sentence: true } as never)).toThrow(/sentence/)
  })

  it('lists its rules', () => {
    expect(segment().rules).toEqual(segmentRules)
  })
})

describe('segment: properties', () => {
  const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\n', '\n\n', ' \n \n', '.', ' ')), { maxLength: 20 }).map((parts) => parts.join(''))

  propertyTest.prop([text])('paragraphs join to text, is idempotent and never throws', async (input) => {
    const first = await runStage(segment({ sentences: true }), { text: input })
    expect(first.dropped).toBe(false)
    expect(first.doc.paragraphs?.join('\n\n')).toBe(first.doc.text)
    const second = await runStage(segment({ sentences: true }), makeDoc({ text: first.doc.text }), [])
    expect(second.doc.text).toBe(first.doc.text)
    expect(second.doc.paragraphs).toEqual(first.doc.paragraphs)
  })
})
