/**
 * Loading the n-gram models shipped with sluice, once per process where possible: each worker
 * thread decoding its own copy cost about 26 MiB and 0.2 s per thread. The main thread decodes
 * a model into shared memory before the workers start ({@link shareNgramModel}); every thread
 * then reads the same tables and builds only its own vocabulary lookup.
 */
import { readFileSync } from 'node:fs'
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { decodeParts, modelFromParts } from './ngram-model.ts'
import type { Arrays, ModelParts, NgramModel } from './ngram-model.ts'

const sharedKey = (name: string): string => `sluice.ngram-model:${name}`

function readParts(name: string): ModelParts {
  return decodeParts(gunzipSync(readFileSync(new URL(`./data/${name}`, import.meta.url))))
}

/** The same tables in SharedArrayBuffers: worker threads receive them without a copy. */
function inSharedMemory(arrays: Arrays): Arrays {
  const share = <T extends Uint8Array | Uint16Array | Uint32Array | Float32Array>(array: T): T => {
    const shared = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength))
    shared.set(array as never)
    return shared
  }
  const entries = Object.entries(arrays).map(([key, value]) => [key, ArrayBuffer.isView(value) ? share(value as Uint8Array) : value])
  return Object.fromEntries(entries) as Arrays
}

/**
 * Reads a model from `data/` (about 0.1 s): the copy the main thread shared, when it did,
 * else the file. Call once per stage, on the first English document.
 */
export function loadNgramModel(name: string): NgramModel {
  const shared = getEnvironmentData(sharedKey(name)) as ModelParts | undefined
  return modelFromParts(shared ?? readParts(name))
}

/**
 * Decodes a model into shared memory for the worker threads started after this call (Node's
 * worker environment data), so N workers hold one copy of its tables instead of N.
 */
export function shareNgramModel(name: string): void {
  if (getEnvironmentData(sharedKey(name)) !== undefined) return
  const { header, arrays } = readParts(name)
  setEnvironmentData(sharedKey(name), { header, arrays: inSharedMemory(arrays) } as never)
}
