import { describe, expect, it } from 'vitest'
import { parseEvalArgs, UsageError } from '../../scripts/lib/args.ts'
import { pageDeltas } from '../../scripts/lib/compare.ts'
import { matchId } from '../../scripts/lib/corpus.ts'
import { lostLines, mentions } from '../../scripts/lib/loss.ts'
import { absentLines, indexText, pageReason } from '../../scripts/lib/reasons.ts'
import { scorePage, tokenize } from '../../scripts/lib/score.ts'

const article = 'The council voted on Tuesday to close the old bridge for repairs.\nWork will start in May and last until the end of the year, officials said.'
const raw = `Home | News | Sport\n${article}\nShare on Facebook\n3 comments\nGreat article, thanks for writing it up so clearly today!`

describe('matchId (as score.py matches sources)', () => {
  const ids = new Set(['168', 'R21', 'a.b'])
  it.each([
    { source: '168.txt', expected: '168' },
    { source: 'dump.zip!/site/R21.html', expected: 'R21' },
    { source: 'R21.html.gz', expected: 'R21' },
    { source: 'a.b', expected: 'a.b' },
    { source: 'other.txt', expected: undefined },
  ])('$source → $expected', ({ source, expected }) => {
    expect(matchId(source, ids)).toBe(expected)
  })
})

describe('worst-page reasons', () => {
  it('names the first extra line and says when extra lines are reader comments', () => {
    const page = scorePage('p', article, raw)
    const comments = 'Great article, thanks for writing it up so clearly today!'
    const reason = pageReason(page, article, raw, comments, undefined)
    expect(reason).toMatch(/^low precision: kept \d+ extra tokens in 4 lines \(1 line from the reader comments\); first: «Home \| News \| Sport»$/)
  })
  it('names the first missing truth line when recall is the problem', () => {
    const kept = 'Work will start in May and last until the end of the year, officials said.'
    expect(pageReason(scorePage('p', article, kept), article, kept, undefined, undefined)).toBe('low recall: lost 12 truth tokens in 1 line; first: «The council voted on Tuesday to close the old bridge for repairs.»')
  })
  it('gives the reject rule for a rejected page and flags an empty output', () => {
    const rejection = { stage: 'validate', rule: 'validate/too-short', reason: 'Only 3 words.', messages: [] }
    expect(pageReason(scorePage('p', article, undefined), article, undefined, undefined, rejection)).toBe('rejected: validate/too-short — Only 3 words.')
    expect(pageReason(scorePage('p', article, ' '), article, ' ', undefined, undefined)).toBe('empty output')
  })
  it('says "wrong text" when the output is some other block of the page', () => {
    const other = 'Subscribe to our newsletter for the latest updates from the city.'
    expect(pageReason(scorePage('p', article, other), article, other, undefined, undefined)).toBe(
      'wrong text: kept 11 extra tokens in 1 line; first: «Subscribe to our newsletter for the latest updates from the city.»; lost 27 truth tokens in 2 lines; first: «The council voted on Tuesday to close the old bridge for repairs.»',
    )
  })
  it('says when the output keeps article lines twice', () => {
    const twice = `${article}\n${article}`
    expect(pageReason(scorePage('p', article, twice), article, twice, undefined, undefined)).toBe('low precision: 2 lines kept twice, first: «The council voted on Tuesday to close the old bri…»')
  })
  it('finds lines mostly absent from another text', () => {
    expect(absentLines(raw, indexText(article)).map((line) => line.line)).toEqual(['Home | News | Sport', 'Share on Facebook', '3 comments', 'Great article, thanks for writing it up so clearly today!'])
  })
})

describe('no-silent-loss audit helpers', () => {
  it('finds raw lines with article text missing from the output', () => {
    const output = 'Work will start in May and last until the end of the year, officials said.'
    expect(lostLines(raw, article, output).map((line) => line.line)).toEqual(['The council voted on Tuesday to close the old bridge for repairs.'])
    expect(lostLines(raw, article, article)).toEqual([])
  })
  it('ignores lines shorter than a run of 8 truth tokens', () => {
    expect(lostLines('Short line here\nAnother one', 'Short line here. Another one', '')).toEqual([])
  })
  it('matches a message excerpt to the line it removed, also when capped with an ellipsis', () => {
    const line = tokenize('The council voted on Tuesday to close the old bridge for repairs.')
    expect(mentions('The council voted on Tuesday to close the old…', line)).toBe(true)
    expect(mentions('Removed: the council voted', line)).toBe(false)
    expect(mentions(undefined, line)).toBe(false)
    expect(mentions('council', line)).toBe(false)
  })
  it('matches a line that ends with an ellipsis of its own', () => {
    const line = 'Obama Administration Paves the Way for New Law…'
    expect(mentions(line, tokenize(line), line)).toBe(true)
    expect(mentions('Obama Administration Paves the Way for Old Law…', tokenize(line), line)).toBe(false)
  })
})

describe('--compare page deltas', () => {
  const page = (id: string, f1: number | null) => ({ id, precision: f1, recall: f1, f1, exact: false, empty: false })
  it('sorts losses first and skips unchanged or new pages', () => {
    const before = [page('a', 0.5), page('b', 0.9), page('c', 0.7)]
    const after = [page('a', 0.8), page('b', 0.4), page('c', 0.7), page('d', 1)]
    expect(pageDeltas(before, after).map((d) => [d.id, Number(d.delta.toFixed(3))])).toEqual([['b', -0.5], ['a', 0.3]])
  })
})

describe('eval options', () => {
  it('defaults to both tracks and .eval/last.json', () => {
    expect(parseEvalArgs([])).toMatchObject({ tracks: ['txt', 'html'], json: '.eval/last.json', ablate: [], checkPython: false, audit: true })
  })
  it('reads repeatable and comma-joined ablations', () => {
    expect(parseEvalArgs(['--ablate', 'drop-chrome/nav-run', '--ablate', 'x,y']).ablate).toEqual([['drop-chrome/nav-run'], ['x', 'y']])
  })
  it.each([['--track', 'pdf'], ['--limit', '0'], ['--frobnicate']])('rejects %s with a usage error', (...argv) => {
    expect(() => parseEvalArgs(argv)).toThrow(UsageError)
  })
})
