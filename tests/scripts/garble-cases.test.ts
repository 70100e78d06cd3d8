/**
 * The synthetic garble benchmark behind `npm run eval:garble` (issue 5's figures): seeded and
 * reproducible, and each corruption does exactly what its name says to one sentence of the
 * article, leaving the rest of the article as it was.
 */
import { describe, expect, it } from 'vitest'
import { articleCases, random } from '../../scripts/eval-garble.ts'
import type { GarbleCase } from '../../scripts/eval-garble.ts'

const ARTICLE = [
  'The city council voted on Tuesday to turn the old river docks into a public park after two years of debate.',
  'Work is expected to start in the spring, and the mayor said the first paths along the water should be ready before summer.',
  'Residents who live near the docks welcomed the decision, although some worried about the noise of construction.',
  'The plan includes a playground, a small market and several well-known cafés that will open along the promenade.',
  'Officials estimate that the whole project will cost about twelve million dollars over the next three years.',
].join(' ')

const cases = (seed: number, perDoc = 70): GarbleCase[] => [...articleCases(ARTICLE, random(seed), perDoc, 0)]
const words = (text: string): string[] => text.split(' ')

describe('garble benchmark cases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(cases(7)).toEqual(cases(7))
    expect(cases(7).map((item) => item.corrupted)).not.toEqual(cases(8).map((item) => item.corrupted))
  })

  it('change one sentence of the article and nothing else', () => {
    for (const item of cases(3)) {
      expect(item.text.slice(0, item.span.start)).toBe(ARTICLE.slice(0, item.span.start))
      expect(item.text.slice(item.span.start, item.span.start + item.corrupted.length)).toBe(item.corrupted)
      const rest = ARTICLE.slice(item.span.end)
      expect(item.text.endsWith(rest) || item.text.endsWith(rest.slice(1))).toBe(true)
    }
  })

  it('corrupt each sentence the way the kind says', () => {
    const seen = new Set<string>()
    const squeezed = (text: string): string => text.replace(/\s+/gu, '')
    for (const { kind, span, corrupted, text } of cases(11)) {
      seen.add(kind)
      const before = words(span.text)
      const after = words(corrupted)
      if (kind !== 'glued') expect(corrupted).not.toBe(span.text)
      if (kind === 'dropped') expect(after.length).toBe(before.length - 1)
      if (kind === 'duplicated') expect(after.filter((word, index) => word === after[index + 1])).toHaveLength(1)
      if (kind === 'swapped') expect([...after].sort()).toEqual([...before].sort())
      if (kind === 'capitalised') expect(corrupted.toLowerCase()).toBe(span.text.toLowerCase())
      if (kind === 'line-break') expect(corrupted.replace('\n', ' ')).toBe(span.text)
      if (kind === 'hyphen-split') expect([corrupted.replace('-\n', ''), corrupted.replace('-\n', '-')]).toContain(span.text)
      // Glue removes one space: inside the sentence, or after it ("ended.Next").
      if (kind === 'glued') expect(corrupted === span.text ? text.length : after.length).toBe(corrupted === span.text ? ARTICLE.length - 1 : before.length - 1)
      if (kind === 'glued') expect(squeezed(corrupted)).toBe(squeezed(span.text))
    }
    expect([...seen].sort()).toEqual(['capitalised', 'dropped', 'duplicated', 'glued', 'hyphen-split', 'line-break', 'swapped'])
  })
})
