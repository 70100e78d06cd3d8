/**
 * V8 lets a thread's heap grow to several times what is live before it collects in full: a
 * worker piles up dead DOM trees, and the main thread, whose live set is 20–30 MiB, reached
 * 80 MiB of heap on txt-100mb. A heap cap collects at once, between documents, when the heap
 * has grown by `allowance` bytes since the last collection left it, so peak RSS follows the
 * live set. A full collection of a 30 MiB heap takes about 30 ms; the main thread needed two on
 * txt-100mb with a 24 MiB allowance, and its peak RSS fell by 20–30 MiB.
 */
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Garbage a thread that runs the stages may hold (a worker, or the main thread with
 * `workers: 0`): extraction leaves dead DOM trees behind, and a 16 MiB allowance cost 30 % of
 * the time on HTML.
 */
export const STAGE_GARBAGE_ALLOWANCE = 48 * 1024 * 1024
/**
 * Garbage the main thread may hold while workers run the stages: it only reads, routes and
 * writes, and its live set (the report collector, the ordered stages' state) grows with the
 * batch. 8 MiB instead of 24 took about 6 MiB off html-10k's peak RSS with two workers (301–302
 * against 305–311 MiB), for a full collection every few hundred documents (15–20 ms each).
 */
export const MAIN_GARBAGE_ALLOWANCE = 8 * 1024 * 1024

/** Lets the runner collect between documents; see the module comment. */
export interface HeapCap {
  check(): void
}

/** What a heap cap reads and calls (V8's, or a stand-in in tests). */
export interface HeapEngine {
  used(): number
  collect(): void
}

/** V8's `gc` function, `{type: 'minor'}` for a scavenge of the young generation only; exposing it is a process-wide V8 flag. */
export function garbageCollector(): (options?: { type: 'minor' | 'major' }) => void {
  v8.setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void
}

/** This thread's V8 heap. */
function v8Engine(): HeapEngine {
  const collect = garbageCollector()
  return { used: () => v8.getHeapStatistics().used_heap_size, collect: () => collect() }
}

/** How a cap starts: `collectFirst` clears garbage already made (a worker's warm-up documents). */
export interface HeapCapOptions {
  collectFirst?: boolean
  engine?: HeapEngine
}

/** Collects whenever the heap grows `allowance` bytes past the last collection (or, before the first, past its size now). */
export function createHeapCap(allowance: number, options: HeapCapOptions = {}): HeapCap {
  const engine = options.engine ?? v8Engine()
  if (options.collectFirst === true) engine.collect()
  let limit = engine.used() + allowance
  return {
    check() {
      if (engine.used() <= limit) return
      engine.collect()
      limit = engine.used() + allowance
    },
  }
}
