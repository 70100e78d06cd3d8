/**
 * The messages between the runner and its worker threads. Everything here is structured-clone
 * data: documents travel as plain objects, their raw bytes moved (transferred), not copied.
 */
import type { Doc } from './doc.ts'
import type { ProcessResult } from './process.ts'
import type { StageRecipe } from './stage-recipe.ts'

/** `workerData`: what a worker needs to rebuild its stages. */
export interface WorkerSetup {
  recipe: StageRecipe
  /** Built-in ordered stages whose `prepare` the worker runs after the order-free stages. */
  prepare?: StageRecipe
}

/** Main → worker: process one document. */
export interface WorkerTask {
  id: number
  doc: Doc
}

/** Worker → main: stages built (`ready`), could not be built (`failed`), or one result. */
export type WorkerReply = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'done'; id: number; result: ProcessResult }
