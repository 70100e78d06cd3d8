import { describe, expect, it } from 'vitest'
import { createDoc } from '../../src/core/doc.ts'
import type { DocSource } from '../../src/core/doc.ts'
import { addLength, createFineHistogram, quantile } from '../../src/report/length-histogram.ts'
import { siteOf, TOP_LEVEL_SITE } from '../../src/core/site-key.ts'
import { createLineSummary, lineHash } from '../../src/report/site-lines.ts'
import { createSiteTracker, MAX_SITES, OTHER_SITES, troubleScore } from '../../src/report/site-stats.ts'
import { finishedDoc, msg } from './health-fixtures.ts'

const sites: { name: string; source: DocSource; url?: string; expected: string }[] = [
  { name: 'host of the url', source: { path: 'dump/a.jsonl', format: 'jsonl' }, url: 'https://News.Example.com/a/b', expected: 'news.example.com' },
  { name: 'www. is dropped', source: { path: 'a.txt', format: 'txt' }, url: 'http://www.example.org/', expected: 'example.org' },
  { name: 'top folder without a url', source: { path: 'site-a/2025/a.txt', format: 'txt' }, expected: 'site-a/' },
  { name: 'top folder when the url is not a url', source: { path: 'site-b/a.txt', format: 'txt' }, url: 'not a url', expected: 'site-b/' },
  { name: 'folder inside an archive', source: { path: 'dump.zip', entry: 'blog/a.txt', format: 'txt' }, expected: 'dump.zip!/blog/' },
  { name: 'files at the top of the input', source: { path: 'a.txt', format: 'txt' }, expected: TOP_LEVEL_SITE },
]

describe('siteOf', () => {
  it.each(sites)('$name', ({ source, url, expected }) => {
    expect(siteOf(createDoc({ source, text: 'x', ...(url === undefined ? {} : { url }) }, 0))).toBe(expected)
  })
})

describe('length histogram', () => {
  it('reads quantiles within 4.4% of the exact value', () => {
    const lengths = Array.from({ length: 1001 }, (_, index) => 100 + ((index * 7919) % 5000))
    const histogram = createFineHistogram()
    for (const length of lengths) addLength(histogram, length)
    const sorted = [...lengths].sort((a, b) => a - b)
    for (const q of [0.1, 0.5, 0.9]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1] as number
      expect(Math.abs(quantile(histogram, q) - exact) / exact).toBeLessThan(0.045)
    }
    expect(quantile(createFineHistogram(), 0.5)).toBe(0)
  })
})

describe('recurring lines', () => {
  it('keeps a line on 60% of pages although every page brings 40 unique lines', () => {
    const summary = createLineSummary()
    for (let page = 0; page < 200; page += 1) {
      const unique = Array.from({ length: 40 }, (_, line) => `Page ${page} sentence ${line} ${'abcdefghij'[line % 10]} ${'klmnopqrst'[page % 10]} unique words`)
      const banner = page % 5 < 3 ? ['We use cookies to improve your experience.'] : []
      summary.addPage([...banner, ...unique.map((line) => line.replace(/\d+/g, (digits) => 'x'.repeat(Number(digits) % 7 + 1)))].join('\n'))
    }
    const { lines } = summary.top()
    const banner = lines.find((line) => line.hash === lineHash('We use cookies to improve your experience.'))
    expect(banner).toBeDefined()
    expect((banner?.count ?? 0) - (banner?.error ?? 0)).toBeLessThanOrEqual(120)
    expect(banner?.count).toBeGreaterThanOrEqual(120)
  })

  it('treats lines that differ in digits, case or spacing as one', () => {
    expect(lineHash('Updated 3 hours ago')).toBe(lineHash('  updated 12  hours ago'))
    expect(lineHash('ok')).toBeUndefined()
  })
})

describe('site tracker', () => {
  const prose = 'A sentence of ordinary prose that is long enough to count as an article line here.\n'.repeat(5)

  it('counts health per site and lists the worst first', () => {
    const tracker = createSiteTracker()
    for (let index = 0; index < 10; index += 1) {
      tracker.add(finishedDoc({ path: 'good/a.txt', url: `https://good.example/${index}`, text: prose, title: 'T', messages: [msg('drop-chrome', 'drop-chrome/ui-line', 'info', 1)] }, index), false)
    }
    tracker.add(finishedDoc({ path: 'bad/a.txt', url: 'https://bad.example/1', text: '', messages: [msg('validate', 'validate/empty', 'fatal')] }), true)
    tracker.add(finishedDoc({ path: 'bad/b.txt', url: 'https://bad.example/2', text: prose, messages: [msg('fix-garbled', 'fix-garbled/garbled-sentence', 'warn', 2), msg('decode', 'decode/mojibake-repaired')] }), false)
    const { sites: list } = tracker.finish()
    expect(list.map((site) => site.site)).toEqual(['bad.example', 'good.example'])
    const [bad, good] = list
    expect(bad).toMatchObject({ documents: 2, kept: 1, rejected: 1, rejectedByRule: { 'validate/empty': 1 }, garbled: 1, nearEmpty: 1, encodingRepairs: 1, missing: { title: 1, published: 1, author: 1 } })
    expect(bad?.warnedByRule).toEqual({ 'fix-garbled/garbled-sentence': 1 })
    expect(bad?.examples.map((example) => example.status)).toEqual(['kept', 'rejected'])
    expect(good).toMatchObject({ documents: 10, kept: 10, chromeLines: 10, chromeShare: 0.1667, missing: { title: 0 } })
    expect(good?.medianLength).toBeGreaterThan(prose.length * 0.95)
    expect(good?.examples).toHaveLength(2)
  })

  it('scores trouble as problems over documents + 5', () => {
    expect(troubleScore({ documents: 1, rejected: 1, duplicates: 0, keptWithWarnings: 0 })).toBeCloseTo(1 / 6, 3)
    expect(troubleScore({ documents: 100, rejected: 40, duplicates: 0, keptWithWarnings: 0 })).toBeGreaterThan(1 / 6)
    expect(troubleScore({ documents: 10, rejected: 4, duplicates: 4, keptWithWarnings: 2 })).toBeCloseTo(3 / 15, 3)
  })

  it(`folds sites beyond ${MAX_SITES} into ${OTHER_SITES}`, () => {
    const tracker = createSiteTracker()
    for (let index = 0; index < MAX_SITES + 3; index += 1) tracker.add(finishedDoc({ path: 'a.txt', url: `https://s${index}.example/`, text: 'x' }, index), false)
    const { sites: list, sitesOmitted } = tracker.finish()
    expect(list).toHaveLength(MAX_SITES + 1)
    expect(list.at(-1)).toMatchObject({ site: OTHER_SITES, documents: 3 })
    expect(sitesOmitted).toBe(3)
  })
})
