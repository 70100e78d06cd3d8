/** Runs of removed lines: what one message per run covers. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineRuns } from '../../src/text/line-runs.ts'

describe('lineRuns', () => {
  it('groups a rule over blank lines and splits at kept lines and other rules', () => {
    const lines = ['Menu', 'Home', '', 'About', 'The article starts here.', 'Share', 'Tweet', 'Comments', '']
    const decisions = ['nav', 'nav', undefined, 'nav', undefined, 'share', 'share', 'comments', undefined]
    expect(lineRuns(lines, decisions)).toEqual([
      { rule: 'nav', first: 0, last: 3, count: 3 },
      { rule: 'share', first: 5, last: 6, count: 2 },
      { rule: 'comments', first: 7, last: 7, count: 1 },
    ])
  })

  it('counts every removed line exactly once, in order, whatever the decisions', () => {
    const line = fc.oneof(fc.constant(''), fc.constant('text'))
    const decision = fc.option(fc.constantFrom('a', 'b'), { nil: undefined })
    fc.assert(
      fc.property(fc.array(fc.tuple(line, decision)), (pairs) => {
        const lines = pairs.map(([text]) => text)
        const decisions = pairs.map(([, rule]) => rule)
        const runs = lineRuns(lines, decisions)
        expect(runs.reduce((sum, run) => sum + run.count, 0)).toBe(decisions.filter((rule) => rule !== undefined).length)
        for (const [index, run] of runs.entries()) {
          expect(decisions[run.first]).toBe(run.rule)
          expect(decisions[run.last]).toBe(run.rule)
          expect(run.first > (runs[index - 1]?.last ?? -1)).toBe(true)
        }
      }),
    )
  })
})
