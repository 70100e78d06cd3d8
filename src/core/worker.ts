/**
 * The worker thread's side of the pool. It rebuilds the order-free stages once from the recipe
 * in `workerData` (stages cannot be posted), says `ready`, then runs one document per `task`
 * message through them and posts the result back. Run state here is per worker, so only
 * order-free caches may live in it; order-dependent state belongs to `ordered` stages, which
 * stay on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
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

function serve(port: MessagePort, stages: readonly Stage[]): void {
  const run = createRunState()
  port.on('message', (task: WorkerTask) => {
    void processDocument(task.doc, stages, run).then((result) => reply(port, task.id, result))
  })
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
}

async function start(port: MessagePort, setup: WorkerSetup): Promise<void> {
  let stages: Stage[]
  try {
    stages = await buildStages(setup.recipe, (all) => splitStages(all).free)
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
    return
  }
  serve(port, stages)
}

if (parentPort !== null) await start(parentPort as MessagePort, workerData as WorkerSetup)
