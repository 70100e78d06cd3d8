/**
 * The `--queue` URL (`redis://HOST:PORT/N`) and the names derived from it: the BullMQ queue,
 * and the Redis keys a run keeps its setup and shard results under. Every key of one run
 * shares the prefix `sluice:run:<key>:`, so a run can be found and removed as a whole.
 */

/** The one BullMQ queue all runs share; jobs name their run, so workers serve any of them. */
export const QUEUE_NAME = 'sluice-shards'

/** Results and setup outlive an abandoned run by this long, then Redis drops them. */
export const KEY_TTL_SECONDS = 7 * 24 * 3600

/** A checked queue URL, and the same URL with any password hidden (for reports and logs). */
export interface QueueUrl {
  url: string
  display: string
}

/** Parses `--queue`; throws a sentence naming the flag when it is not a Redis URL. */
export function parseQueueUrl(value: string): QueueUrl {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new Error(`Expected \`--queue\` to be a Redis URL like redis://127.0.0.1:6379/0, got ${JSON.stringify(value)}.`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Expected \`--queue\` to start with redis:// or rediss://, got ${JSON.stringify(value)}.`)
  }
  const database = parsed.pathname.replace(/^\//, '')
  if (database !== '' && !/^\d+$/.test(database)) {
    throw new Error(`Expected the database in \`--queue\` to be a number (redis://HOST:PORT/N), got ${JSON.stringify(database)}.`)
  }
  const display = new URL(parsed.href)
  if (display.password !== '') display.password = '***'
  return { url: parsed.href, display: display.href }
}

/** The Redis keys of one run. */
export interface RunKeys {
  setup: string
  result(shard: number): string
  /** Set of shard indexes with a committed result (progress, restart). */
  done: string
  /** List the workers push to after each commit, so the coordinator wakes without polling. */
  signal: string
  /** Every key pattern of the run, for clean-up. */
  pattern: string
}

/** Key names for run `run`. */
export function runKeys(run: string): RunKeys {
  const prefix = `sluice:run:${run}:`
  return {
    setup: `${prefix}setup`,
    result: (shard) => `${prefix}result:${shard}`,
    done: `${prefix}done`,
    signal: `${prefix}signal`,
    pattern: `${prefix}*`,
  }
}

/** The BullMQ job id of a shard: deterministic, so enqueueing twice adds it once. */
export function shardJobId(run: string, shard: number): string {
  return `${run}-${shard}`
}
