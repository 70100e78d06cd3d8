/**
 * Loading the n-gram models shipped with sluice, once per process where possible: each worker
 * thread decoding its own copy cost about 26 MiB and 0.2 s per thread. The main thread decodes
 * a model into shared memory before the workers start ({@link shareNgramModel}), vocabulary
 * hash included; every thread then reads the same tables.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { decodeParts, modelFromParts } from './ngram-model.ts'
import type { ModelParts, NgramModel } from './ngram-model.ts'
import { inSharedMemory, sharedValue, shareOnce } from './shared-memory.ts'

const sharedKey = (name: string): string => `sluice.ngram-model:${name}`

function readParts(name: string): ModelParts {
  return decodeParts(gunzipSync(readFileSync(new URL(`./data/${name}`, import.meta.url))))
}

/**
 * Reads a model from `data/` (about 0.1 s): the copy the main thread shared, when it did,
 * else the file. Call once per stage, on the first English document.
 */
export function loadNgramModel(name: string): NgramModel {
  return modelFromParts(sharedValue<ModelParts>(sharedKey(name)) ?? readParts(name))
}

/**
 * Decodes a model into shared memory for the worker threads started after this call (Node's
 * worker environment data), so N workers hold one copy of its tables instead of N.
 */
export function shareNgramModel(name: string): void {
  shareOnce(sharedKey(name), () => inSharedMemory(readParts(name)))
}
