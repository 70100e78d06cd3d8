/**
 * The acceptance case: one article as an innerText dump, cp1252 bytes, a mojibake copy,
 * a JSONL record, a feed item and a zip entry comes out as the same clean article.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runPipeline } from '../../src/core/run.ts'
import { defaultStages } from '../../src/stages/index.ts'
import type { CleanRecord } from '../../src/sinks/records.ts'
import { PARAGRAPHS, TITLE, writeArticleVariants } from '../helpers/article.ts'

const straight = (text: string): string => text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'")

async function cleanRecords(input: string): Promise<CleanRecord[]> {
  const output = await mkdtemp(path.join(tmpdir(), 'sluice-same-out-'))
  const stages = defaultStages().filter((stage) => stage.name !== 'dedupe-docs' && stage.name !== 'near-dedupe')
  await runPipeline({ input, output, stages, concurrency: 2 })
  const lines = (await readFile(path.join(output, 'clean.jsonl'), 'utf8')).trim().split('\n')
  return lines.map((line) => JSON.parse(line) as CleanRecord)
}

describe('the same article in every format', () => {
  let records: CleanRecord[]
  beforeAll(async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'sluice-same-'))
    await writeArticleVariants(input)
    records = await cleanRecords(input)
  })

  it('keeps one document per variant', () => {
    expect(records.map((record) => record.source)).toEqual(['a-dump.txt', 'b-cp1252.txt', 'c-mojibake.txt', 'd-record.jsonl#1', 'e-feed.xml#1', 'f-archive.zip!/site/flood-barrier.txt'])
  })

  it('gives every variant the title without its site suffix', () => {
    for (const record of records) expect(record.title, record.source).toBe(TITLE)
  })

  it('gives every variant the same body: chrome gone, subhead kept, quotes straight', () => {
    for (const record of records) {
      const body = record.paragraphs.filter((paragraph) => paragraph !== TITLE)
      expect(body, record.source).toEqual(PARAGRAPHS.map(straight))
      expect(record.text).not.toMatch(/^close$|Leave a Reply|River News/m)
    }
  })
})

const example = path.resolve(import.meta.dirname, '../../../shared/examples/news-article-innertext.txt')

describe.runIf(existsSync(example))('the shipped example dump (needs ../shared)', () => {
  it('comes out as one clean article with its garbled sentences flagged', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'sluice-example-'))
    const result = await runPipeline({ input: example, output, concurrency: 1 })
    const [record] = (await readFile(path.join(output, 'clean.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as CleanRecord)
    expect(record?.title).not.toContain('|')
    expect(record?.text).not.toMatch(/^close$/m)
    expect(record?.text).not.toMatch(/Leave a Reply|email address will not be published/)
    expect(record?.text).not.toMatch(/[\u201C\u201D\u2019]/)
    expect(record?.paragraphs.filter((paragraph) => paragraph === record.title)).toHaveLength(1)
    expect(record?.paragraphs).toContain('More US military support?')
    expect(record?.paragraphs).toContain('Cities in Ukraine are being bombed')
    const flagged = result.report.documents.flatMap((entry) => entry.warnings).filter((warning) => warning.rule === 'fix-garbled/garbled-sentence')
    expect(flagged.length).toBeGreaterThanOrEqual(2)
  })
})
