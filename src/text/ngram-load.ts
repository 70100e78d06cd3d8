/**
 * Loading the n-gram models shipped with sluice, once per process where possible: each worker
 * thread decoding its own copy cost about 26 MiB and 0.2 s per thread. The main thread decodes
 * a model into shared memory before the workers start ({@link shareNgramModel}), vocabulary
 * hash included; every thread then reads the same tables.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { decodeParts, modelFromParts } from './ngram-model.ts'
import type { ModelParts, NgramModel } from './ngram-model.ts'
import { inSharedMemory, sharedValue, shareOnce } from './shared-memory.ts'
import { cachedTables } from './table-cache.ts'

const sharedKey = (name: string): string => `sluice.ngram-model:${name}`

/** The decoded model, from the table cache when the CLI keeps one (see table-cache.ts). */
function readParts(name: string): ModelParts {
  const file = fileURLToPath(new URL(`./data/${name}`, import.meta.url))
  return cachedTables(`ngram-${name}`, [file], () => decodeParts(gunzipSync(readFileSync(file))))
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
