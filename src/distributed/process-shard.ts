/**
 * A worker processes one shard: its source items, read as the plan says, through the
 * order-free stages of the run (in the worker's own thread pool, as a single-machine run would),
 * collected back in input order. Documents are numbered from 0 inside the shard; the
 * coordinator renumbers them globally before the ordered stages.
 */
import { createDoc } from '../core/doc.ts'
import type { Executor } from '../core/executor.ts'
import { shardItems } from './shard-read.ts'
import type { RunSetup, Shard, ShardEntry } from './types.ts'

/** Runs `shard` through `executor` with at most `window` documents in flight. */
export async function processShard(shard: Shard, setup: RunSetup, executor: Executor, window: number): Promise<ShardEntry[]> {
  const entries: Promise<ShardEntry>[] = []
  const inFlight = new Set<Promise<unknown>>()
  let sequence = 0
  for await (const item of shardItems(shard.parts, setup.sources)) {
    if (item.kind === 'skipped') {
      entries.push(Promise.resolve({ kind: 'skipped', skipped: item.skipped }))
      continue
    }
    const pending = executor.process(createDoc(item.init, sequence)).then((result): ShardEntry => ({ kind: 'document', result }))
    pending.catch(() => {}) // a failure surfaces through Promise.all or the race below, never unhandled
    sequence += 1
    entries.push(pending)
    const tracked = pending.finally(() => inFlight.delete(tracked))
    tracked.catch(() => {})
    inFlight.add(tracked)
    if (inFlight.size >= window) await Promise.race(inFlight)
  }
  return Promise.all(entries)
}
