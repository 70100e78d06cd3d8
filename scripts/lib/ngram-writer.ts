/**
 * Writes a trigram model in backoff form to src/text/data in the format
 * src/text/ngram-model.ts reads, for every script that builds one (the models trained on
 * Brown / State of the Union / Moby-Dick, and the one converted from CMU Sphinx).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { QUANT, quantize } from '../../src/text/ngram-model.ts'
import type { QuantRange } from '../../src/text/ngram-model.ts'
import type { Estimate } from './kneser-ney.ts'

/** Where each first word's run of bigrams starts in the sorted keys (v << 16 | w). */
function bigramStarts(keys: Uint32Array, size: number): Uint32Array {
  const starts = new Uint32Array(size + 1)
  for (const key of keys) starts[(key >>> 16) + 1] = (starts[(key >>> 16) + 1] as number) + 1
  for (let v = 1; v <= size; v += 1) starts[v] = (starts[v] as number) + (starts[v - 1] as number)
  return starts
}

/** Layout 'runs' (see ngram-model.ts): run lengths instead of starts. */
function runLengths(starts: Uint32Array): Uint16Array {
  return Uint16Array.from({ length: starts.length - 1 }, (_, run) => (starts[run + 1] as number) - (starts[run] as number))
}

/** Layout 'runs': each run's first word, then the differences to the word before. */
function wordDifferences(words: Uint16Array, starts: Uint32Array): Uint16Array {
  const out = Uint16Array.from(words)
  for (let run = 0; run + 1 < starts.length; run += 1) {
    for (let at = (starts[run] as number) + 1; at < (starts[run + 1] as number); at += 1) out[at] = (words[at] as number) - (words[at - 1] as number)
  }
  return out
}

/** The start and word tables of one order, as `layout` stores them. */
function runTables(starts: Uint32Array, words: Uint16Array, layout: string | undefined): [Uint32Array | Uint16Array, Uint16Array] {
  return layout === 'runs' ? [runLengths(starts), wordDifferences(words, starts)] : [starts, words]
}

/** The extra header fields a model may carry: value ranges, layout, and anything else to keep. */
export type ModelExtra = { quant?: QuantRange; layout?: 'runs' } & Record<string, unknown>

/** The (not yet gzipped) bytes of a model in the format ngram-model.ts decodes; `extra` joins the JSON header. */
export function encodeModel(vocab: readonly string[], model: Estimate, extra: ModelExtra = {}): Buffer {
  const range = extra.quant ?? QUANT
  const [biStart, biWord] = runTables(bigramStarts(model.bigramKeys, vocab.length), Uint16Array.from(model.bigramKeys, (key) => key & 0xffff), extra.layout)
  const [triStart, triWord] = runTables(model.triStart, model.trigramWords, extra.layout)
  const header = Buffer.from(JSON.stringify({ vocab, bigrams: model.bigramKeys.length, trigrams: model.trigramWords.length, ...extra }))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length)
  const bytes = (values: ArrayLike<number>, floor: number, ceil = 0): Buffer => Buffer.from(Uint8Array.from(values, (value) => quantize(value, floor, ceil)))
  const raw = (array: Uint32Array | Uint16Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)
  return Buffer.concat([
    length, header,
    bytes(model.uniProb, range.probFloor), bytes(model.uniBow, range.bowFloor, range.bowCeil),
    raw(biStart), raw(biWord),
    bytes(model.biProb, range.probFloor), bytes(model.biBow, range.bowFloor, range.bowCeil),
    raw(triStart), raw(triWord), bytes(model.triProb, range.probFloor),
  ])
}

/**
 * Writes one model, gzipped, as src/text/data/`name` (see {@link encodeModel}, with `quant`
 * when the value ranges are not the default). Returns the gzipped size in bytes.
 */
export function writeModel(name: string, vocab: readonly string[], model: Estimate, extra: ModelExtra = {}): number {
  const file = encodeModel(vocab, model, extra)
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../src/text/data/${name}`)
  const zipped = gzipSync(file, { level: 9 })
  writeFileSync(out, zipped)
  console.log(`${name}: vocabulary ${vocab.length}, bigrams ${model.bigramKeys.length}, trigrams ${model.trigramWords.length}; ${(file.length / 1e6).toFixed(2)} MB, gzipped ${(zipped.length / 1e6).toFixed(2)} MB`)
  return zipped.length
}
