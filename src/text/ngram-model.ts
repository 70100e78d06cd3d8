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
import { markForm, NGRAM_CLASSES, SPAN_LETTERS, SPAN_MARK, SPAN_NUMBER, SPAN_WORD, tokenClass, wordForm } from './ngram-tokens.ts'
import type { NgramToken, TokenSpans } from './ngram-tokens.ts'
import { vocabIndex } from './ngram-vocab.ts'
import type { VocabIndex } from './ngram-vocab.ts'


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
  /** Id of a token given its model form and its text as written: {@link NgramModel.id} without the object. */
  formId(form: string, raw: string): number
  /** Ids of the tokens at `spans` (see ngram-tokens.ts) in `sentence`, with <s> first and </s> last. */
  encode(sentence: string, spans: TokenSpans): number[]
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
  size: number
  /** Small vocabularies only: bigramAt[v * size + w] is the index of "v w", or {@link NO_BIGRAM}. */
  bigramAt?: Uint16Array
}

function readArrays(bytes: Uint8Array, header: ModelHeader, offset: number): Arrays {
  let at = offset
  // Every section is copied out, so the decompressed file (about 40% more than the tables,
  // counting the copies the 2- and 4-byte arrays need for alignment) can be collected.
  const take = (length: number): Uint8Array => {
    const part = new Uint8Array(bytes.subarray(at, at + length))
    at += length
    return part
  }
  const aligned = (length: number): ArrayBuffer => take(length).buffer as ArrayBuffer
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
  return { uniProb, uniBow, biStart, biWord, biProb, biBow, triStart, triWord, triProb, size }
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

/** Index of the bigram "v w" in the bigram arrays, or -1. */
function bigramIndex(arrays: Arrays, v: number, w: number): number {
  const dense = arrays.bigramAt
  if (dense !== undefined) {
    const found = dense[v * arrays.size + w] as number
    return found === NO_BIGRAM ? -1 : found
  }
  return searchRun(arrays.biWord, arrays.biStart[v] as number, arrays.biStart[v + 1] as number, w)
}

/** log10 P(w | u v) in backoff form. */
function backoffProb(arrays: Arrays, u: number, v: number, w: number): number {
  const vw = bigramIndex(arrays, v, w)
  const lower = vw === -1 ? (BOW[arrays.uniBow[v] as number] as number) + (PROB[arrays.uniProb[w] as number] as number) : (PROB[arrays.biProb[vw] as number] as number)
  if (u < 0) return lower
  const uv = bigramIndex(arrays, u, v)
  if (uv === -1) return lower
  const hit = searchRun(arrays.triWord, arrays.triStart[uv] as number, arrays.triStart[uv + 1] as number, w)
  return hit === -1 ? (BOW[arrays.biBow[uv] as number] as number) + lower : (PROB[arrays.triProb[hit] as number] as number)
}

/**
 * Vocabularies up to this size (the word classes) get a dense table of bigram indices
 * (size² entries, 0.7 MB for 592 classes): the order check asks the class model about every
 * position of every sentence, and a direct index beats two binary searches per look-up.
 */
const DENSE_LIMIT = 1024
const NO_BIGRAM = 0xffff

function denseBigrams(arrays: Arrays): Uint16Array {
  const { size } = arrays
  const dense = new Uint16Array(size * size).fill(NO_BIGRAM)
  for (let v = 0; v < size; v += 1) {
    for (let at = arrays.biStart[v] as number; at < (arrays.biStart[v + 1] as number); at += 1) dense[v * size + (arrays.biWord[at] as number)] = at
  }
  return dense
}

/** What {@link encodeSpans} looks up: the vocabulary hash and the ids every number and ASCII mark gets. */
interface Encoder {
  index: VocabIndex
  /** Id of every number token. */
  number: number
  /** Id of each one-character ASCII mark by its code ("-" stands for "--"), or -1. */
  marks: Int32Array
}

function createEncoder(vocab: readonly string[], formId: (form: string, raw: string) => number): Encoder {
  const marks = new Int32Array(128).fill(-1)
  for (const raw of [...',.;:?!()"', '--']) marks[raw.charCodeAt(0)] = formId(markForm(raw, SPAN_MARK), raw)
  return { index: vocabIndex(vocab), number: formId('<num>', '0'), marks }
}

/** Ids of the tokens at `spans` in `sentence`, with <s> first and </s> last (see {@link NgramModel.encode}). */
function encodeSpans(sentence: string, spans: TokenSpans, model: Pick<NgramModel, 'formId' | 'idOf'>, encoder: Encoder): number[] {
  const ascii = spans.ascii
  const ids = [model.idOf('<s>')]
  for (let at = 0; at < spans.count; at += 1) {
    const start = spans.starts[at] as number
    const end = spans.ends[at] as number
    const kind = spans.kinds[at] as number
    const word = kind === SPAN_LETTERS || kind === SPAN_WORD
    let found = -1
    if (kind === SPAN_NUMBER) found = encoder.number
    else if (ascii) found = word ? encoder.index.find(sentence, start, end) : (encoder.marks[sentence.charCodeAt(start)] as number)
    if (found !== -1) ids.push(found)
    else {
      const raw = sentence.slice(start, end)
      ids.push(model.formId(word ? wordForm(raw) : markForm(raw, kind), raw))
    }
  }
  ids.push(model.idOf('</s>'))
  return ids
}

/** Decodes the (gunzipped) data file. */
export function decodeModel(bytes: Uint8Array): NgramModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as ModelHeader
  const arrays = readArrays(bytes, header, 4 + headerLength)
  if (arrays.size <= DENSE_LIMIT && header.bigrams < NO_BIGRAM) arrays.bigramAt = denseBigrams(arrays)
  const ids = new Map(header.vocab.map((form, index) => [form, index]))
  const classIds = new Map(NGRAM_CLASSES.map((name) => [name, ids.get(name) ?? (ids.get('<unk>') as number)]))
  const logProb = (u: number, v: number, w: number): number => backoffProb(arrays, u, v, w)
  const formId = (form: string, raw: string): number => ids.get(form) ?? (classIds.get(tokenClass({ form, raw, start: 0, end: raw.length, word: true })) as number)
  const id = (token: NgramToken): number => formId(token.form, token.raw)
  const idOf = (form: string): number => ids.get(form) ?? -1
  const encoder = createEncoder(header.vocab, formId)
  const encode = (sentence: string, spans: TokenSpans): number[] => encodeSpans(sentence, spans, { formId, idOf }, encoder)
  const classOf = header.classOf === undefined ? undefined : Uint16Array.from(header.classOf)
  const seen = (v: number, w: number): boolean => bigramIndex(arrays, v, w) !== -1
  return { id, formId, encode, idOf, logProb, seen, size: header.vocab.length, classOf }
}

/** Reads the model shipped with sluice (about 0.1 s); call once per stage, on the first English document. */
export function loadNgramModel(name = 'garble-lm.bin.gz'): NgramModel {
  return decodeModel(gunzipSync(readFileSync(new URL(`./data/${name}`, import.meta.url))))
}
