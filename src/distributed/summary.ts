/**
 * `report.distributed`: how the run was spread. Per worker process, the shards it committed,
 * their documents and processing time; the shards found already done when the coordinator
 * started (a resumed run) and the shards that needed more than one try (a worker died or a
 * shard failed once). Like the other timings, these are the only parts of the report that
 * change between reruns; the rest of the report is the same as a single-machine run's.
 */
import type { ShardResult } from './types.ts'

/** One worker process's share of the run. */
export interface DistributedWorker {
  name: string
  shards: number
  documents: number
  milliseconds: number
}

/** The `distributed` section of report.json. */
export interface DistributedSummary {
  /** The queue URL, password hidden. */
  queue: string
  /** The run's key in Redis: a hash of config, stage recipe and shard plan. */
  run: string
  /** The sluice version every worker ran (see fingerprint.ts). */
  fingerprint: string
  shards: number
  /** Shards whose result was already in Redis when this coordinator started (it resumed a run). */
  resumedShards: number
  /** Shards whose committed result came from a second or later try. */
  retriedShards: number
  workers: DistributedWorker[]
  documentsPerSecond: number
  planMilliseconds: number
  /** Time the coordinator spent waiting for shard results (high: add workers; low: the coordinator is the limit). */
  waitMilliseconds: number
  /** Compressed size of all shard results: the Redis memory the run needed at its peak. */
  resultBytes: number
}

/** Run facts the tally cannot see. */
export interface SummaryFacts {
  queue: string
  run: string
  fingerprint: string
  shards: number
  resumedShards: number
  planMilliseconds: number
  durationMs: number
  documents: number
}

/** Adds up shard results as the coordinator reads them. */
export function createShardTally(): { add(result: ShardResult, bytes: number, waitedMs: number): void; finish(facts: SummaryFacts): DistributedSummary } {
  const workers = new Map<string, DistributedWorker>()
  let retried = 0
  let waited = 0
  let bytes = 0
  return {
    add(result, size, waitedMs) {
      const worker = workers.get(result.worker) ?? { name: result.worker, shards: 0, documents: 0, milliseconds: 0 }
      workers.set(result.worker, worker)
      worker.shards += 1
      worker.documents += result.entries.filter((entry) => entry.kind === 'document').length
      worker.milliseconds += result.milliseconds
      if (result.attempt > 1) retried += 1
      waited += waitedMs
      bytes += size
    },
    finish(facts) {
      const { durationMs, documents, ...rest } = facts
      return {
        ...rest,
        retriedShards: retried,
        workers: [...workers.values()].sort((a, b) => a.name.localeCompare(b.name)),
        documentsPerSecond: Math.round(documents / Math.max(durationMs / 1000, 0.001)),
        waitMilliseconds: Math.round(waited),
        resultBytes: bytes,
      }
    },
  }
}
