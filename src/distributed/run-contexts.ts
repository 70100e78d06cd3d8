/**
 * What a worker process keeps per run: the run's setup (from Redis) and an executor holding the
 * rebuilt order-free stages, in worker threads when the worker has any. Stages are rebuilt the
 * way the worker-thread pool rebuilds them (the run's stage recipe: built-in stages by name and
 * options, or the same config file), so a worker machine needs the config file at the same
 * path. Built once per run and shared by the shards of that run; idle runs beyond the newest
 * two are closed.
 */
import { UnrecoverableError } from 'bullmq'
import { resolveConfig } from '../config/load-config.ts'
import { createExecutor } from '../core/executor.ts'
import type { Executor } from '../core/executor.ts'
import { splitStages } from '../core/split-stages.ts'
import { buildStages } from '../core/stage-recipe.ts'
import type { ResultStore } from './result-store.ts'
import type { RunSetup } from './types.ts'

/** The worker's threads and documents in flight, from `sluice worker --workers/--concurrency`. */
export interface WorkerCapacity {
  workers: number
  concurrency: number
}

/** Capacity plus what identifies this worker: its name and the fingerprint of the code it runs. */
export interface WorkerIdentity extends WorkerCapacity {
  name: string
  fingerprint: string
}

/** A run's setup and the executor its shards go through. */
export interface RunContext {
  setup: RunSetup
  executor: Executor
  window: number
}

/** Gets (building once) and releases run contexts. */
export interface RunContexts {
  /** The context of `run`, or `undefined` when the run is over (its setup is gone from Redis). */
  acquire(run: string): Promise<RunContext | undefined>
  release(run: string): void
  close(): Promise<void>
}

async function build(store: ResultStore, run: string, capacity: WorkerIdentity): Promise<RunContext | undefined> {
  const setup = await store.loadSetup(run)
  if (setup === undefined) return undefined
  if (setup.fingerprint !== capacity.fingerprint) {
    // Not retried anywhere: a mixed fleet is a deployment error, and a silent one otherwise.
    throw new UnrecoverableError(
      `Worker ${capacity.name} runs a different sluice (fingerprint ${capacity.fingerprint}) than the coordinator (${setup.fingerprint}): install the same version, data files, Node major and ICU on every machine, then restart the workers.`,
    )
  }
  const stages = await buildStages(setup.recipe, (all) => splitStages(all).free)
  const settings = resolveConfig({ workers: capacity.workers, concurrency: capacity.concurrency, documentTimeoutMs: setup.documentTimeoutMs, stages: [] })
  if (!settings.ok) throw new Error(settings.issues.join(' '))
  const origin = setup.recipe.kind === 'config' ? setup.recipe.origin : undefined
  const executor = createExecutor(settings.config, stages, origin)
  return { setup, executor, window: Math.max(capacity.concurrency, executor.execution.workers) * 8 }
}

/** Keeps the contexts of one worker process. */
export function createRunContexts(store: ResultStore, capacity: WorkerIdentity): RunContexts {
  const contexts = new Map<string, { context: Promise<RunContext | undefined>; users: number }>()
  const closeIdle = async (keep: number): Promise<void> => {
    const idle = [...contexts.entries()].filter(([, entry]) => entry.users === 0)
    for (const [run, entry] of idle.slice(0, Math.max(0, idle.length - keep))) {
      contexts.delete(run)
      await (await entry.context.catch(() => undefined))?.executor.close()
    }
  }
  return {
    async acquire(run) {
      let entry = contexts.get(run)
      if (entry === undefined) {
        entry = { context: build(store, run, capacity), users: 0 }
        contexts.set(run, entry)
      }
      entry.users += 1
      try {
        const context = await entry.context
        // A run without setup is looked up again next time: a coordinator may store it again.
        if (context === undefined) contexts.delete(run)
        return context
      } catch (error) {
        // A setup that failed to build (a config the worker cannot load) is retried on the next shard.
        contexts.delete(run)
        throw error
      }
    },
    release(run) {
      const entry = contexts.get(run)
      if (entry !== undefined) entry.users -= 1
      void closeIdle(2)
    },
    close: () => closeIdle(0),
  }
}
