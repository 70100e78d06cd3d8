/**
 * Worker threads load the plain-JavaScript build of worker.ts instead of the TypeScript
 * sources through tsx: a thread that registers tsx gets its own loader thread and compiles every
 * module again, which costs about 60 MB and a second of start-up per worker. The bundle is
 * built and cached by bin/bundle.mjs (shared with the CLI bootstrap) and rebuilt only when a
 * source changed. When it cannot be built, workers fall back to tsx.
 */
import { sluiceBundle } from '../../bin/bundle.mjs'

/** How a worker thread starts: the module to import, and whether tsx must be registered first. */
export interface WorkerEntry {
  url: string
  tsx: boolean
}

const SOURCE_ENTRY = new URL('./worker.ts', import.meta.url)

/** The bundle when it can be built, else worker.ts itself (loaded through tsx). */
export async function workerEntry(): Promise<WorkerEntry> {
  try {
    return { url: (await sluiceBundle()).worker, tsx: false }
  } catch {
    return { url: SOURCE_ENTRY.href, tsx: true }
  }
}
