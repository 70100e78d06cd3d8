/**
 * `sluice worker --queue URL`: serves shards of distributed runs until stopped. SIGINT or
 * SIGTERM finishes the shards in hand, then exits 0; a killed worker's shard goes back to the
 * queue once its lock (`--stall-ms`) expires. One log line per shard on stderr.
 */
import { availableParallelism } from 'node:os'
import { parseQueueUrl } from '../distributed/queue-url.ts'
import type { QueueUrl } from '../distributed/queue-url.ts'
import { checkRedis } from '../distributed/result-store.ts'
import { startShardWorker } from '../distributed/worker.ts'
import { EXIT } from './io.ts'
import type { CliIo } from './io.ts'

/** `sluice worker` flags. */
export interface WorkerFlags {
  queue: string
  concurrency?: string
  workers?: string
  stallMs?: string
}

/** What the flags ask for, once checked. */
interface WorkerSettings {
  concurrency: number
  workers: number
  stallMs: number
}

function count(value: string | undefined, flag: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (Number.isInteger(parsed) && parsed >= minimum) return parsed
  throw new Error(`Expected \`${flag}\` to be a whole number, ${minimum} or more, got ${JSON.stringify(value)}.`)
}

/** Checks the flags; throws the sentence naming the wrong one. */
function parseFlags(flags: WorkerFlags): WorkerSettings {
  return {
    concurrency: count(flags.concurrency, '--concurrency', availableParallelism(), 1),
    workers: count(flags.workers, '--workers', availableParallelism(), 0),
    stallMs: count(flags.stallMs, '--stall-ms', 30_000, 1000),
  }
}

function waitForSignal(log: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      log('stopping after the shards in hand')
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

/** Runs a worker until a signal stops it; resolves to the exit code. */
export async function workerCommand(flags: WorkerFlags, io: CliIo): Promise<number> {
  let settings: WorkerSettings
  let queue: QueueUrl
  try {
    settings = parseFlags(flags)
    queue = parseQueueUrl(flags.queue)
    await checkRedis(queue.url, queue.display)
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`)
    return EXIT.failure
  }
  const log = (line: string): void => {
    io.stderr.write(`sluice worker: ${line}\n`)
  }
  const worker = await startShardWorker({ queue, ...settings, log })
  log(`${worker.name} waiting for shards on ${queue.display} (${settings.workers} threads, ${settings.concurrency} documents at once)`)
  await waitForSignal(log)
  await worker.close()
  return EXIT.ok
}
