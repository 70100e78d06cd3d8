/**
 * `sluice run --queue URL`: the coordinator of a distributed run. It plans shards in input
 * order, stores the run setup and enqueues one BullMQ job per shard, then reads the shard
 * results strictly in shard order and does what the single-machine runner does after its
 * reorder buffer: the ordered stages (check-urls, dedupe-docs, near-dedupe) on one thread in
 * input order, the sinks and the report collector. Because everything order-dependent happens
 * here, in the same order, the outputs are byte-identical to a single-machine run.
 *
 * Restart: the plan is a pure function of the inputs, so a restarted coordinator finds the same
 * run key, skips shards whose result is already in Redis and reads all results again from
 * shard 0 (reading is cheap next to processing). The run's keys are removed once its outputs
 * are written.
 */
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Queue } from 'bullmq'
import { configHash } from '../config/config-hash.ts'
import { runSettings } from '../core/run-settings.ts'
import type { ResolvedConfig, UserConfig } from '../config/schema.ts'
import { ConfigError } from '../core/errors.ts'
import { lockOutput, removeStaleTemporaries } from '../core/output-lock.ts'
import { createEmit, outputFiles } from '../core/run.ts'
import type { RunHooks, RunResult } from '../core/run.ts'
import { splitStages } from '../core/split-stages.ts'
import { createRunState } from '../core/stage.ts'
import type { Stage } from '../core/stage.ts'
import { stageRecipe } from '../core/stage-recipe.ts'
import type { ConfigOrigin } from '../core/stage-recipe.ts'
import { createReportCollector } from '../report/collect.ts'
import type { RunReport } from '../report/types.ts'
import { createCleanSink } from '../sinks/clean-sink.ts'
import { createJsonlWriter } from '../sinks/jsonl-writer.ts'
import { writeReport } from '../sinks/write-report.ts'
import { enqueueShards } from './enqueue.ts'
import { codeFingerprint } from './fingerprint.ts'
import { planShards } from './plan.ts'
import { QUEUE_NAME } from './queue-url.ts'
import type { QueueUrl } from './queue-url.ts'
import { checkRedis, createResultStore } from './result-store.ts'
import type { ResultStore } from './result-store.ts'
import { shardResults } from './shard-feed.ts'
import { DEFAULT_SHARD_LIMITS } from './shard-limits.ts'
import type { ShardLimits } from './shard-limits.ts'
import { createShardTally } from './summary.ts'
import type { DistributedSummary } from './summary.ts'
import type { RunSetup, Shard, ShardJobData } from './types.ts'

/** Shards committed, shards read, and the one the coordinator is waiting for (progress line). */
export interface ShardProgress {
  total: number
  committed: number
  consumed: number
  waitingFor?: string
  /** Milliseconds since a worker last committed a shard (or since the run started). */
  idleMs: number
}

/** Options of {@link runDistributed}. */
export interface DistributedOptions {
  queue: QueueUrl
  configFile?: ConfigOrigin
  limits?: ShardLimits
  onShards?(progress: ShardProgress): void
}

/** A run's report with its `distributed` section. */
export type DistributedReport = RunReport & { distributed: DistributedSummary }

async function runSetup(settings: ResolvedConfig, free: readonly Stage[], origin: ConfigOrigin | undefined): Promise<RunSetup> {
  const recipe = stageRecipe(free, origin)
  if (!recipe.ok) throw new ConfigError([`A distributed run rebuilds its stages on every worker, from built-in stages or the config file: ${recipe.reason}`])
  return { version: 1, fingerprint: await codeFingerprint(), recipe: recipe.recipe, sources: { fields: settings.fields, limits: settings.limits }, documentTimeoutMs: settings.documentTimeoutMs }
}

function runKey(settings: ResolvedConfig, setup: RunSetup, shards: readonly Shard[]): string {
  return createHash('sha256').update(JSON.stringify({ config: configHash(settings), setup, shards })).digest('hex').slice(0, 16)
}

/** Plans, enqueues, consumes and writes; the distributed counterpart of `runPipeline`. */
export async function runDistributed(config: UserConfig | ResolvedConfig, hooks: RunHooks, options: DistributedOptions): Promise<RunResult> {
  const { settings, inputs, origin } = runSettings(config, options.configFile)
  const started = new Date()
  const { free, ordered } = splitStages(settings.stages)
  const setup = await runSetup(settings, free, origin)
  await checkRedis(options.queue.url, options.queue.display)
  // The lock keeps a second coordinator out, and the walk out of the output folder (discover.ts).
  await mkdir(settings.output, { recursive: true })
  const release = await lockOutput(settings.output)
  await removeStaleTemporaries(settings.output)
  try {
    return await coordinate({ settings, inputs, ordered, setup, started, hooks, options })
  } finally {
    await release()
  }
}

/** What {@link coordinate} needs from runDistributed. */
interface CoordinateInput {
  settings: ResolvedConfig
  inputs: string[]
  ordered: readonly Stage[]
  setup: Awaited<ReturnType<typeof runSetup>>
  started: Date
  hooks: RunHooks
  options: DistributedOptions
}

/** Plans the shards, queues them and consumes their results, with the output folder locked. */
async function coordinate({ settings, inputs, ordered, setup, started, hooks, options }: CoordinateInput): Promise<RunResult> {
  const planStarted = performance.now()
  const shards = await planShards(inputs, setup.sources, options.limits ?? DEFAULT_SHARD_LIMITS)
  const planMilliseconds = Math.round(performance.now() - planStarted)
  const run = runKey(settings, setup, shards)
  const store = createResultStore(options.queue.url)
  const queue = new Queue<ShardJobData>(QUEUE_NAME, { connection: { url: options.queue.url } })
  try {
    await store.saveSetup(run, setup)
    const resumed = await store.done(run)
    await enqueueShards(queue, run, shards, resumed)
    const facts = { queue: options.queue.display, run, fingerprint: setup.fingerprint, shards: shards.length, resumedShards: resumed.size, planMilliseconds }
    const context = { settings, inputs, ordered, started, hooks, options, facts }
    const ensureSetup = async (): Promise<void> => {
      await store.restoreSetup(run, setup)
    }
    const result = await consume(context, { store, queue, run, shards, ensureSetup })
    await store.removeRun(run)
    return result
  } finally {
    await queue.close()
    await store.close()
  }
}

interface ConsumeContext {
  settings: ResolvedConfig
  inputs: string[]
  ordered: readonly Stage[]
  started: Date
  hooks: RunHooks
  options: DistributedOptions
  facts: { queue: string; run: string; fingerprint: string; shards: number; resumedShards: number; planMilliseconds: number }
}

interface Plan {
  store: ResultStore
  queue: Queue<ShardJobData>
  run: string
  shards: readonly Shard[]
  ensureSetup(): Promise<void>
}

/** Calls `onShards` (when given) after each shard read and while a shard is awaited. */
function progressReporter(options: DistributedOptions, plan: Plan): { waiting(shard: Shard): Promise<void>; consumed(count: number): Promise<void> } {
  let consumed = 0
  let last = { committed: -1, at: performance.now() }
  const tell = async (waitingFor?: string): Promise<void> => {
    if (options.onShards === undefined) return
    const committed = await plan.store.doneCount(plan.run)
    if (committed !== last.committed) last = { committed, at: performance.now() }
    const idleMs = Math.round(performance.now() - last.at)
    options.onShards({ total: plan.shards.length, committed, consumed, idleMs, ...(waitingFor === undefined ? {} : { waitingFor }) })
  }
  return {
    waiting: (shard) => tell(shard.label),
    async consumed(count) {
      consumed = count
      await tell()
    },
  }
}

interface Written {
  outputs: RunResult['outputs']
  collector: ReturnType<typeof createReportCollector>
  cleanFiles: readonly string[]
  tally: ReturnType<typeof createShardTally>
  documents: number
}

/** Reads the shard results in order through the ordered stages into the sinks, as run.ts does. */
async function consume(context: ConsumeContext, plan: Plan): Promise<RunResult> {
  const { settings } = context
  const outputs = outputFiles(settings.output)
  const writers = { clean: createCleanSink(settings.outputFormat, outputs.clean), rejects: createJsonlWriter(outputs.rejects) }
  const collector = createReportCollector(settings.stages.map((stage) => stage.name))
  const emit = createEmit({ writers, collector, hooks: context.hooks, ordered: context.ordered }, createRunState())
  const tally = createShardTally()
  const progress = progressReporter(context.options, plan)
  let documents = 0
  try {
    for await (const loaded of shardResults({ ...plan, onWait: progress.waiting }, plan.shards)) {
      tally.add(loaded.result, loaded.bytes, loaded.waitedMs)
      for (const entry of loaded.result.entries) {
        if (entry.kind === 'skipped') collector.addSkipped(entry.skipped)
        else {
          entry.result.doc.sequence = documents
          documents += 1
          await emit(entry.result)
        }
      }
      await progress.consumed(loaded.result.shard + 1)
    }
    await Promise.all([writers.clean.commit(), writers.rejects.commit()])
  } catch (error) {
    await Promise.all([writers.clean.abort(), writers.rejects.abort()])
    throw error
  }
  return finish(context, { outputs, collector, cleanFiles: writers.clean.files, tally, documents })
}

/** Builds and writes the report, with its `distributed` section. */
async function finish(context: ConsumeContext, written: Written): Promise<RunResult> {
  const { settings } = context
  const durationMs = Math.round(Date.now() - context.started.getTime())
  const report = written.collector.finish({
    startedAt: context.started.toISOString(),
    durationMs,
    configHash: configHash(settings),
    input: context.inputs,
    output: settings.output,
    concurrency: settings.concurrency,
    stages: settings.stages.map((stage) => stage.name),
    cleanFiles: written.cleanFiles.map((file) => path.relative(settings.output, file)),
  })
  const full: DistributedReport = { ...report, distributed: written.tally.finish({ ...context.facts, durationMs, documents: written.documents }) }
  await writeReport(settings.output, full)
  const exitCode = settings.strict && report.run.counts.rejected > 0 ? 1 : 0
  return { report: full, exitCode, outputs: written.outputs, execution: { mode: 'workers', workers: full.distributed.workers.length } }
}
