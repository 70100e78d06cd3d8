/**
 * A fixed pool of worker threads for the order-free stages. Each worker holds up to
 * {@link DEPTH} documents and works through them in order: the next one is already there when
 * it posts a result, instead of waiting a round trip through the main thread. The
 * per-document timer runs for the document the worker is on only (from when it reaches an
 * idle worker, or from the previous document's result), so it measures that document's own
 * processing. A document past the timeout gets `timeout` and its worker is terminated and
 * replaced (a synchronous stage cannot be interrupted any other way); a worker that dies
 * under a document gives `failed`; the document queued behind it goes back to the front of
 * the queue. A worker that cannot even build its stages fails the whole pool: that is a
 * config problem, not a document problem.
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
  /** Ordered stages whose order-free `prepare` step the workers run (see Stage.prepare). */
  prepare?: StageRecipe
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
  /** Documents sent to the worker, the one it is on first. */
  jobs: Job[]
  timer?: NodeJS.Timeout
  error?: Error
}

/**
 * Documents a worker holds at once: the one it is on and the next. Two hides the round trip
 * between a result and the next document (about 4% of a worker's time with one); more would
 * only hold documents back from a worker that frees up sooner.
 */
const DEPTH = 2

/**
 * A worker's entry is a one-line script that imports the worker bundle (see worker-bundle.ts).
 * tsx is registered in the thread first only when there is no bundle (loader hooks from
 * `--import tsx` or `register()` do not reach worker threads on Node 20; a TypeScript config
 * file is bundled by loadConfig). Other Node flags (`--cpu-prof`, heap limits) are inherited.
 */
function workerBoot(entry: WorkerEntry): { code: string; execArgv: string[] } {
  const load = `import(${JSON.stringify(entry.url)})`
  let code = load
  if (entry.tsx) {
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

/** The pool's moving parts, shared by the small functions below. */
interface Pool {
  options: PoolOptions
  queue: Job[]
  slots: Set<Slot>
  boot?: { code: string; execArgv: string[] }
  nextId: number
  closed: boolean
  broken?: Error
}

/** Starts the timer of the document the worker is on. */
function startTimer(pool: Pool, slot: Slot): void {
  if (slot.jobs.length > 0) slot.timer = setTimeout(() => settle(pool, slot, { kind: 'timeout' }, true), pool.options.timeoutMs)
}

/**
 * Tops ready workers up to {@link DEPTH} documents, filling the emptiest first so idle workers
 * start at once. Only a document the worker starts at once has its bytes moved: one held behind
 * another may come back to the queue (its worker timed out or died) and be posted again.
 */
function dispatch(pool: Pool): void {
  for (let held = 0; held < DEPTH; held += 1) {
    for (const slot of pool.slots) {
      if (!slot.ready || slot.jobs.length !== held || pool.queue.length === 0) continue
      const job = pool.queue.shift() as Job
      slot.jobs.push(job)
      if (held === 0) startTimer(pool, slot)
      slot.worker.postMessage(job.task, held === 0 ? transferList(job.task.doc) : [])
    }
  }
}

/**
 * Ends the document the slot's worker is on with `outcome`. `replace` terminates the worker
 * and starts another; the documents it held but had not begun go back to the queue's front.
 */
function settle(pool: Pool, slot: Slot, outcome: PoolOutcome, replace: boolean): void {
  clearTimeout(slot.timer)
  slot.jobs.shift()?.resolve(outcome)
  if (replace) {
    slot.retired = true
    pool.slots.delete(slot)
    pool.queue.unshift(...slot.jobs.splice(0))
    void slot.worker.terminate()
    spawn(pool)
  } else startTimer(pool, slot)
  dispatch(pool)
}

/** A worker that cannot build its stages: every waiting document fails with that error. */
function fail(pool: Pool, error: Error): void {
  pool.broken ??= error
  for (const job of pool.queue.splice(0)) job.reject(error)
  for (const slot of pool.slots) for (const job of slot.jobs.splice(0)) job.reject(error)
  void closePool(pool)
}

/**
 * A smaller young generation than V8's default (up to 3 × 16 MB per thread): a worker's
 * allocations are short-lived per document, so scavenges stay cheap, and peak RSS with two
 * workers drops by about 50 MB at the same CPU time (measured with `npm run bench`). The CLI's
 * launcher (bin/launcher.mjs) gives every thread smaller semi-spaces still, and its flag wins.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 }

/**
 * Starts a thread with the main thread's Node flags; flags a worker cannot take (`--expose-gc`
 * and other process-wide ones) are dropped, all of them, rather than failing the run.
 */
function startWorker(pool: Pool, boot: { code: string; execArgv: string[] }): Worker {
  const setup: WorkerSetup = { recipe: pool.options.recipe, ...(pool.options.prepare === undefined ? {} : { prepare: pool.options.prepare }) }
  try {
    return new Worker(boot.code, { eval: true, workerData: setup, execArgv: boot.execArgv, resourceLimits: WORKER_LIMITS })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error
    boot.execArgv = []
    return new Worker(boot.code, { eval: true, workerData: setup, execArgv: [], resourceLimits: WORKER_LIMITS })
  }
}

function spawn(pool: Pool): void {
  if (pool.boot === undefined || pool.closed) return
  let worker: Worker
  try {
    worker = startWorker(pool, pool.boot)
  } catch (error) {
    return fail(pool, new Error(`Cannot start a worker thread: ${error instanceof Error ? error.message : String(error)}`))
  }
  const slot: Slot = { worker, ready: false, retired: false, jobs: [] }
  pool.slots.add(slot)
  worker.on('message', (reply: WorkerReply) => onReply(pool, slot, reply))
  worker.on('error', (error: Error) => {
    slot.error = error
  })
  worker.on('exit', (code) => onExit(pool, slot, code))
}

function onReply(pool: Pool, slot: Slot, reply: WorkerReply): void {
  if (reply.type === 'failed') fail(pool, new Error(`Cannot start a worker thread: ${reply.message}`))
  else if (reply.type === 'ready') {
    slot.ready = true
    dispatch(pool)
  } else if (slot.jobs[0]?.task.id === reply.id) settle(pool, slot, { kind: 'done', result: reply.result }, false)
}

function onExit(pool: Pool, slot: Slot, code: number): void {
  if (slot.retired || pool.closed) return
  const why = slot.error === undefined ? `exit code ${code}` : `${slot.error.name}: ${slot.error.message}`
  if (!slot.ready) return fail(pool, new Error(`A worker thread stopped while building the stages (${why}); run with \`workers: 0\` to see the error on the main thread.`))
  settle(pool, slot, { kind: 'failed', message: why }, true)
}

async function closePool(pool: Pool): Promise<void> {
  pool.closed = true
  for (const slot of pool.slots) clearTimeout(slot.timer)
  const workers = [...pool.slots].map((slot) => slot.worker)
  pool.slots.clear()
  await Promise.all(workers.map((worker) => worker.terminate()))
}

/** Starts `size` workers (once the bundle is built); documents queue until one is ready and idle. */
export function createWorkerPool(options: PoolOptions): WorkerPool {
  const pool: Pool = { options, queue: [], slots: new Set(), nextId: 0, closed: false }
  void workerEntry().then((entry) => {
    pool.boot = workerBoot(entry)
    for (let index = 0; index < options.size; index += 1) spawn(pool)
  })
  return {
    process(doc) {
      if (pool.broken !== undefined) return Promise.reject(pool.broken)
      return new Promise((resolve, reject) => {
        pool.queue.push({ task: { id: pool.nextId, doc }, resolve, reject })
        pool.nextId += 1
        dispatch(pool)
      })
    },
    close: () => closePool(pool),
  }
}
