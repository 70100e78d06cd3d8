import { describe, expect, it } from 'vitest'
import { createRunState } from '../../src/core/stage.ts'
import type { RunState } from '../../src/core/stage.ts'
import { siteChrome } from '../../src/stages/site-chrome.ts'
import type { SiteChromeOptions } from '../../src/stages/site-chrome.ts'
import { segmentText } from '../../src/text/text-stats.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

/** An article page of `site` whose own text differs page by page, framed by the site's furniture. */
const TOPICS = ['the river park', 'school buses', 'the new library', 'street lights', 'the budget', 'bike lanes', 'a market hall', 'tree planting']

function page(site: string, index: number, furniture = ['Advertisement', 'Share this story']): string {
  const topic = TOPICS[index % TOPICS.length] as string
  const body = `The council discussed ${topic} at length on ${site}'s home turf, and residents asked questions for two hours before the vote.`
  return [`Why ${topic} matters`, furniture[0], body, `Reporter ${String.fromCharCode(65 + index)} wrote this in the evening.`, furniture[1]].join('\n\n')
}

async function runPages(texts: { text: string; url: string }[], options: SiteChromeOptions = {}, run: RunState = createRunState()) {
  const stage = siteChrome(options)
  const results = []
  for (const [index, { text, url }] of texts.entries()) {
    const { text: segmented, paragraphs, counts } = segmentText(text, false)
    const doc = makeDoc({ text: segmented, url, source: { path: `in/${index}.txt`, format: 'txt' } }, index)
    results.push(await runStage(stage, { ...doc, paragraphs, stats: { ...doc.stats, ...counts } }, undefined, run))
  }
  return results
}

/** How many lines the stage removed from a page (rule ids in `rules` are a set). */
function removed(result: { doc: { messages: readonly { rule: string }[] } } | undefined): number {
  return result?.doc.messages.filter((message) => message.rule === 'site-chrome/line-removed').length ?? 0
}

const news = (index: number) => ({ text: page('news', index), url: `https://news.example/${index}` })
const blog = (index: number) => ({ text: page('blog', index), url: `https://blog.example/${index}` })

describe('site-chrome', () => {
  it.each([
    { name: 'a line on fewer than minPages earlier pages stays', pages: [0, 1, 2, 3, 4].map(news), removedOnLast: 0 },
    { name: 'a line on minPages earlier pages of the site goes', pages: [0, 1, 2, 3, 4, 5].map(news), removedOnLast: 2 },
    { name: 'pages of another site do not count', pages: [...[0, 1, 2, 3, 4].map(blog), news(5)], removedOnLast: 0 },
    { name: 'a lower minPages learns sooner', pages: [0, 1, 2].map(news), removedOnLast: 2, options: { minPages: 2 } },
    { name: 'long lines are never furniture', pages: [0, 1, 2].map(news), removedOnLast: 0, options: { minPages: 2, maxLineLength: 5 } },
  ])('$name', async ({ pages, removedOnLast, options }) => {
    const results = await runPages(pages, options)
    const last = results.at(-1)
    expect(removed(last)).toBe(removedOnLast)
    for (const result of results) expect(result.dropped).toBe(false)
  })

  it('removes the furniture, keeps the article, and rebuilds paragraphs and counts', async () => {
    const results = await runPages([0, 1, 2, 3, 4, 5].map(news))
    const doc = results.at(-1)?.doc
    expect(doc?.text).not.toContain('Advertisement')
    expect(doc?.text).not.toContain('Share this story')
    expect(doc?.text).toContain('The council discussed bike lanes')
    expect(doc?.text).toBe(doc?.paragraphs?.join('\n\n'))
    expect(doc?.stats.paragraphs).toBe(3)
    expect(doc?.messages.at(-1)?.reason).toContain('stood on 5 earlier pages of news.example')
  })

  it('gives the same result with fingerprints prepared in a worker', async () => {
    const stage = siteChrome()
    const [direct, prepared] = [createRunState(), createRunState()]
    for (const [index, { text, url }] of [0, 1, 2, 3, 4, 5, 6].map(news).entries()) {
      const doc = makeDoc({ text, url, source: { path: `in/${index}.txt`, format: 'txt' } }, index)
      const ready = stage.prepare?.(doc) ?? doc
      expect(ready.prepared?.['site-chrome']).toBeInstanceOf(Float64Array)
      const [a, b] = [await runStage(stage, doc, undefined, direct), await runStage(stage, ready, undefined, prepared)]
      expect(b.doc.text).toBe(a.doc.text)
      expect(b.rules).toEqual(a.rules)
    }
  })

  it('ignores case and digits when it recognises a line', async () => {
    const furniture = (index: number) => [`ADVERTISEMENT ${index}`, `Share this story (${index} shares)`]
    const texts = [0, 1, 2, 3].map((index) => ({ text: page('news', index, furniture(index)), url: `https://news.example/${index}` }))
    const results = await runPages(texts, { minPages: 3 })
    expect(removed(results.at(-1))).toBe(2)
  })

  it('leaves a page made only of known lines as it is', async () => {
    const texts = [0, 1, 2].map(() => ({ text: 'Advertisement\n\nShare this story', url: 'https://news.example/x' }))
    const results = await runPages(texts, { minPages: 2 })
    expect(results.at(-1)?.doc.text).toBe('Advertisement\n\nShare this story')
  })

  it('keeps its memory per run and within maxLinesPerSite', async () => {
    const first = await runPages([0, 1, 2].map(news), { minPages: 2 })
    expect(first.at(-1)?.rules).toContain('site-chrome/line-removed')
    const fresh = await runPages([news(3)], { minPages: 2 })
    expect(fresh[0]?.rules).toEqual([])
    // Two slots: the first page's title (never seen again) and "Advertisement"; "Share this story" is never learned.
    const bounded = await runPages([0, 1, 2].map(news), { minPages: 2, maxLinesPerSite: 2 })
    expect(removed(bounded.at(-1))).toBe(1)
  })

  it('rejects bad options with a sentence naming them', () => {
    expect(() => siteChrome({ minPages: 1 })).toThrow(/minPages/)
    expect(() => siteChrome({ maxLines: 0 })).toThrow(/maxLines/)
    expect(() => siteChrome({ maxLinez: 3 } as SiteChromeOptions)).toThrow(/maxLinez/)
  })

  it('holds at most `maxLines` fingerprints over all sites, forgetting sites seen on too few pages first', async () => {
    const run = createRunState()
    // 40 sites seen once each (5 lines a page), then one site seen on six pages.
    const strays = Array.from({ length: 40 }, (_, index) => ({ text: page(`site${index}`, index), url: `https://site${index}.example/a` }))
    const results = await runPages([...strays, ...[0, 1, 2, 3, 4, 5].map(news)], { minPages: 2, maxLines: 30 }, run)
    const tables = run.state<{ sites: Map<string, { lines: { size: number } }>; entries: number }>('site-chrome', () => {
      throw new Error('the stage keeps no state')
    })
    expect(tables.entries).toBeLessThanOrEqual(30)
    expect(tables.entries).toBe([...tables.sites.values()].reduce((sum, table) => sum + table.lines.size + 1, 0))
    expect(tables.sites.has('site0.example')).toBe(false)
    // The established site still learned its furniture: both lines go from its third page on.
    expect(results.slice(40).map(removed)).toEqual([0, 0, 2, 2, 2, 2])
  })

  it('learns no new sites or lines when every remembered site is established', async () => {
    const run = createRunState()
    const results = await runPages([0, 1, 2, 3].map(news).concat([0, 1, 2, 3].map(blog)), { minPages: 2, maxLines: 9 }, run)
    // news (one entry for the site, eight for its lines) fills the bound and is established, so blog is never learned.
    expect(results.slice(0, 4).map(removed)).toEqual([0, 0, 2, 2])
    expect(results.slice(4).map(removed)).toEqual([0, 0, 0, 0])
    const tables = run.state<{ sites: Map<string, unknown> }>('site-chrome', () => ({ sites: new Map() }))
    expect([...tables.sites.keys()]).toEqual(['news.example'])
  })

  it('counts each site in the bound, so sites whose pages have only long lines cannot pile up', async () => {
    const run = createRunState()
    const long = (index: number) => ({ text: `${'A long line of prose that is far over a hundred characters, as an article paragraph is. '.repeat(2)}${index}`, url: `https://many${index}.example/` })
    await runPages(Array.from({ length: 50 }, (_, index) => long(index)), { minPages: 2, maxLines: 20 }, run)
    const tables = run.state<{ sites: Map<string, unknown>; entries: number }>('site-chrome', () => ({ sites: new Map(), entries: 0 }))
    expect(tables.sites.size).toBeLessThanOrEqual(20)
    expect(tables.entries).toBe(tables.sites.size)
  })
})

describe('site-chrome without a known site', () => {
  it('learns nothing from top-level files with no url (pages of many sites mixed)', async () => {
    const stage = siteChrome({ minPages: 2 })
    const run = createRunState()
    const results = []
    for (const index of [0, 1, 2]) results.push(await runStage(stage, makeDoc({ text: page('news', index), source: { path: `${index}.txt`, format: 'txt' } }, index), [], run))
    expect(results.map(removed)).toEqual([0, 0, 0])
  })

  it('learns from a site folder when there is no url', async () => {
    const stage = siteChrome({ minPages: 2 })
    const run = createRunState()
    const results = []
    for (const index of [0, 1, 2]) results.push(await runStage(stage, makeDoc({ text: page('news', index), source: { path: `news/${index}.txt`, format: 'txt' } }, index), undefined, run))
    expect(results.map(removed)).toEqual([0, 0, 2])
  })
})
