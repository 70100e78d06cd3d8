import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRunState } from '../../src/core/stage.ts'
import { checkRecord } from '../../src/stages/check-record.ts'
import { agreement, truncation, urlProblem } from '../../src/stages/check-record/checks.ts'
import { checkUrls } from '../../src/stages/check-urls.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

const NOW = '2025-06-01T12:00:00Z'
const PROSE = 'The harbour board met on Monday to discuss the new ferry timetable. Members agreed to add two evening crossings from July. The changes will be reviewed after the summer season ends.'
const record = { url: 'https://news.example.com/a', title: 'Ferry timetable', text: PROSE }
const jsonl = (fields: Record<string, string | undefined>) => ({ source: { path: 'dump.jsonl', index: 3, line: 7, format: 'jsonl' as const }, ...fields })

const cases: { name: string; input: Record<string, string | undefined>; rules: string[] }[] = [
  { name: 'a complete record', input: record, rules: [] },
  { name: 'no title', input: { ...record, title: undefined }, rules: ['check-record/missing-field'] },
  { name: 'no url and no title', input: { ...record, url: undefined, title: undefined }, rules: ['check-record/missing-field'] },
  { name: 'relative url', input: { ...record, url: '/news/a' }, rules: ['check-record/malformed-url'] },
  { name: 'url with spaces', input: { ...record, url: 'https://news.example.com/a b' }, rules: ['check-record/malformed-url'] },
  { name: 'unparseable date', input: { ...record, published: 'yesterday-ish' }, rules: ['check-record/unparseable-date'] },
  { name: 'future date', input: { ...record, published: '2031-01-01T00:00:00.000Z' }, rules: ['check-record/future-date'] },
  { name: 'date a few hours ahead (time zones)', input: { ...record, published: '2025-06-01T20:00:00.000Z' }, rules: [] },
  { name: 'text cut mid-sentence', input: { ...record, text: `${PROSE}\n\nThe board also said that the old pier would be repaired before the` }, rules: ['check-record/truncated'] },
  { name: 'text cut with a marker', input: { ...record, text: `${PROSE}\n\nThe board also said that the old pier would be repaired [+1234 chars]` }, rules: ['check-record/truncated'] },
  { name: 'short last line (a byline) is fine', input: { ...record, text: `${PROSE}\n\nReporting by Ana Silva` }, rules: [] },
  { name: 'html that holds the same article', input: { ...record, html: `<nav>Home</nav><article><p>${PROSE}</p></article><script>var x = "other words"</script>` }, rules: [] },
  { name: 'html of another page', input: { ...record, html: '<article><p>Weather: sunny spells with a light breeze from the west, turning cloudy later with showers in the hills overnight and cooler air by the weekend.</p></article>' }, rules: ['check-record/html-text-mismatch'] },
]

describe('check-record', () => {
  it.each(cases)('$name', async ({ input, rules }) => {
    const result = await runStage(checkRecord({ now: NOW }), jsonl(input), rules)
    expect(result.dropped).toBe(false)
    for (const message of result.doc.messages) expect(message.place?.line).toBe(7)
  })

  it('checks only JSON and JSONL records', async () => {
    await runStage(checkRecord({ now: NOW }), { source: { path: 'a.txt', format: 'txt' }, text: 'no url, no title, cut off mid' }, [])
  })

  it('takes the required fields from a configurable zod schema', async () => {
    const stage = checkRecord({ now: NOW, schema: z.object({ url: z.string(), published: z.string(), author: z.string().min(3) }) })
    const result = await runStage(stage, jsonl({ ...record, author: 'AB' }), ['check-record/missing-field', 'check-record/invalid-field'])
    expect(result.doc.messages.map((message) => message.reason).join(' ')).toMatch(/no `published`.*`author` does not satisfy/u)
  })

  it('refuses a schema that is not zod, at config time', () => {
    expect(() => checkRecord({ schema: { url: 'string' } as never })).toThrow(/checkRecord.schema/u)
  })
})

describe('record check helpers', () => {
  it.each([
    ['https://example.com/a', undefined],
    ['http://localhost:8080/x', undefined],
    ['ftp://example.com/a', 'its scheme is ftp, not http or https'],
    ['https://intranet/a', 'its host "intranet" has no domain'],
  ])('url %s', (url, expected) => {
    expect(urlProblem(url)).toBe(expected)
  })

  it('does not judge truncation in texts without sentence punctuation', () => {
    expect(truncation('บทความภาษาไทยไม่มีจุด ยาวพอสมควร และมีหลายคำ ต่อเนื่องกันไปเรื่อย ๆ จนจบ ย่อหน้าสุดท้าย คำ คำ คำ คำ', 40)).toBeUndefined()
    expect(truncation('一二三。\n\n这是一个很长的段落，它没有以句号结束，而且它足够长，可以判断为被截断的文本，因为前面的段落有句号，还有更多的字', 20)).toBeDefined()
  })

  it('measures html/text agreement on distinct words', () => {
    expect(agreement(PROSE, `<p>${PROSE}</p>`)).toBe(1)
    expect(agreement('too few words here', '<p>x</p>')).toBeUndefined()
  })
})

describe('check-urls', () => {
  it('flags the same url with different content, naming the first record and its line', async () => {
    const run = createRunState()
    const stage = checkUrls()
    const first = makeDoc({ ...jsonl(record), source: { path: 'dump.jsonl', index: 1, line: 1, format: 'jsonl' } })
    await runStage(stage, first, [], run)
    await runStage(stage, makeDoc({ ...jsonl({ ...record, url: `${record.url}#comments` }) }, 1), [], run)
    const changed = await runStage(stage, makeDoc(jsonl({ ...record, text: 'A different story entirely.' }), 2), ['check-urls/conflicting-content'], run)
    expect(changed.doc.messages[0]?.reason).toBe('Same url as dump.jsonl#1 (line 1), but different content: the scraper may have mixed up pages.')
    expect(changed.doc.messages[0]?.place?.line).toBe(7)
  })

  it('runs in input order', () => {
    expect(checkUrls().ordered).toBe(true)
  })
})
