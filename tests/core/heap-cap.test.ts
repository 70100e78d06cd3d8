import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createHeapCap } from '../../src/core/heap-cap.ts'
import type { HeapEngine } from '../../src/core/heap-cap.ts'

/** A heap that holds `live` bytes plus whatever garbage the test adds; a collection drops the garbage. */
function fakeHeap(live: number): HeapEngine & { live: number; garbage: number; collections: number } {
  const heap = { live, garbage: 0, collections: 0, used: () => heap.live + heap.garbage, collect: () => void ((heap.garbage = 0), (heap.collections += 1)) }
  return heap
}

describe('heap cap', () => {
  it('collects only once the heap has grown past its allowance, then measures from what survived', () => {
    const heap = fakeHeap(100)
    const cap = createHeapCap(50, { engine: heap })
    heap.garbage = 50
    cap.check()
    expect(heap.collections).toBe(0)
    heap.garbage = 51
    heap.live = 200
    cap.check()
    expect(heap.collections).toBe(1)
    heap.garbage = 50
    cap.check()
    expect(heap.collections).toBe(1)
    heap.garbage = 51
    cap.check()
    expect(heap.collections).toBe(2)
  })

  it('clears garbage made before it started when asked to, and measures from there', () => {
    const heap = fakeHeap(100)
    heap.garbage = 30
    const cap = createHeapCap(50, { engine: heap, collectFirst: true })
    expect(heap.collections).toBe(1)
    heap.garbage = 51
    cap.check()
    expect(heap.collections).toBe(2)
  })

  it('frees garbage on the real V8 heap', () => {
    const cap = createHeapCap(4 * 1024 * 1024)
    const garbage: unknown[] = []
    for (let index = 0; index < 200_000; index += 1) garbage.push({ index, text: `item ${index}` })
    const grown = v8.getHeapStatistics().used_heap_size
    garbage.length = 0
    cap.check()
    expect(grown - v8.getHeapStatistics().used_heap_size).toBeGreaterThan(4 * 1024 * 1024)
  })
})
