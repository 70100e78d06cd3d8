/**
 * A fixed pool of worker threads for the order-free stages. Each worker holds one document at
 * a time, so the per-document timer starts when the document reaches an idle, ready worker
 * and measures its own processing only. A document past the timeout gets `timeout` and its
 * worker is terminated and replaced (a synchronous stage cannot be interrupted any other
 * way); a worker that dies under a document gives `failed`. A worker that cannot even build
 * its stages fails the whole pool: that is a config problem, not a document problem.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Doc } from './doc.ts'
import type { ProcessResult } from './process.ts'
import type { StageRecipe } from './stage-recipe.ts'
import { workerEntry } from './worker-bundle.ts'
import type { WorkerEntry } from './worker-bundle.ts'
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.ts'

/** Pool size, stage recipe and the per-document timeout in milliseconds. */
export interface PoolOptions {
  size: number
  recipe: StageRecipe
  timeoutMs: number
}

/** What became of one document sent to the pool. */
export type PoolOutcome = { kind: 'done'; result: ProcessResult } | { kind: 'timeout' } | { kind: 'failed'; message: string }

/** Runs documents through the worker threads; `close` terminates them. */
export interface WorkerPool {
  process(doc: Doc): Promise<PoolOutcome>
  close(): Promise<void>
}

interface Job {
  task: WorkerTask
  resolve(outcome: PoolOutcome): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  ready: boolean
  retired: boolean
  job?: Job
  timer?: NodeJS.Timeout
  error?: Error
}

/**
 * A worker's entry is a one-line script that imports the worker bundle (see worker-bundle.ts).
 * tsx is registered in the thread first only when the worker must load TypeScript: no bundle,
 * or a config file to import (loader hooks from `--import tsx` or `register()` do not reach
 * worker threads on Node 20). Other Node flags (`--cpu-prof`, heap limits) are inherited.
 */
function workerBoot(entry: WorkerEntry, recipe: StageRecipe): { code: string; execArgv: string[] } {
  const load = `import(${JSON.stringify(entry.url)})`
  let code = load
  if (entry.tsx || (recipe.kind === 'config' && recipe.origin.file !== undefined)) {
    const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
    code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return ${load} })`
  }
  const execArgv: string[] = []
  const args = process.execArgv
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string
    if ((arg === '--import' || arg === '--require' || arg === '--loader') && args[index + 1]?.includes('tsx')) index += 1
    else if (!arg.includes('tsx')) execArgv.push(arg)
  }
  return { code, execArgv }
}

/** Raw bytes are moved, not copied, when the document owns its whole buffer. */
function transferList(doc: Doc): ArrayBuffer[] {
  const raw = doc.raw
  if (raw === undefined || !(raw.buffer instanceof ArrayBuffer)) return []
  return raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength && raw.byteLength > 0 ? [raw.buffer] : []
}

/** Starts `size` workers; documents queue until one is ready and idle. */
export function createWorkerPool(options: PoolOptions): WorkerPool {
  const queue: Job[] = []
  const slots = new Set<Slot>()
  let boot: { code: string; execArgv: string[] } | undefined
  let nextId = 0
  let closed = false
  let broken: Error | undefined

  const dispatch = (): void => {
    for (const slot of slots) {
      const job = slot.ready && slot.job === undefined ? queue.shift() : undefined
      if (job === undefined) continue
      slot.job = job
      slot.timer = setTimeout(() => settle(slot, { kind: 'timeout' }, true), options.timeoutMs)
      slot.worker.postMessage(job.task, transferList(job.task.doc))
    }
  }
  const settle = (slot: Slot, outcome: PoolOutcome, replace: boolean): void => {
    clearTimeout(slot.timer)
    const job = slot.job
    slot.job = undefined
    job?.resolve(outcome)
    if (replace) retire(slot)
    dispatch()
  }
  const retire = (slot: Slot): void => {
    slot.retired = true
    slots.delete(slot)
    void slot.worker.terminate()
    if (!closed) spawn()
  }
  const fail = (error: Error): void => {
    broken ??= error
    for (const job of queue.splice(0)) job.reject(error)
    for (const slot of slots) slot.job?.reject(error)
    void close()
  }
  const spawn = (): void => {
    if (boot === undefined || closed) return
    const setup: WorkerSetup = { recipe: options.recipe }
    const slot: Slot = { worker: new Worker(boot.code, { eval: true, workerData: setup, execArgv: boot.execArgv }), ready: false, retired: false }
    slots.add(slot)
    slot.worker.on('message', (reply: WorkerReply) => onReply(slot, reply))
    slot.worker.on('error', (error: Error) => {
      slot.error = error
    })
    slot.worker.on('exit', (code) => onExit(slot, code))
  }
  const onReply = (slot: Slot, reply: WorkerReply): void => {
    if (reply.type === 'failed') fail(new Error(`Cannot start a worker thread: ${reply.message}`))
    else if (reply.type === 'ready') {
      slot.ready = true
      dispatch()
    } else if (slot.job?.task.id === reply.id) settle(slot, { kind: 'done', result: reply.result }, false)
  }
  const onExit = (slot: Slot, code: number): void => {
    if (slot.retired || closed) return
    const why = slot.error === undefined ? `exit code ${code}` : `${slot.error.name}: ${slot.error.message}`
    if (!slot.ready) return fail(new Error(`A worker thread stopped while building the stages (${why}); run with \`workers: 0\` to see the error on the main thread.`))
    settle(slot, { kind: 'failed', message: why }, true)
  }
  const close = async (): Promise<void> => {
    closed = true
    const workers = [...slots].map((slot) => slot.worker)
    slots.clear()
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  void workerEntry().then((entry) => {
    boot = workerBoot(entry, options.recipe)
    for (let index = 0; index < options.size; index += 1) spawn()
  })
  return {
    process(doc) {
      if (broken !== undefined) return Promise.reject(broken)
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId, doc }, resolve, reject })
        nextId += 1
        dispatch()
      })
    },
    close,
  }
}
