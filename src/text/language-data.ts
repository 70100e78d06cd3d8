/**
 * eld's n-gram databases (npm `eld`, Apache-2.0) in typed arrays, so every thread of a run
 * reads one shared copy. Imported as eld ships it, the default 'extrasmall' database is a
 * 950 KB JavaScript object literal: each thread that loads it keeps about 30 MiB of objects and
 * needs 40 MiB more while V8 compiles it; 'large' keeps 133 MiB. Here the same n-grams and
 * scores take 1.3–5.7 MiB once per process (`src/text/data/eld-<size>.bin.gz`, made from the
 * installed eld by `npx tsx scripts/build-language-data.ts`; a test checks they still agree,
 * and each file names the eld version it came from). The file is little-endian.
 *
 * eld looks an n-gram up as `ngrams[key]` and reads the language scores of the object it gets
 * (`{11: 176, 17: 40}`: language index → score); {@link ngramTable} answers the same lookups
 * from the arrays. Only that lookup: listing its keys (eld's browser-only `saveSubset`) sees
 * an empty object.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { inSharedMemory, sharedValue, shareOnce } from './shared-memory.ts'
import { cachedTables } from './table-cache.ts'

/** eld's database sizes, smallest first. */
export const LANGUAGE_DATA_SIZES = ['extrasmall', 'small', 'medium', 'large'] as const
/** One of eld's database sizes. */
export type LanguageDataSize = (typeof LANGUAGE_DATA_SIZES)[number]

/** A database as eld's loader expects it, apart from `ngrams` (see {@link ngramTable}). */
export interface LanguageDataHeader {
  type: string
  languages: Record<number, string>
  isSubset: boolean
}

/** The n-grams (one byte per character) and their scores, in arrays that can be shared. */
export interface LanguageData {
  header: LanguageDataHeader
  /** The version of eld the database was taken from: eld's detector must be the same. */
  eldVersion: string
  /** Key i is keyBytes[keyStarts[i] .. keyStarts[i + 1]]. */
  keyBytes: Uint8Array
  keyStarts: Uint32Array
  /** Key i's scores are languages/scores[pairStarts[i] .. pairStarts[i + 1]]. */
  pairStarts: Uint32Array
  languages: Uint8Array
  scores: Uint8Array
  /** Open addressing: key index + 1 by hash, 0 for an empty slot; length a power of two. */
  slots: Int32Array
}

/** FNV-1a over the key's characters (each one byte in eld's encoding). */
function hashKey(key: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** {@link hashKey} of key `index`, read from its bytes. */
function hashStored(data: Pick<LanguageData, 'keyBytes' | 'keyStarts'>, index: number): number {
  let hash = 0x811c9dc5
  for (let offset = data.keyStarts[index] as number; offset < (data.keyStarts[index + 1] as number); offset += 1) hash = Math.imul(hash ^ (data.keyBytes[offset] as number), 0x01000193)
  return hash >>> 0
}

/** Fills the hash slots for every key; the table is at most half full. */
function buildSlots(data: Pick<LanguageData, 'keyBytes' | 'keyStarts'>): Int32Array {
  const count = data.keyStarts.length - 1
  let size = 1
  while (size < count * 2) size *= 2
  const slots = new Int32Array(size)
  for (let index = 0; index < count; index += 1) {
    let slot = hashStored(data, index) & (size - 1)
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1)
    slots[slot] = index + 1
  }
  return slots
}

/** True when key `index` is exactly `key`. */
function sameKey(data: LanguageData, index: number, key: string): boolean {
  const start = data.keyStarts[index] as number
  if ((data.keyStarts[index + 1] as number) - start !== key.length) return false
  for (let offset = 0; offset < key.length; offset += 1) if (data.keyBytes[start + offset] !== key.charCodeAt(offset)) return false
  return true
}

/** The index of `key`, or -1 (its own export so tests can probe the table). */
export function findKey(data: LanguageData, key: string): number {
  const mask = data.slots.length - 1
  for (let slot = hashKey(key) & mask; ; slot = (slot + 1) & mask) {
    const entry = data.slots[slot] as number
    if (entry === 0) return -1
    if (sameKey(data, entry - 1, key)) return entry - 1
  }
}

/** eld's `ngrams` object, read from the arrays: `table[key]` is `{language index: score}` or undefined. */
export function ngramTable(data: LanguageData): Record<string, Record<number, number> | undefined> {
  const lookup = (key: string): Record<number, number> | undefined => {
    const index = findKey(data, key)
    if (index === -1) return undefined
    const scores: Record<number, number> = {}
    for (let pair = data.pairStarts[index] as number; pair < (data.pairStarts[index + 1] as number); pair += 1) scores[data.languages[pair] as number] = data.scores[pair] as number
    return scores
  }
  return new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined) })
}

/** Where a size's database is stored: shared by the loader and the script that writes it. */
export function languageDataFile(size: LanguageDataSize): URL {
  return new URL(`./data/eld-${size}.bin.gz`, import.meta.url)
}

/**
 * Serialises eld's `ngramsData` (header, then the key and score arrays); the inverse of
 * {@link decodeLanguageData}. Keys must be one byte per character, scores and language
 * indices 0–255, as in every eld database.
 */
export function encodeLanguageData(source: LanguageDataHeader & { ngrams: Record<string, Record<string, number>> }, eldVersion: string): Uint8Array {
  const keys = Object.keys(source.ngrams)
  const keyStarts = new Uint32Array(keys.length + 1)
  const pairStarts = new Uint32Array(keys.length + 1)
  const bytes: number[] = []
  const languages: number[] = []
  const scores: number[] = []
  keys.forEach((key, index) => {
    for (const char of key) bytes.push(byte(char.charCodeAt(0), `key ${JSON.stringify(key)}`))
    for (const [language, score] of Object.entries(source.ngrams[key] as Record<string, number>)) {
      languages.push(byte(Number(language), 'a language index'))
      scores.push(byte(score, `the score of ${JSON.stringify(key)}`))
    }
    keyStarts[index + 1] = bytes.length
    pairStarts[index + 1] = scores.length
  })
  const header = new TextEncoder().encode(JSON.stringify({ type: source.type, languages: source.languages, isSubset: source.isSubset, eldVersion, keys: keys.length, bytes: bytes.length, pairs: scores.length }))
  const words = (values: Uint32Array): Buffer => {
    const buffer = Buffer.alloc(values.length * 4)
    values.forEach((value, index) => buffer.writeUInt32LE(value, index * 4))
    return buffer
  }
  return Buffer.concat([words(Uint32Array.of(header.length)), header, words(keyStarts), words(pairStarts), Uint8Array.from(bytes), Uint8Array.from(languages), Uint8Array.from(scores)])
}

function byte(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 255) throw new Error(`Expected ${what} in the eld database to fit in one byte, got ${value}; eld's database format changed, so encodeLanguageData (src/text/language-data.ts) needs wider arrays.`)
  return value
}

/** Reads what {@link encodeLanguageData} wrote and builds the hash slots. */
export function decodeLanguageData(bytes: Uint8Array): LanguageData {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.readUInt32LE(0)
  const meta = JSON.parse(view.toString('utf8', 4, 4 + headerLength)) as LanguageDataHeader & { eldVersion: string; keys: number; bytes: number; pairs: number }
  let offset = 4 + headerLength
  const take = (length: number): Buffer => view.subarray(offset, (offset += length))
  const words = (count: number): Uint32Array => {
    const bytes = take(count * 4)
    return Uint32Array.from({ length: count }, (_, index) => bytes.readUInt32LE(index * 4))
  }
  const keyStarts = words(meta.keys + 1)
  const pairStarts = words(meta.keys + 1)
  const keyBytes = new Uint8Array(take(meta.bytes))
  const languages = new Uint8Array(take(meta.pairs))
  const scores = new Uint8Array(take(meta.pairs))
  const header = { type: meta.type, languages: meta.languages, isSubset: meta.isSubset }
  return { header, eldVersion: meta.eldVersion, keyBytes, keyStarts, pairStarts, languages, scores, slots: buildSlots({ keyBytes, keyStarts }) }
}

const sharedKey = (size: LanguageDataSize): string => `sluice.language-data:${size}`

function readLanguageData(size: LanguageDataSize): LanguageData {
  const file = fileURLToPath(languageDataFile(size))
  return cachedTables(`language-${size}`, [file], () => decodeLanguageData(gunzipSync(readFileSync(file))))
}

/** A size's database: the copy the main thread shared, else read now (a few milliseconds). */
export function loadLanguageData(size: LanguageDataSize): LanguageData {
  return sharedValue<LanguageData>(sharedKey(size)) ?? readLanguageData(size)
}

/** Reads a size's database into shared memory for the worker threads started after this call. */
export function shareLanguageData(size: LanguageDataSize): void {
  shareOnce(sharedKey(size), () => inSharedMemory(readLanguageData(size)))
}
