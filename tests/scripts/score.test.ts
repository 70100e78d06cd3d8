import { describe, expect, it } from 'vitest'
import { aggregate, evaluate, pageCounts, precisionScore, recallScore, scorePage, shingles, tokenize } from '../../scripts/lib/score.ts'
import { createMt19937 } from '../../scripts/lib/mt19937.ts'

const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ')

describe('tokenize (Python re \\w+ with Unicode semantics)', () => {
  it.each([
    { name: 'punctuation and whitespace only separate', input: '  Hello,  world!\n\n“Quoted” — text. ', expected: ['Hello', 'world', 'Quoted', 'text'] },
    { name: 'letters with diacritics stay whole', input: 'Zürich naïve façade', expected: ['Zürich', 'naïve', 'façade'] },
    { name: 'Cyrillic, Greek and CJK are words', input: 'Привет, мир! Καλημέρα 日本語', expected: ['Привет', 'мир', 'Καλημέρα', '日本語'] },
    { name: 'digits, superscripts and underscore are word characters', input: '2024 x² _id_', expected: ['2024', 'x²', '_id_'] },
    { name: 'an apostrophe splits a word', input: "don't", expected: ['don', 't'] },
    // Python's \w excludes combining marks, so a decomposed "ï" splits the word (as score.py does).
    { name: 'combining marks are not word characters', input: 'nai\u0308ve', expected: ['nai', 've'] },
    { name: 'no case folding', input: 'The the', expected: ['The', 'the'] },
    { name: 'empty text has no tokens', input: '', expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(tokenize(input)).toEqual(expected)
  })
})

describe('shingles', () => {
  it('counts 4-token shingles as a multiset', () => {
    const result = shingles(tokenize('a b c d a b c d'))
    expect(Object.fromEntries(result)).toEqual({ 'a b c d': 2, 'b c d a': 1, 'c d a b': 1, 'd a b c': 1 })
  })
  it('makes one shorter shingle from fewer than 4 tokens', () => {
    expect(Object.fromEntries(shingles(['Hello', 'world']))).toEqual({ 'Hello world': 1 })
  })
  it('makes none from no tokens', () => {
    expect(shingles([]).size).toBe(0)
  })
})

describe('one page', () => {
  it.each([
    { name: 'identical texts', truth: 'one two three four five', prediction: 'one  two, three. four five', p: 1, r: 1, f1: 1 },
    { name: 'disjoint texts', truth: 'a b c d', prediction: 'e f g h', p: 0, r: 0, f1: 0 },
    // truth: 8 tokens = 5 shingles; prediction: 3 shingles, 2 of them right → tp 2, fp 1, fn 3.
    { name: '5 truth shingles, 3 predicted, 2 right', truth: words(8), prediction: 'w1 w2 w3 w4 w5 x', p: 2 / 3, r: 2 / 5, f1: 0.5 },
    // truth a b c d twice: abcd×2 + 3 others; prediction abcd×1 → tp 1, fp 0, fn 4.
    { name: 'repeated shingles count as a multiset', truth: 'a b c d a b c d', prediction: 'a b c d', p: 1, r: 1 / 5, f1: 1 / 3 },
    { name: 'a short text matches as one shingle', truth: 'Hello world', prediction: 'Hello, world!', p: 1, r: 1, f1: 1 },
    { name: 'a short text with one more word is a different shingle', truth: 'Hello world', prediction: 'Hello world again', p: 0, r: 0, f1: 0 },
    // 5 tokens = 2 shingles; "Zurich" ≠ "Zürich" spoils the first one only → tp 1, fp 1, fn 1.
    { name: 'non-ASCII words are compared whole', truth: 'Zürich ist naïve Привет мир', prediction: 'Zurich ist naïve Привет мир', p: 1 / 2, r: 1 / 2, f1: 1 / 2 },
  ])('$name', ({ truth, prediction, p, r, f1 }) => {
    const page = scorePage('x', truth, prediction)
    expect(page.precision).toBeCloseTo(p, 12)
    expect(page.recall).toBeCloseTo(r, 12)
    expect(page.f1).toBeCloseTo(f1, 12)
  })

  it('normalises counts by tp+fp+fn so every page weighs the same', () => {
    const counts = pageCounts(words(8), 'w1 w2 w3 w4 w5 x')
    expect(counts.tp).toBeCloseTo(2 / 6, 12)
    expect(counts.fp).toBeCloseTo(1 / 6, 12)
    expect(counts.fn).toBeCloseTo(3 / 6, 12)
  })

  it('an empty prediction has no precision and zero recall', () => {
    const page = scorePage('x', 'a b c d', '')
    expect(page).toMatchObject({ precision: null, recall: 0, f1: 0, exact: false, missing: false })
  })

  it('an empty truth with a prediction has zero precision and no recall', () => {
    expect(scorePage('x', '', 'a b c d')).toMatchObject({ precision: 0, recall: null, f1: 0 })
  })

  it('empty truth and empty prediction are not scored but are exact', () => {
    expect(scorePage('x', '', '  ...  ')).toMatchObject({ precision: null, recall: null, f1: null, exact: true })
  })

  it('page scores are 1 when nothing is extra or missing, 0 when nothing overlaps', () => {
    expect(precisionScore({ tp: 1, fp: 0, fn: 0 })).toBe(1)
    expect(recallScore({ tp: 0, fp: 1, fn: 0 })).toBe(0)
  })
})

describe('a run', () => {
  const truth = new Map([
    ['a', 'one two three four five six'],
    ['b', 'alpha beta gamma delta epsilon'],
    ['c', words(8)],
    ['d', 'short text'],
  ])
  const predictions = new Map([
    ['a', 'one two three four five six'],
    ['b', ''],
    ['c', 'w1 w2 w3 w4 w5 x'],
    ['d', 'short text here'],
  ])

  it('macro-averages P over non-empty predictions and R over non-empty truths, F1 of the means', () => {
    const { summary } = evaluate(truth, predictions)
    // P: pages a, c, d = (1 + 2/3 + 0) / 3; R: all four = (1 + 0 + 2/5 + 0) / 4.
    const p = 5 / 9
    const r = 0.35
    expect(summary.precision).toBeCloseTo(p, 12)
    expect(summary.recall).toBeCloseTo(r, 12)
    expect(summary.f1).toBeCloseTo((2 * p * r) / (p + r), 12)
    expect(summary.accuracy).toBe(0.25)
  })

  it('an empty prediction lowers recall only', () => {
    const full = evaluate(truth, new Map([...predictions, ['b', truth.get('b') as string]])).summary
    const empty = evaluate(truth, predictions).summary
    // Page b is left out of the precision mean instead of counting as 0.
    expect(empty.precision).toBeCloseTo((1 + 2 / 3 + 0) / 3, 12)
    expect(full.precision).toBeCloseTo((1 + 1 + 2 / 3 + 0) / 4, 12)
    expect(empty.recall).toBeCloseTo(full.recall - 1 / 4, 12)
  })

  it('a page missing from the run counts as an empty prediction and is flagged', () => {
    const without = new Map([...predictions].filter(([id]) => id !== 'b'))
    const { summary, pages } = evaluate(truth, without)
    expect(summary).toEqual(evaluate(truth, predictions).summary)
    expect(pages.find((page) => page.id === 'b')?.missing).toBe(true)
  })

  it('F1 is of the means, not a mean of page F1s', () => {
    const result = aggregate([{ tp: 1, fp: 0, fn: 0 }, { tp: 0, fp: 0.5, fn: 0.5 }])
    expect(result).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it('bootstrap std matches score.py for the same seed (values from score.py --n-bootstrap 50 --seed 7)', () => {
    const { summary } = evaluate(truth, predictions, { bootstrap: 50, seed: 7 })
    expect(summary.f1_std).toBeCloseTo(0.18994068740800096, 10)
    expect(summary.precision_std).toBeCloseTo(0.21669718954723882, 10)
    expect(summary.recall_std).toBeCloseTo(0.18239897958898246, 10)
    expect(summary.accuracy_std).toBeCloseTo(0.201017818278147, 10)
  })
})

describe('Python-compatible random', () => {
  it('draws what random.Random(0).randrange(500) draws', () => {
    const random = createMt19937(0)
    expect([0, 1, 2, 3, 4].map(() => random.randrange(500))).toEqual([432, 197, 388, 455, 215])
    expect(random.getrandbits(32)).toBe(173879092)
  })
})
