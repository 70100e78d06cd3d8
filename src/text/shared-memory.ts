/**
 * Read-only tables that every worker thread needs (n-gram models, the lexicon) are built once
 * on the main thread and handed to the workers in SharedArrayBuffers through Node's worker
 * environment data: N workers then hold one copy instead of N, and skip the build.
 */
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads'

type Shareable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array

function share(array: Shareable): Shareable {
  if (array.buffer instanceof SharedArrayBuffer) return array
  const shared = new (array.constructor as new (buffer: SharedArrayBuffer) => Shareable)(new SharedArrayBuffer(array.byteLength))
  shared.set(array as never)
  return shared
}

/** `record` with every typed array in it or in its plain-object fields in a SharedArrayBuffer (copied there unless it is in one already); other values stay as they are. */
export function inSharedMemory<T extends object>(record: T): T {
  const shared = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value)) return share(value as Shareable)
    return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? inSharedMemory(value) : value
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, shared(value)])) as T
}

/** What the main thread shared under `key` for the worker threads started after it, or undefined. */
export function sharedValue<T>(key: string): T | undefined {
  return getEnvironmentData(key) as T | undefined
}

/** Shares `build()` under `key` for worker threads started after this call, unless it already is. */
export function shareOnce(key: string, build: () => unknown): void {
  if (getEnvironmentData(key) === undefined) setEnvironmentData(key, build() as never)
}
