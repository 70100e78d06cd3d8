/**
 * A compact English word trigram model (interpolated Kneser–Ney, stored in backoff form) for
 * telling a garbled word order from a normal one: only relative scores of two readings of the
 * same sentence are used, so a small model trained on edited English is enough. The data file
 * (`data/garble-lm.bin.gz`, written by scripts/build-garble-model.ts) is read once, on the
 * first English document, and decoded into typed arrays: a hash of bigrams pointing at sorted
 * runs of trigram continuations.
 */
import { markForm, NGRAM_CLASSES, SPAN_LETTERS, SPAN_MARK, SPAN_NUMBER, SPAN_WORD, tokenClass, wordForm } from './ngram-tokens.ts'
import type { TokenSpans } from './ngram-tokens.ts'
import { buildWordTable, findWord, lowercaseAscii } from './ngram-vocab.ts'
import type { VocabIndex, WordTable } from './ngram-vocab.ts'


/** Ranges of the stored log10 values: a header may widen them (backoff weights above 0 in a pruned model). */
export interface QuantRange {
  probFloor: number
  bowFloor: number
  bowCeil: number
}

/** log10 probabilities and backoff weights are stored as one byte each, over these ranges by default. */
export const QUANT = { probFloor: -8, bowFloor: -4, bowCeil: 0, levels: 255 } as const

/** Sections of the data file, in this order after the JSON header. */
export interface ModelHeader {
  vocab: string[]
  bigrams: number
  trigrams: number
  /** Class model only: the class id of every word-model id. */
  classOf?: number[]
  /** The value ranges, when not {@link QUANT}'s. */
  quant?: QuantRange
  /**
   * 'runs': the start tables hold run lengths (uint16) and each run of words holds its first id
   * then differences, which gzip packs far better (the CMU model: 2.2 times smaller).
   */
  layout?: 'runs'
}

/** Word trigram model look-ups. */
export interface NgramModel {
  /** Id of a token given its model form and its text as written: its word, or its class when the word is not in the vocabulary. */
  formId(form: string, raw: string): number
  /** Ids of the tokens at `spans` (see ngram-tokens.ts) in `sentence`, with <s> first and </s> last. */
  encode(sentence: string, spans: TokenSpans): number[]
  /** Id of a vocabulary entry ("<s>", "the"…), or -1. */
  idOf(form: string): number
  /** log10 P(w | u v); pass -1 for a missing u. */
  logProb(u: number, v: number, w: number): number
  readonly size: number
  /** Class model only: the class id of every word-model id. */
  readonly classOf?: Uint16Array
}

/** Turns a stored byte back into a log10 value in [floor, ceil]. */
export function unquantize(byte: number, floor: number, ceil = 0): number {
  return floor + (byte * (ceil - floor)) / QUANT.levels
}

/** The byte that stores a log10 value (clamped to [floor, ceil]): the inverse of {@link unquantize}. */
export function quantize(value: number, floor: number, ceil = 0): number {
  return Math.round(((Math.max(floor, Math.min(ceil, value)) - floor) / (ceil - floor)) * QUANT.levels)
}

/** A model's tables (see readArrays). */
export interface Arrays {
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
  /** Byte → log10 probability and byte → log10 backoff, for this model's ranges. */
  prob: Float32Array
  bow: Float32Array
  /** Small vocabularies only: bigramAt[v * size + w] is the index of "v w", or {@link NO_BIGRAM}. */
  bigramAt?: Uint16Array
}

/** A start table: stored as is, or (layout 'runs') rebuilt from `count` uint16 run lengths. */
function readStarts(aligned: (length: number) => ArrayBuffer, count: number, runs: boolean): Uint32Array {
  if (!runs) return new Uint32Array(aligned(4 * (count + 1)))
  const lengths = new Uint16Array(aligned(2 * count))
  const starts = new Uint32Array(count + 1)
  for (let index = 0; index < count; index += 1) starts[index + 1] = (starts[index] as number) + (lengths[index] as number)
  return starts
}

/** The words of every run, undoing the differences of layout 'runs'. */
function readWords(aligned: (length: number) => ArrayBuffer, count: number, starts: Uint32Array, runs: boolean): Uint16Array {
  const words = new Uint16Array(aligned(2 * count))
  if (!runs) return words
  for (let run = 0; run + 1 < starts.length; run += 1) {
    const end = starts[run + 1] as number
    for (let at = (starts[run] as number) + 1; at < end; at += 1) words[at] = (words[at] as number) + (words[at - 1] as number)
  }
  return words
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
  const runs = header.layout === 'runs'
  const uniProb = take(size)
  const uniBow = take(size)
  const biStart = readStarts(aligned, size, runs)
  const biWord = readWords(aligned, header.bigrams, biStart, runs)
  const biProb = take(header.bigrams)
  const biBow = take(header.bigrams)
  const triStart = readStarts(aligned, header.bigrams, runs)
  const triWord = readWords(aligned, header.trigrams, triStart, runs)
  const triProb = take(header.trigrams)
  const range = header.quant ?? QUANT
  const prob = Float32Array.from({ length: 256 }, (_, byte) => unquantize(byte, range.probFloor))
  const bow = Float32Array.from({ length: 256 }, (_, byte) => unquantize(byte, range.bowFloor, range.bowCeil))
  return { uniProb, uniBow, biStart, biWord, biProb, biBow, triStart, triWord, triProb, size, prob, bow }
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
  const { prob, bow } = arrays
  const vw = bigramIndex(arrays, v, w)
  // A positive backoff weight (the CMU model has some) must not make a probability above 1.
  const lower = vw === -1 ? Math.min(0, (bow[arrays.uniBow[v] as number] as number) + (prob[arrays.uniProb[w] as number] as number)) : (prob[arrays.biProb[vw] as number] as number)
  if (u < 0) return lower
  const uv = bigramIndex(arrays, u, v)
  if (uv === -1) return lower
  const hit = searchRun(arrays.triWord, arrays.triStart[uv] as number, arrays.triStart[uv + 1] as number, w)
  return hit === -1 ? Math.min(0, (bow[arrays.biBow[uv] as number] as number) + lower) : (prob[arrays.triProb[hit] as number] as number)
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
  /** Ids of <s> and </s>. */
  start: number
  end: number
  /** Id of each one-character ASCII mark by its code ("-" stands for "--"), or -1. */
  marks: Int32Array
}

function createEncoder(index: VocabIndex, formId: (form: string, raw: string) => number): Encoder {
  const marks = new Int32Array(128).fill(-1)
  for (const raw of [...',.;:?!()"', '--']) marks[raw.charCodeAt(0)] = formId(markForm(raw, SPAN_MARK), raw)
  return { index, number: formId('<num>', '0'), marks, start: formId('<s>', '<s>'), end: formId('</s>', '</s>') }
}

/** Ids of the tokens at `spans` in `sentence`, with <s> first and </s> last (see {@link NgramModel.encode}). */
function encodeSpans(sentence: string, spans: TokenSpans, model: Pick<NgramModel, 'formId'>, encoder: Encoder): number[] {
  const ascii = spans.ascii
  const ids = [encoder.start]
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
  ids.push(encoder.end)
  return ids
}

/**
 * A decoded model as plain data, so it can cross to worker threads: the tables, the
 * vocabulary's lowercase ASCII forms hashed (ngram-vocab.ts, what the encoder looks every word
 * up in), every other form (class names, capitals, other scripts) with its id, and the class
 * model's class of every word-model id. The vocabulary's strings are not kept: a large one
 * would cost every thread a copy of tens of thousands of strings.
 */
export interface ModelParts {
  arrays: Arrays
  index: WordTable
  others: [string, number][]
  classOf?: Uint16Array
}

/** Decodes the (gunzipped) data file into its tables and vocabulary look-ups. */
export function decodeParts(bytes: Uint8Array): ModelParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as ModelHeader
  const arrays = readArrays(bytes, header, 4 + headerLength)
  if (arrays.size <= DENSE_LIMIT && header.bigrams < NO_BIGRAM) arrays.bigramAt = denseBigrams(arrays)
  const others: [string, number][] = []
  header.vocab.forEach((form, id) => {
    if (!lowercaseAscii(form)) others.push([form, id])
  })
  const parts: ModelParts = { arrays, index: buildWordTable(header.vocab, lowercaseAscii), others }
  return header.classOf === undefined ? parts : { ...parts, classOf: Uint16Array.from(header.classOf) }
}

/** The look-ups over decoded parts. */
export function modelFromParts({ arrays, index, others, classOf }: ModelParts): NgramModel {
  const rest = new Map(others)
  const find = (text: string, start: number, end: number): number => findWord(index, text, start, end)
  const idOf = (form: string): number => (lowercaseAscii(form) ? find(form, 0, form.length) : (rest.get(form) ?? -1))
  const classIds = new Map(NGRAM_CLASSES.map((name) => [name, idOf(name) === -1 ? idOf('<unk>') : idOf(name)]))
  const logProb = (u: number, v: number, w: number): number => backoffProb(arrays, u, v, w)
  const formId = (form: string, raw: string): number => {
    const found = idOf(form)
    return found !== -1 ? found : (classIds.get(tokenClass({ form, raw, start: 0, end: raw.length, word: true })) as number)
  }
  const encoder = createEncoder({ find }, formId)
  const encode = (sentence: string, spans: TokenSpans): number[] => encodeSpans(sentence, spans, { formId }, encoder)
  return { formId, encode, idOf, logProb, size: arrays.size, ...(classOf === undefined ? {} : { classOf }) }
}

/** Decodes the (gunzipped) data file. */
export function decodeModel(bytes: Uint8Array): NgramModel {
  return modelFromParts(decodeParts(bytes))
}
