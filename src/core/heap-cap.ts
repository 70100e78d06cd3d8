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

/** Checked after each document; collects when the heap outgrew its allowance. */
export interface HeapCap {
  check(): void
}

/** What a heap cap reads and calls: the heap's used bytes and a full collection. */
export interface HeapEngine {
  used(): number
  collect(): void
}

/** This thread's V8 heap; exposing `gc` is a process-wide V8 flag. */
function v8Engine(): HeapEngine {
  v8.setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as () => void
  return { used: () => v8.getHeapStatistics().used_heap_size, collect }
}

/** Collects whenever the heap grows `allowance` bytes past what it holds now, then past what the last collection left. */
export function createHeapCap(allowance: number, engine: HeapEngine = v8Engine()): HeapCap {
  let limit = engine.used() + allowance
  return {
    check() {
      if (engine.used() <= limit) return
      engine.collect()
      limit = engine.used() + allowance
    },
  }
}
