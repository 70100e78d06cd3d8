/**
 * `sluice worker`: takes shard jobs from the BullMQ queue, processes each with the run's
 * order-free stages and commits the result to Redis once. A job whose result is already
 * committed (an earlier attempt died after committing) is acknowledged without work, and a
 * job of a finished run (setup gone) is dropped. A worker that dies mid-shard holds the job's
 * lock until `stallMs` passes; another worker's stall check then puts the job back in the
 * queue, up to three times, after which the job fails and the coordinator stops with its reason.
 */
import { hostname } from 'node:os'
import { Worker } from 'bullmq'
import type { Job } from 'bullmq'
import { codeFingerprint } from './fingerprint.ts'
import { processShard } from './process-shard.ts'
import { QUEUE_NAME } from './queue-url.ts'
import type { QueueUrl } from './queue-url.ts'
import { createResultStore } from './result-store.ts'
import type { ResultStore } from './result-store.ts'
import { createRunContexts } from './run-contexts.ts'
import type { RunContexts, WorkerCapacity } from './run-contexts.ts'
import type { ShardJobData } from './types.ts'

/** Shards one worker process holds at once: the next shard's reading overlaps the last one's tail. */
const SHARDS_AT_ONCE = 2
/** How often a job may be found stalled (its worker gone) and put back before it fails. */
export const MAX_STALLS = 3
/** Tries of a shard whose processing throws (a config the worker cannot load, a full Redis). */
export const SHARD_ATTEMPTS = 3

/** `sluice worker` options. */
export interface ShardWorkerOptions extends WorkerCapacity {
  queue: QueueUrl
  /** Lock time: how long a dead worker's shard waits before another worker takes it. */
  stallMs: number
  log(line: string): void
}

/** A running worker; `close()` finishes the shards in hand, then disconnects. */
export interface ShardWorker {
  name: string
  close(): Promise<void>
}

interface Handler {
  store: ResultStore
  runs: RunContexts
  name: string
  log(line: string): void
}

async function handleShard(job: Job<ShardJobData>, handler: Handler): Promise<{ documents: number; bytes: number }> {
  const { run, shard } = job.data
  const { store, runs, name, log } = handler
  if (await store.has(run, shard.index)) return { documents: 0, bytes: 0 }
  try {
    const context = await runs.acquire(run)
    if (context === undefined) return { documents: 0, bytes: 0 }
    log(`shard ${shard.index} started (${shard.label}), attempt ${job.attemptsStarted}`)
    const started = performance.now()
    const entries = await processShard(shard, context.setup, context.executor, context.window)
    const milliseconds = Math.round(performance.now() - started)
    const bytes = await store.commit({ run, shard: shard.index, entries, worker: name, attempt: job.attemptsStarted, milliseconds })
    const documents = entries.filter((entry) => entry.kind === 'document').length
    log(`shard ${shard.index} done: ${documents} documents in ${milliseconds} ms${bytes === 0 ? ' (already committed by another attempt)' : ''}`)
    return { documents, bytes }
  } finally {
    runs.release(run)
  }
}

/** Connects to the queue and starts taking shards. */
export async function startShardWorker(options: ShardWorkerOptions): Promise<ShardWorker> {
  const store = createResultStore(options.queue.url)
  const name = `${hostname()}:${process.pid}`
  const runs = createRunContexts(store, { workers: options.workers, concurrency: options.concurrency, name, fingerprint: await codeFingerprint() })
  const handler: Handler = { store, runs, name, log: options.log }
  const worker = new Worker<ShardJobData>(QUEUE_NAME, (job) => handleShard(job, handler), {
    connection: { url: options.queue.url },
    concurrency: SHARDS_AT_ONCE,
    lockDuration: options.stallMs,
    stalledInterval: options.stallMs,
    maxStalledCount: MAX_STALLS,
    name,
  })
  worker.on('failed', (job, error) => options.log(`shard ${job?.data.shard.index ?? '?'} failed: ${error.message}`))
  worker.on('error', (error) => options.log(`queue error: ${error.message}`))
  await worker.waitUntilReady()
  return {
    name,
    async close() {
      await worker.close()
      await runs.close()
      await store.close()
    },
  }
}
