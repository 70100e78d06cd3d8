/**
 * The worker thread's side of the pool. It rebuilds the order-free stages once from the recipe
 * in `workerData` (stages cannot be posted), says `ready`, then runs one document per `task`
 * message through them, one at a time in arrival order, and posts each result back. Run state
 * here is per worker, so only order-free caches may live in it; order-dependent state belongs
 * to `ordered` stages, which stay on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import { createDoc } from './doc.ts'
import { createHeapCap, STAGE_GARBAGE_ALLOWANCE } from './heap-cap.ts'
import { processDocument } from './process.ts'
import type { ProcessResult } from './process.ts'
import { splitStages } from './split-stages.ts'
import { createRunState } from './stage.ts'
import type { Stage } from './stage.ts'
import { buildStages } from './stage-recipe.ts'
import type { WorkerReply, WorkerTask, WorkerSetup } from './worker-protocol.ts'

/** Posts a result; scratch `meta` that cannot be cloned (a stage's private object) is left out. */
function reply(port: MessagePort, id: number, result: ProcessResult): void {
  const message: WorkerReply = { type: 'done', id, result }
  try {
    port.postMessage(message)
  } catch {
    port.postMessage({ ...message, result: { ...result, doc: { ...result.doc, meta: {} } } } satisfies WorkerReply)
  }
}

/** A short English article, as a dump and as a page, run once before the worker says `ready`. */
const WARM_UP_TEXT = [
  'Council approves the new river park',
  'The city council voted on Tuesday to turn the old river docks into a public park, after two years of debate about the cost and the plans for housing on the same land.',
  'Work is expected to start in the spring. The mayor said the park would open in stages, and that the first paths along the water should be ready before the summer holidays.',
].join('\n\n')

/**
 * Runs the stages once on sample documents, so that lazy loading (word lists, compiled
 * expressions, the HTML parser) is not charged to the first real document's timeout.
 */
async function warmUp(stages: readonly Stage[]): Promise<void> {
  const html = `<html><head><title>River park</title></head><body><article>${WARM_UP_TEXT.split('\n\n').map((text) => `<p>${text}</p>`).join('')}</article></body></html>`
  const samples = [
    createDoc({ source: { path: 'warm-up.txt', format: 'txt' }, raw: new TextEncoder().encode(WARM_UP_TEXT) }, 0),
    createDoc({ source: { path: 'warm-up.html', format: 'html' }, raw: new TextEncoder().encode(html) }, 1),
  ]
  for (const doc of samples) await processDocument(doc, stages, createRunState())
}

/** Runs the ordered stages' `prepare` steps on a kept document (see Stage.prepare), timing each. */
function prepared(result: ProcessResult, preparers: readonly Stage[]): ProcessResult {
  if (result.dropped || preparers.length === 0) return result
  let doc = result.doc
  const prepareMilliseconds: Record<string, number> = {}
  for (const stage of preparers) {
    const started = performance.now()
    doc = stage.prepare?.(doc) ?? doc
    prepareMilliseconds[stage.name] = performance.now() - started
  }
  return { ...result, doc, prepareMilliseconds }
}

async function serve(port: MessagePort, stages: readonly Stage[], preparers: readonly Stage[]): Promise<void> {
  await warmUp(stages)
  const run = createRunState()
  const heap = createHeapCap(STAGE_GARBAGE_ALLOWANCE, { collectFirst: true })
  // The pool sends the next document before this one is done (worker-pool.ts): documents
  // wait here and run one at a time, in the order they came, so each has the thread to itself.
  const waiting: WorkerTask[] = []
  const next = async (): Promise<void> => {
    for (let task = waiting[0]; task !== undefined; task = waiting[0]) {
      const result = await processDocument(task.doc, stages, run)
      waiting.shift()
      reply(port, task.id, prepared(result, preparers))
      heap.check()
    }
  }
  port.on('message', (task: WorkerTask) => {
    if (waiting.push(task) === 1) void next()
  })
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
}

async function start(port: MessagePort, setup: WorkerSetup): Promise<void> {
  let stages: Stage[]
  let preparers: Stage[]
  try {
    stages = await buildStages(setup.recipe, (all) => splitStages(all).free)
    preparers = setup.prepare === undefined ? [] : await buildStages(setup.prepare, (all) => [...all])
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
    return
  }
  await serve(port, stages, preparers)
}

if (parentPort !== null) await start(parentPort as MessagePort, workerData as WorkerSetup)
