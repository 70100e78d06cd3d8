/**
 * Where shard results live between a worker and the coordinator: Redis keys named by run and
 * shard. A result is committed once: `SET … NX` in one MULTI with the progress set and the
 * wake-up signal, so a retried or duplicated job can never replace or add to a committed
 * shard; the coordinator reads each shard exactly once, in order. Keys expire after a week so
 * an abandoned run does not hold memory forever; a finished run removes its keys at once.
 */
import { Redis } from 'ioredis'
import { RunRefusedError } from '../core/checkpoint.ts'
import { KEY_TTL_SECONDS, runKeys } from './queue-url.ts'
import { decodeResult, encodeResult } from './result-codec.ts'
import type { RunSetup, ShardResult } from './types.ts'

/** The coordinator's and the workers' view of the store. */
export interface ResultStore {
  saveSetup(run: string, setup: RunSetup): Promise<void>
  loadSetup(run: string): Promise<RunSetup | undefined>
  /** Stores the setup only if it is missing; true when it had to. */
  restoreSetup(run: string, setup: RunSetup): Promise<boolean>
  has(run: string, shard: number): Promise<boolean>
  /** Stores the result unless one is already there; resolves to the encoded size, or 0 when it was. */
  commit(result: ShardResult): Promise<number>
  /** The committed result of a shard and its encoded size, or `undefined` while there is none. */
  load(run: string, shard: number): Promise<{ result: ShardResult; bytes: number } | undefined>
  /** Indexes of the shards with a committed result. */
  done(run: string): Promise<Set<number>>
  doneCount(run: string): Promise<number>
  /** Waits up to `seconds` for any commit of `run` (returns early when one happens). */
  waitForCommit(run: string, seconds: number): Promise<void>
  /** Removes every key of `run`. */
  removeRun(run: string): Promise<void>
  close(): Promise<void>
}

/**
 * Fails fast, with a sentence, when Redis cannot be reached: the queue clients would otherwise
 * retry forever and the command would hang without saying why.
 */
export async function checkRedis(url: string, display: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 })
  probe.on('error', () => {})
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    throw new RunRefusedError(`Cannot reach Redis at ${display} (${(error as Error).message}). Start redis-server there, or check the \`--queue\` URL.`)
  } finally {
    probe.disconnect()
  }
}

/** One MULTI: the result unless one is there (NX), the progress set, the wake-up signal. */
async function commitResult(redis: Redis, result: ShardResult): Promise<number> {
  const keys = runKeys(result.run)
  const payload = await encodeResult(result)
  const replies = await redis
    .multi()
    .set(keys.result(result.shard), payload, 'EX', KEY_TTL_SECONDS, 'NX')
    .sadd(keys.done, String(result.shard))
    .expire(keys.done, KEY_TTL_SECONDS)
    .rpush(keys.signal, String(result.shard))
    .expire(keys.signal, KEY_TTL_SECONDS)
    .exec()
  const failure = replies?.find(([error]) => error !== null)?.[0]
  if (failure) throw failure
  return replies?.[0]?.[1] === 'OK' ? payload.length : 0
}

/** Opens the store on `url`; the blocking wait gets its own connection, opened on first use. */
export function createResultStore(url: string): ResultStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false })
  let blocking: Redis | undefined
  return {
    async saveSetup(run, setup) {
      await redis.set(runKeys(run).setup, JSON.stringify(setup), 'EX', KEY_TTL_SECONDS)
    },
    restoreSetup: async (run, setup) => (await redis.set(runKeys(run).setup, JSON.stringify(setup), 'EX', KEY_TTL_SECONDS, 'NX')) === 'OK',
    async loadSetup(run) {
      const value = await redis.get(runKeys(run).setup)
      return value === null ? undefined : (JSON.parse(value) as RunSetup)
    },
    has: async (run, shard) => (await redis.exists(runKeys(run).result(shard))) === 1,
    commit: (result) => commitResult(redis, result),
    async load(run, shard) {
      const value = await redis.getBuffer(runKeys(run).result(shard))
      return value === null ? undefined : { result: await decodeResult(value), bytes: value.length }
    },
    done: async (run) => new Set((await redis.smembers(runKeys(run).done)).map(Number)),
    doneCount: (run) => redis.scard(runKeys(run).done),
    async waitForCommit(run, seconds) {
      blocking ??= new Redis(url, { maxRetriesPerRequest: null })
      await blocking.blpop(runKeys(run).signal, seconds)
    },
    async removeRun(run) {
      const stream = redis.scanStream({ match: runKeys(run).pattern, count: 500 })
      for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.unlink(...keys)
    },
    async close() {
      await Promise.all([redis.quit(), blocking?.quit()].map((closing) => closing?.catch(() => undefined)))
    },
  }
}
