/**
 * Where the order-free stages run: in a pool of worker threads (`workers` ≥ 1), or on the main
 * thread with p-limit (`workers: 0`, or stages that cannot be rebuilt in a worker). Either way
 * `process` gives the same result for the same document, so outputs do not depend on the mode.
 */
import pLimit from 'p-limit'
import type { ResolvedConfig } from '../config/schema.ts'
import type { Doc } from './doc.ts'
import { processDocument } from './process.ts'
import type { ProcessResult } from './process.ts'
import { runnerReject } from './runner-rules.ts'
import { createRunState } from './stage.ts'
import type { Stage } from './stage.ts'
import { stageRecipe } from './stage-recipe.ts'
import type { ConfigOrigin, StageRecipe } from './stage-recipe.ts'
import { createWorkerPool } from './worker-pool.ts'
import type { PoolOutcome } from './worker-pool.ts'

/** How a run executes its order-free stages; `note` says why it fell back to the main thread. */
export interface Execution {
  mode: 'workers' | 'main-thread'
  workers: number
  note?: string
}

/** Runs the order-free stages on one document at a time, wherever they live. */
export interface Executor {
  execution: Execution
  process(doc: Doc): Promise<ProcessResult>
  close(): Promise<void>
}

function mainThread(free: readonly Stage[], concurrency: number, note?: string): Executor {
  const limit = pLimit(concurrency)
  const run = createRunState()
  return {
    execution: { mode: 'main-thread', workers: 0, ...(note === undefined ? {} : { note }) },
    process: (doc) => limit(() => processDocument(doc, free, run)),
    close: async () => {},
  }
}

function outcomeResult(doc: Doc, outcome: PoolOutcome, timeoutMs: number): ProcessResult {
  if (outcome.kind === 'done') return outcome.result
  if (outcome.kind === 'timeout') {
    return runnerReject(doc, 'runner/timeout', `Processing took longer than the per-document timeout of ${timeoutMs} ms (\`documentTimeoutMs\`); its worker was stopped and replaced.`)
  }
  return runnerReject(doc, 'runner/worker-failed', `The worker thread processing this document stopped (${outcome.message}); it was replaced and the batch went on.`)
}

/** The built-in ordered stages with a `prepare` step, as a recipe workers can rebuild; else none. */
function prepareRecipe(ordered: readonly Stage[]): StageRecipe | undefined {
  const preparing = ordered.filter((stage) => stage.prepare !== undefined)
  const recipe = preparing.length === 0 ? undefined : stageRecipe(preparing)
  return recipe?.ok === true && recipe.recipe.kind === 'builtin' ? recipe.recipe : undefined
}

/** Chooses the mode for `free` stages under `settings`; `origin` lets workers load a config file. */
export function createExecutor(settings: ResolvedConfig, free: readonly Stage[], origin?: ConfigOrigin, ordered: readonly Stage[] = []): Executor {
  if (settings.workers === 0 || free.length === 0) return mainThread(free, settings.concurrency)
  const recipe = stageRecipe(free, origin)
  if (!recipe.ok) return mainThread(free, settings.concurrency, recipe.reason)
  const timeoutMs = settings.documentTimeoutMs
  const prepare = prepareRecipe(ordered)
  for (const stage of free) stage.share?.()
  const pool = createWorkerPool({ size: settings.workers, recipe: recipe.recipe, timeoutMs, ...(prepare === undefined ? {} : { prepare }) })
  return {
    execution: { mode: 'workers', workers: settings.workers },
    process: async (doc) => outcomeResult(doc, await pool.process(doc), timeoutMs),
    close: () => pool.close(),
  }
}
