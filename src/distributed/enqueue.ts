/**
 * Puts a run's shards on the BullMQ queue. Job ids are `<run>-<shard>`, so enqueueing again
 * (a restarted coordinator) adds nothing that is already there; shards with a committed result
 * are not enqueued at all, and jobs that failed under an earlier coordinator are retried.
 */
import type { Queue } from 'bullmq'
import { RunRefusedError } from '../core/checkpoint.ts'
import { shardJobId } from './queue-url.ts'
import type { Shard, ShardJobData } from './types.ts'
import { SHARD_ATTEMPTS } from './worker.ts'

/** Jobs per `addBulk` call: one round trip each, and a bounded command size. */
const BULK = 500

/** The job options every shard gets. */
export function shardJobOptions(run: string, shard: number): { jobId: string; attempts: number; backoff: { type: 'fixed'; delay: number }; removeOnComplete: true; removeOnFail: false } {
  return { jobId: shardJobId(run, shard), attempts: SHARD_ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: true, removeOnFail: false }
}

/** Adds the shards of `run` that have no result yet; returns how many were failed and retried. */
export async function enqueueShards(queue: Queue<ShardJobData>, run: string, shards: readonly Shard[], done: ReadonlySet<number>): Promise<number> {
  const missing = shards.filter((shard) => !done.has(shard.index))
  for (let start = 0; start < missing.length; start += BULK) {
    const jobs = missing.slice(start, start + BULK).map((shard) => ({ name: 'shard', data: { run, shard }, opts: shardJobOptions(run, shard.index) }))
    await queue.addBulk(jobs)
  }
  let retried = 0
  for (const job of await queue.getFailed()) {
    if (job.data.run !== run || done.has(job.data.shard.index)) continue
    await job.retry('failed')
    retried += 1
  }
  return retried
}

/**
 * Checks the job of a shard the coordinator is waiting for: re-adds it when it is gone (Redis
 * lost it, or a worker dropped it), and throws the workers' reason when it failed for good.
 */
export async function checkShardJob(queue: Queue<ShardJobData>, run: string, shard: Shard): Promise<void> {
  const job = await queue.getJob(shardJobId(run, shard.index))
  if (job === undefined) {
    await queue.add('shard', { run, shard }, shardJobOptions(run, shard.index))
    return
  }
  if ((await job.getState()) !== 'failed') return
  throw new RunRefusedError(
    `Shard ${shard.index} (${shard.label}) failed on the workers after ${job.attemptsMade} tries: ${job.failedReason.replace(/\.$/u, '')}. Fix the cause and run the same command again: shards already done are kept (for a week) and not processed again.`,
  )
}
