/**
 * The runner owns the loop: sources → stages → sinks. Documents are processed concurrently
 * (p-limit) through the order-free stages, put back in input order, then passed through the
 * ordered stages (dedupe) and written. Every document ends in clean.jsonl or rejects.jsonl,
 * every skipped file in the report: nothing is lost silently.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import pLimit from 'p-limit'
import type { ResolvedConfig, UserConfig } from '../config/schema.ts'
import { resolveConfig } from '../config/load-config.ts'
import { configHash } from '../config/config-hash.ts'
import { createReportCollector } from '../report/collect.ts'
import type { RunReport } from '../report/types.ts'
import { createJsonlWriter } from '../sinks/jsonl-writer.ts'
import type { JsonlWriter } from '../sinks/jsonl-writer.ts'
import { cleanRecord, rejectRecord } from '../sinks/records.ts'
import { writeReport } from '../sinks/write-report.ts'
import { readInputs } from '../sources/index.ts'
import { createDoc } from './doc.ts'
import { ConfigError } from './errors.ts'
import { processDocument } from './process.ts'
import type { ProcessResult } from './process.ts'
import { createReorder } from './reorder.ts'
import { createRunState } from './stage.ts'
import type { RunState, Stage } from './stage.ts'

/** Progress callbacks, e.g. for the CLI's progress bar. */
export interface RunHooks {
  onDocument?(progress: { done: number; kept: number; rejected: number; source: string }): void
}

/** What a finished run gives back. `exitCode` follows the CLI contract (0, or 1 under strict). */
export interface RunResult {
  report: RunReport
  exitCode: 0 | 1
  outputs: { clean: string; rejects: string; reportJson: string; reportMarkdown: string }
}

/** Splits the stage list at the first ordered stage: everything from there runs in input order. */
export function splitStages(stages: readonly Stage[]): { free: Stage[]; ordered: Stage[] } {
  const first = stages.findIndex((stage) => stage.ordered === true)
  return first === -1 ? { free: [...stages], ordered: [] } : { free: stages.slice(0, first), ordered: stages.slice(first) }
}

function resolveOrThrow(config: UserConfig | ResolvedConfig): ResolvedConfig {
  const result = resolveConfig(config as UserConfig)
  if (!result.ok) throw new ConfigError(result.issues)
  return result.config
}

async function finishOrdered(result: ProcessResult, ordered: readonly Stage[], run: RunState): Promise<ProcessResult> {
  if (result.dropped || ordered.length === 0) return result
  const tail = await processDocument(result.doc, ordered, run)
  return { doc: tail.doc, dropped: tail.dropped, steps: [...result.steps, ...tail.steps] }
}

/** Runs the whole pipeline and writes clean.jsonl, rejects.jsonl, report.json and report.md. */
export async function runPipeline(config: UserConfig | ResolvedConfig, hooks: RunHooks = {}): Promise<RunResult> {
  const settings = resolveOrThrow(config)
  const started = new Date()
  const inputs = Array.isArray(settings.input) ? settings.input : [settings.input as string]
  await mkdir(settings.output, { recursive: true })
  const outputs = {
    clean: path.join(settings.output, 'clean.jsonl'),
    rejects: path.join(settings.output, 'rejects.jsonl'),
    reportJson: path.join(settings.output, 'report.json'),
    reportMarkdown: path.join(settings.output, 'report.md'),
  }
  const writers = { clean: createJsonlWriter(outputs.clean), rejects: createJsonlWriter(outputs.rejects) }
  const collector = createReportCollector(settings.stages.map((stage) => stage.name))
  try {
    await streamDocuments(settings, inputs, writers, collector, hooks)
    await Promise.all([writers.clean.commit(), writers.rejects.commit()])
  } catch (error) {
    await Promise.all([writers.clean.abort(), writers.rejects.abort()])
    throw error
  }
  const report = collector.finish({
    startedAt: started.toISOString(),
    durationMs: Math.round(Date.now() - started.getTime()),
    configHash: configHash(settings),
    input: inputs,
    output: settings.output,
    concurrency: settings.concurrency,
    stages: settings.stages.map((stage) => stage.name),
  })
  await writeReport(settings.output, report)
  const exitCode = settings.strict && report.run.counts.rejected > 0 ? 1 : 0
  return { report, exitCode, outputs }
}

async function streamDocuments(
  settings: ResolvedConfig,
  inputs: string[],
  writers: { clean: JsonlWriter; rejects: JsonlWriter },
  collector: ReturnType<typeof createReportCollector>,
  hooks: RunHooks,
): Promise<void> {
  const run = createRunState()
  const { free, ordered } = splitStages(settings.stages)
  const limit = pLimit(settings.concurrency)
  const progress = { done: 0, kept: 0, rejected: 0 }
  const reorder = createReorder<ProcessResult>(settings.concurrency * 8, async (result) => {
    const final = await finishOrdered(result, ordered, run)
    await (final.dropped ? writers.rejects.write(rejectRecord(final.doc)) : writers.clean.write(cleanRecord(final.doc)))
    collector.addDocument(final.doc, final.steps, final.dropped)
    progress.done += 1
    progress[final.dropped ? 'rejected' : 'kept'] += 1
    hooks.onDocument?.({ ...progress, source: final.doc.source.path })
  })
  let sequence = 0
  for await (const item of readInputs(inputs, { fields: settings.fields, limits: settings.limits })) {
    if (item.kind === 'skipped') {
      collector.addSkipped(item.skipped)
      continue
    }
    const doc = createDoc(item.init, sequence)
    const current = sequence
    sequence += 1
    await reorder.waitForRoom(current)
    void limit(() => processDocument(doc, free, run)).then((result) => reorder.push(current, result))
  }
  await reorder.drain(sequence)
}
