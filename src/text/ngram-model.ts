/**
 * A compact English word trigram model (interpolated Kneser–Ney, stored in backoff form) for
 * telling a garbled word order from a normal one: only relative scores of two readings of the
 * same sentence are used, so a small model trained on edited English is enough. The data file
 * (`data/garble-lm.bin.gz`, written by scripts/build-garble-model.ts) is read once, on the
 * first English document, and decoded into typed arrays: a hash of bigrams pointing at sorted
 * runs of trigram continuations.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { NGRAM_CLASSES, tokenClass } from './ngram-tokens.ts'
import type { NgramToken } from './ngram-tokens.ts'

/** log10 probabilities and backoff weights are stored as one byte each, over these ranges. */
export const QUANT = { probFloor: -8, bowFloor: -4, levels: 255 } as const

/** Sections of the data file, in this order after the JSON header. */
export interface ModelHeader {
  vocab: string[]
  bigrams: number
  trigrams: number
  /** Class model only: the class id of every word-model id. */
  classOf?: number[]
}

/** Word trigram model look-ups. */
export interface NgramModel {
  /** Id of a token: its word, or its class when the word is not in the vocabulary. */
  id(token: NgramToken): number
  /** Id of a vocabulary entry ("<s>", "the"…), or -1. */
  idOf(form: string): number
  /** log10 P(w | u v); pass -1 for a missing u. */
  logProb(u: number, v: number, w: number): number
  /** True when the bigram "v w" occurred in the training text (and was kept). */
  seen(v: number, w: number): boolean
  readonly size: number
  /** Class model only: the class id of every word-model id. */
  readonly classOf?: Uint16Array
}

/** Turns a stored byte back into a log10 value in [floor, 0]. */
export function unquantize(byte: number, floor: number): number {
  return floor + (byte * -floor) / QUANT.levels
}

interface Arrays {
  uniProb: Uint8Array
  uniBow: Uint8Array
  /** Bigrams grouped by first word: biStart[v] .. biStart[v + 1] index biWord (sorted). */
  biStart: Uint32Array
  biWord: Uint16Array
  biProb: Uint8Array
  biBow: Uint8Array
  /** Trigrams grouped by bigram index the same way. */
  triStart: Uint32Array
  triWord: Uint16Array
  triProb: Uint8Array
}

function readArrays(bytes: Uint8Array, header: ModelHeader, offset: number): Arrays {
  let at = offset
  const take = (length: number): Uint8Array => {
    const part = bytes.subarray(at, at + length)
    at += length
    return part
  }
  const aligned = (length: number): ArrayBuffer => {
    const copy = new Uint8Array(length)
    copy.set(take(length))
    return copy.buffer
  }
  const size = header.vocab.length
  const uniProb = take(size)
  const uniBow = take(size)
  const biStart = new Uint32Array(aligned(4 * (size + 1)))
  const biWord = new Uint16Array(aligned(2 * header.bigrams))
  const biProb = take(header.bigrams)
  const biBow = take(header.bigrams)
  const triStart = new Uint32Array(aligned(4 * (header.bigrams + 1)))
  const triWord = new Uint16Array(aligned(2 * header.trigrams))
  const triProb = take(header.trigrams)
  return { uniProb, uniBow, biStart, biWord, biProb, biBow, triStart, triWord, triProb }
}

/** Index of `word` in the sorted run words[from, to), or -1. */
function searchRun(words: Uint16Array, from: number, to: number, word: number): number {
  let low = from
  let high = to - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const found = words[middle] as number
    if (found === word) return middle
    if (found < word) low = middle + 1
    else high = middle - 1
  }
  return -1
}

const PROB = Float32Array.from({ length: 256 }, (_, byte) => unquantize(byte, QUANT.probFloor))
const BOW = Float32Array.from({ length: 256 }, (_, byte) => unquantize(byte, QUANT.bowFloor))

/** log10 P(w | u v) in backoff form. */
function backoffProb(arrays: Arrays, u: number, v: number, w: number): number {
  const { biStart, biWord, triStart, triWord } = arrays
  const vw = searchRun(biWord, biStart[v] as number, biStart[v + 1] as number, w)
  const lower = vw === -1 ? (BOW[arrays.uniBow[v] as number] as number) + (PROB[arrays.uniProb[w] as number] as number) : (PROB[arrays.biProb[vw] as number] as number)
  if (u < 0) return lower
  const uv = searchRun(biWord, biStart[u] as number, biStart[u + 1] as number, v)
  if (uv === -1) return lower
  const hit = searchRun(triWord, triStart[uv] as number, triStart[uv + 1] as number, w)
  return hit === -1 ? (BOW[arrays.biBow[uv] as number] as number) + lower : (PROB[arrays.triProb[hit] as number] as number)
}

/** Decodes the (gunzipped) data file. */
export function decodeModel(bytes: Uint8Array): NgramModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as ModelHeader
  const arrays = readArrays(bytes, header, 4 + headerLength)
  const ids = new Map(header.vocab.map((form, index) => [form, index]))
  const classIds = new Map(NGRAM_CLASSES.map((name) => [name, ids.get(name) ?? (ids.get('<unk>') as number)]))
  const logProb = (u: number, v: number, w: number): number => backoffProb(arrays, u, v, w)
  const id = (token: NgramToken): number => ids.get(token.form) ?? (classIds.get(tokenClass(token)) as number)
  const classOf = header.classOf === undefined ? undefined : Uint16Array.from(header.classOf)
  const seen = (v: number, w: number): boolean => searchRun(arrays.biWord, arrays.biStart[v] as number, arrays.biStart[v + 1] as number, w) !== -1
  return { id, idOf: (form) => ids.get(form) ?? -1, logProb, seen, size: header.vocab.length, classOf }
}

/** Reads the model shipped with sluice (about 0.1 s); call once per stage, on the first English document. */
export function loadNgramModel(name = 'garble-lm.bin.gz'): NgramModel {
  return decodeModel(gunzipSync(readFileSync(new URL(`./data/${name}`, import.meta.url))))
}
