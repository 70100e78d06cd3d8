/**
 * The runner owns the loop: sources → stages → sinks. I/O stays on the main thread; documents
 * go through the order-free stages in worker threads (or concurrently on the main thread with
 * `workers: 0`), are put back in input order, pass the ordered stages (dedupe) and are written.
 * The reorder window bounds how many documents are in flight, so memory stays flat whatever
 * the input size. Every document ends in clean.jsonl or rejects.jsonl, every skipped file in
 * the report: nothing is lost silently.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { ResolvedConfig, UserConfig } from '../config/schema.ts'
import { runSettings } from './run-settings.ts'
import { configHash } from '../config/config-hash.ts'
import { createReportCollector } from '../report/collect.ts'
import type { RunReport, RunResources } from '../report/types.ts'
import type { JsonlWriter } from '../sinks/jsonl-writer.ts'
import { cleanRecord, rejectRecord } from '../sinks/records.ts'
import { writeReport } from '../sinks/write-report.ts'
import { readInputs } from '../sources/index.ts'
import { RunRefusedError } from './checkpoint.ts'
import { createDoc } from './doc.ts'
import { rejectOversized } from './document-limit.ts'
import { createExecutor } from './executor.ts'
import type { Execution } from './executor.ts'
import { createHeapCap, MAIN_GARBAGE_ALLOWANCE, STAGE_GARBAGE_ALLOWANCE } from './heap-cap.ts'
import { processDocument } from './process.ts'
import { openRunSession } from './run-session.ts'
import type { RunSession, SessionOptions } from './run-session.ts'
import type { ProcessResult } from './process.ts'
import { createReorder } from './reorder.ts'
import { splitStages } from './split-stages.ts'
import { createRunState } from './stage.ts'
import type { RunState, Stage } from './stage.ts'
import type { ConfigOrigin } from './stage-recipe.ts'

export { splitStages } from './split-stages.ts'
export type { Execution } from './executor.ts'
export type { ConfigOrigin } from './stage-recipe.ts'

/** Progress callbacks, e.g. for the CLI's progress bar. */
export interface RunHooks {
  onDocument?(progress: { done: number; kept: number; rejected: number; source: string }): void
}

/**
 * What a finished run gives back. `exitCode` follows the CLI contract (0, or 1 under strict);
 * `execution` says whether worker threads ran the stages, and if not, why.
 */
export interface RunResult {
  report: RunReport
  exitCode: 0 | 1
  outputs: { clean: string; rejects: string; reportJson: string; reportMarkdown: string }
  execution: Execution
  /** Sentences about resume, checkpoints and incremental state, for the user. */
  notes?: string[]
}

/**
 * Extra inputs of {@link runPipeline}: `configFile` lets workers rebuild the stages from the same
 * config; `resume` and `incremental` are `--resume` and `--incremental STATE_DIR` (run-session.ts).
 */
export interface RunOptions extends SessionOptions {
  configFile?: ConfigOrigin
}

async function finishOrdered(result: ProcessResult, ordered: readonly Stage[], run: RunState): Promise<ProcessResult> {
  if (result.dropped || ordered.length === 0) return result
  const tail = await processDocument(result.doc, ordered, run)
  return { ...result, doc: tail.doc, dropped: tail.dropped, steps: [...result.steps, ...tail.steps] }
}

/** The output files of a run in `folder` (the distributed coordinator writes the same ones). */
export function outputFiles(folder: string): RunResult['outputs'] {
  return { clean: path.join(folder, 'clean.jsonl'), rejects: path.join(folder, 'rejects.jsonl'), reportJson: path.join(folder, 'report.json'), reportMarkdown: path.join(folder, 'report.md') }
}

/** Runs the whole pipeline and writes clean.jsonl, rejects.jsonl, report.json and report.md. */
export async function runPipeline(config: UserConfig | ResolvedConfig, hooks: RunHooks = {}, options: RunOptions = {}): Promise<RunResult> {
  const { settings, inputs, origin } = runSettings(config, options.configFile)
  const started = new Date()
  const cpuAtStart = process.cpuUsage()
  await mkdir(settings.output, { recursive: true })
  const outputs = outputFiles(settings.output)
  const session = await openRunSession(settings, outputs, inputs, options)
  const { writers, collector } = session
  const { free, ordered } = splitStages(settings.stages)
  const executor = createExecutor(settings, free, origin, ordered)
  try {
    await streamDocuments(settings, inputs, { writers, collector, hooks, executor, ordered, session })
    await session.commit()
  } catch (error) {
    throw await session.fail(error)
  } finally {
    await executor.close()
  }
  const report = Object.assign(collector.finish({
    startedAt: started.toISOString(),
    durationMs: Math.round(Date.now() - started.getTime()),
    resources: resourcesSince(cpuAtStart),
    configHash: configHash(settings),
    input: inputs,
    output: settings.output,
    concurrency: settings.concurrency,
    workers: executor.execution.mode === 'workers' ? executor.execution.workers : 0,
    stages: settings.stages.map((stage) => stage.name),
    cleanFiles: writers.clean.files.map((file) => path.relative(settings.output, file)),
  }), session.reportFields)
  await writeReport(settings.output, report)
  await session.complete(report.run.counts.documents)
  const exitCode = settings.strict && report.run.counts.rejected > 0 ? 1 : 0
  return { report, exitCode, outputs, execution: executor.execution, notes: session.notes }
}

/** CPU seconds since `cpuAtStart` and the process's peak RSS, rounded for the report. */
function resourcesSince(cpuAtStart: NodeJS.CpuUsage): RunResources {
  const cpu = process.cpuUsage(cpuAtStart)
  return { cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }
}

/** What the document loop needs besides the settings. */
export interface Plumbing {
  writers: { clean: JsonlWriter; rejects: JsonlWriter }
  collector: ReturnType<typeof createReportCollector>
  hooks: RunHooks
  executor: ReturnType<typeof createExecutor>
  ordered: readonly Stage[]
  /** Checkpoints and resume (run-session.ts); absent, every document is processed and nothing is saved. */
  session?: Pick<RunSession, 'emitted' | 'skipDocuments' | 'read' | 'orderedState'>
}

/**
 * Writes one finished document (after the ordered stages) and counts it; the distributed
 * coordinator reuses it. With `garbageAllowance`, the main thread's heap is capped (heap-cap.ts).
 */
export function createEmit(plumbing: Omit<Plumbing, 'executor'>, run: RunState, garbageAllowance?: number): (result: ProcessResult) => Promise<void> {
  const { writers, collector, hooks, ordered } = plumbing
  const progress = { done: 0, kept: 0, rejected: 0 }
  const heap = garbageAllowance === undefined ? undefined : createHeapCap(garbageAllowance)
  return async (result) => {
    const final = await finishOrdered(result, ordered, run)
    await (final.dropped ? writers.rejects.write(rejectRecord(final.doc)) : writers.clean.write(cleanRecord(final.doc)))
    collector.addDocument(final.doc, final.steps, final.dropped, final.prepareMilliseconds)
    await plumbing.session?.emitted()
    progress.done += 1
    progress[final.dropped ? 'rejected' : 'kept'] += 1
    hooks.onDocument?.({ ...progress, source: final.doc.source.path })
    heap?.check()
  }
}

/**
 * Source → executor → reorder → ordered stages → sinks, with at most `window` documents in
 * flight. An executor failure (workers that cannot start) ends the run with that error.
 */
async function streamDocuments(settings: ResolvedConfig, inputs: string[], plumbing: Plumbing): Promise<void> {
  const { executor } = plumbing
  const window = Math.max(settings.concurrency, executor.execution.workers) * 8
  const allowance = executor.execution.mode === 'workers' ? MAIN_GARBAGE_ALLOWANCE : STAGE_GARBAGE_ALLOWANCE
  const reorder = createReorder<ProcessResult>(window, createEmit(plumbing, plumbing.session?.orderedState ?? createRunState(), allowance))
  // A resumed run reads the documents its checkpoint holds but does not process them again.
  const skip = plumbing.session?.skipDocuments ?? 0
  const read = plumbing.session?.read ?? readInputs
  let sequence = 0
  for await (const item of read(inputs, { fields: settings.fields, limits: settings.limits })) {
    if (item.kind === 'skipped') {
      plumbing.collector.addSkipped(item.skipped)
      continue
    }
    sequence += 1
    if (sequence <= skip) continue
    const doc = createDoc(item.init, sequence - 1)
    const current = sequence - 1 - skip
    await reorder.waitForRoom(current)
    const work = rejectOversized(doc, settings.limits.maxDocumentBytes) ?? executor.process(doc)
    Promise.resolve(work).then((result) => reorder.push(current, result), reorder.fail)
  }
  if (sequence < skip) throw new RunRefusedError(`Cannot resume: the inputs now hold ${sequence} documents, fewer than the ${skip} the checkpoint already wrote; run without --resume to start over.`)
  await reorder.drain(sequence - skip)
}
