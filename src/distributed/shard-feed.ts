/**
 * The coordinator's input: shard results in shard order. It waits for the next shard's result
 * (woken by the workers' commit signal, at most a second apart), checks that shard's job every
 * few seconds (re-adding a lost job, stopping on one that failed for good), and reads one
 * shard ahead so decoding overlaps the ordered stages and the writing.
 */
import type { Queue } from 'bullmq'
import { checkShardJob } from './enqueue.ts'
import type { ResultStore } from './result-store.ts'
import type { Shard, ShardJobData, ShardResult } from './types.ts'

/** How often the job of an awaited shard is looked at. */
const JOB_CHECK_MS = 3000

/** A shard's result as read, with its size and how long the coordinator sat idle waiting for it. */
export interface LoadedShard {
  result: ShardResult
  bytes: number
  waitedMs: number
}

/** What the feed needs. `onWait` is called about once a second while a shard is awaited. */
export interface FeedContext {
  store: ResultStore
  queue: Queue<ShardJobData>
  run: string
  /** Stores the run setup again when Redis lost it (a restart without persistence). */
  ensureSetup(): Promise<void>
  onWait(shard: Shard): Promise<void>
}

async function waitForShard(context: FeedContext, shard: Shard): Promise<Omit<LoadedShard, 'waitedMs'>> {
  let checked = performance.now()
  for (;;) {
    const loaded = await context.store.load(context.run, shard.index)
    if (loaded !== undefined) return loaded
    await context.onWait(shard)
    await context.store.waitForCommit(context.run, 1)
    if (performance.now() - checked >= JOB_CHECK_MS) {
      checked = performance.now()
      await context.ensureSetup()
      await checkShardJob(context.queue, context.run, shard)
    }
  }
}

/** Yields every shard's result, in order. */
export async function* shardResults(context: FeedContext, shards: readonly Shard[]): AsyncGenerator<LoadedShard> {
  let next = shards[0] === undefined ? undefined : waitForShard(context, shards[0])
  for (let index = 0; next !== undefined; index += 1) {
    const started = performance.now()
    const current = await next
    const waitedMs = performance.now() - started
    const following = shards[index + 1]
    next = following === undefined ? undefined : waitForShard(context, following)
    next?.catch(() => {}) // awaited on the next turn; a failure then stops the run
    yield { ...current, waitedMs }
  }
}
