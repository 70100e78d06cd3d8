import { describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/schema.ts'
import { compareRuns, parseBaseline } from '../../src/report/drift.ts'
import type { SiteReport } from '../../src/report/health-types.ts'
import { applyThresholds, breachSummary } from '../../src/report/thresholds.ts'
import { makeReport, makeSite } from './health-fixtures.ts'

const thresholds = ConfigSchema.parse({}).thresholds
const banner = { hash: 'c00c1e00', count: 19, error: 0, text: 'We use cookies to improve your experience.' }
const footer = { hash: 'f00f0000', count: 20, error: 0, text: 'Copyright Example News' }

const cases: { name: string; before: SiteReport; after: SiteReport; kinds: string[]; message?: RegExp }[] = [
  { name: 'nothing moved', before: makeSite('a.example'), after: makeSite('a.example', { medianLength: 2300, chromeShare: 0.35, kept: 19 }), kinds: [] },
  { name: 'kept ratio fell', before: makeSite('a.example'), after: makeSite('a.example', { kept: 2, rejected: 18, rejectedByRule: { 'validate/empty': 18 } }), kinds: ['kept-ratio'], message: /kept ratio fell from 100% \(20 of 20\) to 10% \(2 of 20\); most rejected by validate\/empty \(18\)/ },
  { name: 'median length halved', before: makeSite('a.example'), after: makeSite('a.example', { medianLength: 1000 }), kinds: ['median-length'], message: /median length fell from 2,000 to 1,000 characters \(-50%\)/ },
  { name: 'median length grew 40%', before: makeSite('a.example'), after: makeSite('a.example', { medianLength: 2800 }), kinds: ['median-length'], message: /rose from 2,000 to 2,800/ },
  { name: 'chrome share jumped', before: makeSite('a.example'), after: makeSite('a.example', { chromeShare: 0.7 }), kinds: ['chrome-share'], message: /rose from 30% to 70%/ },
  { name: 'a new line on most pages', before: makeSite('a.example', { lines: [footer], linesBound: 1 }), after: makeSite('a.example', { lines: [footer, banner], linesBound: 1 }), kinds: ['new-line'], message: /a new line is on 95% of kept pages \(was under 5%\): «We use cookies/ },
  { name: 'a line that was already common is not new', before: makeSite('a.example', { lines: [footer, { ...banner, count: 8 }] }), after: makeSite('a.example', { lines: [footer, banner] }), kinds: [] },
  { name: 'small sites are not compared', before: makeSite('a.example', { documents: 4, kept: 4 }), after: makeSite('a.example', { documents: 4, kept: 0, rejected: 4 }), kinds: [] },
]

describe('compareRuns', () => {
  it.each(cases)('$name', ({ before, after, kinds, message }) => {
    const baseline = parseBaseline(makeReport([before]), 'old.json')
    if (!baseline.ok) throw new Error(baseline.reason)
    const drift = compareRuns([after], baseline.baseline, 'old.json', thresholds)
    expect(drift.flags.map((flag) => flag.kind)).toEqual(kinds)
    expect(drift.compared).toBe(before.documents >= thresholds.minSiteDocuments ? 1 : 0)
    if (message !== undefined) expect(drift.flags[0]?.message).toMatch(message)
    for (const flag of drift.flags) expect(flag.message.startsWith('a.example: ')).toBe(true)
  })

  it('flags a vanished site (breach) and an appeared one (report only)', () => {
    const baseline = parseBaseline(makeReport([makeSite('old.example'), makeSite('tiny.example', { documents: 2, kept: 2 })]), 'old.json')
    if (!baseline.ok) throw new Error(baseline.reason)
    const drift = compareRuns([makeSite('new.example')], baseline.baseline, 'old.json', thresholds)
    expect(drift.flags.map((flag) => [flag.site, flag.kind, flag.breach])).toEqual([
      ['new.example', 'site-appeared', false],
      ['old.example', 'site-vanished', true],
    ])
    expect(drift.flags[1]?.message).toBe('old.example: vanished: no documents this run (the baseline had 20, 20 kept).')
  })

  it('explains why an old report cannot be a baseline', () => {
    const old = { ...makeReport([]), sites: undefined }
    const parsed = parseBaseline(old, 'old/report.json')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/^Cannot compare with old\/report.json: it has no per-site section/)
  })
})

describe('applyThresholds', () => {
  it('turns breaching flags into breaches and ranks drifted sites first', () => {
    const calm = makeSite('calm.example', { trouble: 0.5 })
    const broken = makeSite('broken.example', { trouble: 0, kept: 0, rejected: 20 })
    const baseline = parseBaseline(makeReport([makeSite('calm.example'), makeSite('broken.example')]), 'old.json')
    if (!baseline.ok) throw new Error(baseline.reason)
    const report = makeReport([calm, broken])
    const judged = applyThresholds(report, thresholds, compareRuns(report.sites, baseline.baseline, 'old.json', thresholds))
    expect(judged.sites.map((site) => [site.site, site.trouble])).toEqual([['broken.example', 1], ['calm.example', 0.5]])
    expect(judged.breaches).toEqual(['broken.example: kept ratio fell from 100% (20 of 20) to 0% (0 of 20).'])
    expect(breachSummary(judged.breaches)).toBe('Threshold breached (exit 1): broken.example: kept ratio fell from 100% (20 of 20) to 0% (0 of 20).')
  })

  it('checks the reject ratio only when configured', () => {
    const report = makeReport([makeSite('a.example', { kept: 5, rejected: 15 })])
    expect(applyThresholds(report, thresholds).breaches).toEqual([])
    expect(applyThresholds(report, { ...thresholds, maxRejectRatio: 0.5 }).breaches).toEqual(['Rejected 75% of documents (15 of 20), above thresholds.maxRejectRatio 50%.'])
  })

  it('shortens the last line after three reasons', () => {
    expect(breachSummary(['a.', 'b.', 'c.', 'd.', 'e.'])).toBe('Threshold breached (exit 1): a; b; c; and 2 more (see report.md).')
  })
})
