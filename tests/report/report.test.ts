import { describe, expect, it } from 'vitest'
import { createDoc } from '../../src/core/doc.ts'
import type { Doc } from '../../src/core/doc.ts'
import type { DocMessage } from '../../src/core/message.ts'
import type { StageStep } from '../../src/core/process.ts'
import { createReportCollector } from '../../src/report/collect.ts'
import { formatJson } from '../../src/report/format-json.ts'
import { formatMarkdown } from '../../src/report/format-md.ts'
import { cleanRecord, rejectRecord } from '../../src/sinks/records.ts'

const facts = { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1234, configHash: 'abc123', input: ['input'], output: 'output', concurrency: 2, stages: ['drop-chrome', 'validate'] }

function message(stage: string, rule: string, severity: DocMessage['severity'], line?: number): DocMessage {
  return { stage, rule, severity, reason: `${rule} happened.`, ...(line === undefined ? {} : { place: { line } }) }
}

function doc(path: string, messages: DocMessage[], index?: number): Doc {
  return { ...createDoc({ source: { path, index, format: 'jsonl' }, text: 'Some text.\n\nMore text.' }, 0), messages }
}

function steps(messages: DocMessage[], dropped: boolean): StageStep[] {
  const chrome = messages.findIndex((entry) => entry.stage !== 'drop-chrome')
  return [
    { stage: 'drop-chrome', dropped: false, milliseconds: 1, firstMessage: 0 },
    { stage: 'validate', dropped, milliseconds: 1, firstMessage: chrome === -1 ? messages.length : chrome },
  ]
}

function sampleReport() {
  const collector = createReportCollector(['drop-chrome', 'validate'])
  const kept = [message('drop-chrome', 'drop-chrome/ui-line', 'info', 1), message('drop-chrome', 'drop-chrome/ui-line', 'info', 2)]
  collector.addDocument(doc('a.jsonl', kept, 1), steps(kept, false), false)
  const short = [message('validate', 'validate/too-short', 'fatal')]
  collector.addDocument(doc('a.jsonl', short, 2), steps(short, true), true)
  const broken = [message('source', 'source/malformed-json', 'fatal', 3)]
  collector.addDocument(doc('a.jsonl', broken, 3), [], true)
  const warned = [message('drop-chrome', 'drop-chrome/ui-line', 'info', 1)]
  collector.addDocument(doc('b.txt', [...warned, message('validate', 'validate/odd', 'warn')]), steps([...warned, message('validate', 'validate/odd', 'warn')], false), false)
  collector.addSkipped({ path: 'c.png', reason: 'unsupported format .png' })
  return collector.finish(facts)
}

describe('report', () => {
  it('counts documents, stages, rules, inputs and errors', () => {
    const report = sampleReport()
    expect(report.run.counts).toEqual({ inputs: 3, documents: 4, kept: 2, rejected: 2, warned: 1, skipped: 1, errors: 1 })
    expect(report.stages).toEqual([
      { name: 'drop-chrome', in: 3, kept: 3, dropped: 0, milliseconds: 3, byRule: { 'drop-chrome/ui-line': 3 }, droppedByRule: {} },
      { name: 'validate', in: 3, kept: 2, dropped: 1, milliseconds: 3, byRule: { 'validate/too-short': 1, 'validate/odd': 1 }, droppedByRule: { 'validate/too-short': 1 } },
    ])
    expect(report.inputs).toEqual([
      { path: 'a.jsonl', documents: 3, kept: 1, rejected: 2 },
      { path: 'b.txt', documents: 1, kept: 1, rejected: 0 },
    ])
    expect(report.errors).toEqual([{ source: 'a.jsonl#3', line: 3, rule: 'source/malformed-json', reason: 'source/malformed-json happened.' }])
    expect(report.documents.map((entry) => [entry.source, entry.status, entry.rule])).toEqual([
      ['a.jsonl#2', 'rejected', 'validate/too-short'],
      ['a.jsonl#3', 'rejected', 'source/malformed-json'],
      ['b.txt', 'warned', undefined],
    ])
  })

  it('sums an input read again after another one into one entry, and survives a checkpoint of its state', () => {
    const collector = createReportCollector(['validate'])
    const paths = ['a.txt', 'b.jsonl', 'b.jsonl', 'a.txt']
    paths.forEach((path, at) => collector.addDocument(doc(path, []), [], at === 1))
    const restored = createReportCollector(['validate'], structuredClone(collector.snapshot()))
    for (const report of [collector.finish(facts), restored.finish(facts)]) {
      expect(report.inputs).toEqual([
        { path: 'a.txt', documents: 2, kept: 2, rejected: 0 },
        { path: 'b.jsonl', documents: 2, kept: 1, rejected: 1 },
      ])
      expect(report.run.counts).toMatchObject({ inputs: 2, documents: 4, kept: 3, rejected: 1 })
    }
  })

  it("adds a worker's prepare time to its stage, also for a document dropped before the stage", () => {
    const collector = createReportCollector(['dedupe-docs', 'near-dedupe'])
    const step = (stage: string, dropped: boolean): StageStep => ({ stage, dropped, milliseconds: 1, firstMessage: 0 })
    collector.addDocument(doc('a.txt', []), [step('dedupe-docs', false), step('near-dedupe', false)], false, { 'near-dedupe': 5 })
    collector.addDocument(doc('b.txt', []), [step('dedupe-docs', true)], true, { 'near-dedupe': 7 })
    const stages = collector.finish(facts).stages
    expect(stages.find((stage) => stage.name === 'near-dedupe')).toMatchObject({ in: 1, kept: 1, milliseconds: 1 + 5 + 7 })
    expect(stages.find((stage) => stage.name === 'dedupe-docs')).toMatchObject({ in: 2, dropped: 1, milliseconds: 2 })
  })

  it('renders JSON and Markdown from the same report', async () => {
    const report = sampleReport()
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)))
    await expect(formatMarkdown(report)).toMatchFileSnapshot('./__snapshots__/report.md')
  })

  it('builds clean records whose text joins the paragraphs', () => {
    const record = cleanRecord(doc('a.jsonl', [], 1))
    expect(record.paragraphs).toEqual(['Some text.', 'More text.'])
    expect(record.text).toBe(record.paragraphs.join('\n\n'))
    expect(record.source).toBe('a.jsonl#1')
  })

  it('builds reject records from the first fatal message', () => {
    const record = rejectRecord(doc('a.jsonl', [message('source', 'source/malformed-json', 'fatal', 7)], 7))
    expect(record).toMatchObject({ source: 'a.jsonl#7', line: 7, stage: 'source', rule: 'source/malformed-json' })
  })
})
