/**
 * Reads a CMU Sphinx "Trie Language Model" binary (sphinxbase's `.lm.bin`, e.g. the general
 * US-English model of Debian's `pocketsphinx-en-us`) into plain arrays of n-grams, because
 * sphinxbase can score but not list them and its ARPA writer fails on that file. Written from
 * the layout sphinxbase's trie code uses (ngram_model_trie.c, lm_trie.c, lm_trie_quant.c,
 * bitarr.c), not from its code:
 * - "Trie Language Model", the order (1 byte), the n-gram count of each order (uint32 LE);
 * - an unused int32, then the quantiser's centre tables (float32, 2^16 each): per middle order
 *   one for probabilities and one for backoffs, then one for the highest order;
 * - per unigram (and one sentinel): float32 log prob, float32 log backoff, uint32 first child;
 * - the middle (bigram) records, bit-packed: child word, 16-bit backoff bin, 16-bit probability
 *   bin, first child; then the trigram records: history word, 16-bit probability bin;
 * - int32 byte length, then the words, NUL-terminated, in id order.
 * The trie is reversed: a unigram's children are its bigrams keyed by the word BEFORE it, a
 * bigram's children the trigrams keyed by the word before those two. Logs are in base 1.0001.
 * Only order-3 models are read (the one this project uses).
 */
import { readFileSync } from 'node:fs'

/** Every n-gram of a trigram model, in log10, as ARPA lists them (history first). */
export interface TrigramLists {
  words: string[]
  uniProb: Float64Array
  uniBow: Float64Array
  /** Bigram i is "biFirst[i] biSecond[i]": log10 P(second | first) and the backoff of "first second". */
  biFirst: Uint32Array
  biSecond: Uint32Array
  biProb: Float64Array
  biBow: Float64Array
  /** Trigram j is "triFirst[j]" followed by bigram triBigram[j]: log10 P(last | first, middle). */
  triFirst: Uint32Array
  triBigram: Uint32Array
  triProb: Float64Array
}

const HEADER = 'Trie Language Model'
/** log10 of sphinxbase's log base, 1.0001. */
const LOG10_BASE = Math.log10(1.0001)
const QUANT_BINS = 1 << 16

/** Bits needed to hold values up to `max` (sphinxbase's bitarr_required_bits). */
const requiredBits = (max: number): number => (max === 0 ? 0 : Math.floor(Math.log2(max)) + 1)

/** A bit-packed table: fixed-width records read as sphinxbase reads them (32 bits at the byte, shifted). */
interface Packed {
  view: DataView
  offset: number
  recordBits: number
}

function readBits(table: Packed, record: number, bitOffset: number, length: number): number {
  const bit = record * table.recordBits + bitOffset
  const word = table.view.getUint32(table.offset + (bit >>> 3), true)
  return (word >>> (bit & 7)) & ((2 ** length - 1) >>> 0)
}

/** Bytes a packed table takes: one extra record for the last end pointer, rounded up, plus 8 bytes slack. */
const packedBytes = (entries: number, recordBits: number): number => Math.floor(((entries + 1) * recordBits + 7) / 8) + 8

interface Layout {
  counts: number[]
  tables: Float32Array
  unigramsAt: number
  middle: Packed
  longest: Packed
  wordsAt: number
}

function layout(bytes: Buffer): Layout {
  if (bytes.subarray(0, HEADER.length).toString('latin1') !== HEADER) throw new Error('not a sphinxbase trie language model')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const order = bytes[HEADER.length] as number
  if (order !== 3) throw new Error(`expected a trigram model, got order ${order}`)
  const counts = [0, 1, 2].map((index) => view.getUint32(HEADER.length + 1 + 4 * index, true))
  const [unigrams, bigrams, trigrams] = counts as [number, number, number]
  const tablesAt = HEADER.length + 1 + 12 + 4
  const tables = new Float32Array(bytes.buffer.slice(bytes.byteOffset + tablesAt, bytes.byteOffset + tablesAt + 3 * QUANT_BINS * 4))
  const unigramsAt = tablesAt + tables.byteLength
  const wordBits = requiredBits(unigrams)
  const middle = { view, offset: unigramsAt + 12 * (unigrams + 1), recordBits: wordBits + 32 + requiredBits(trigrams) }
  const longest = { view, offset: middle.offset + packedBytes(bigrams, middle.recordBits), recordBits: wordBits + 16 }
  return { counts, tables, unigramsAt, middle, longest, wordsAt: longest.offset + packedBytes(trigrams, longest.recordBits) }
}

function readWords(bytes: Buffer, at: number, count: number): string[] {
  const length = bytes.readInt32LE(at)
  const words = bytes.subarray(at + 4, at + 4 + length).toString('latin1').split('\0').slice(0, count)
  if (words.length !== count) throw new Error(`expected ${count} words, found ${words.length}`)
  return words
}

/** Reads the whole model (about 1 s for the 27 MB pocketsphinx en-us model). */
export function readSphinxTrie(file: string): TrigramLists {
  const bytes = readFileSync(file)
  const { counts, tables, unigramsAt, middle, longest, wordsAt } = layout(bytes)
  const [unigrams, bigrams, trigrams] = counts as [number, number, number]
  const wordBits = requiredBits(unigrams)
  const nextBits = middle.recordBits - wordBits - 32
  const uniProb = new Float64Array(unigrams)
  const uniBow = new Float64Array(unigrams)
  const uniNext = new Uint32Array(unigrams + 1)
  for (let id = 0; id <= unigrams; id += 1) {
    const at = unigramsAt + 12 * id
    if (id < unigrams) [uniProb[id], uniBow[id]] = [bytes.readFloatLE(at) * LOG10_BASE, bytes.readFloatLE(at + 4) * LOG10_BASE]
    uniNext[id] = bytes.readUInt32LE(at + 8)
  }
  const lists: TrigramLists = {
    words: readWords(bytes, wordsAt, unigrams), uniProb, uniBow,
    biFirst: new Uint32Array(bigrams), biSecond: new Uint32Array(bigrams), biProb: new Float64Array(bigrams), biBow: new Float64Array(bigrams),
    triFirst: new Uint32Array(trigrams), triBigram: new Uint32Array(trigrams), triProb: new Float64Array(trigrams),
  }
  for (let word = 0; word < unigrams; word += 1) {
    for (let record = uniNext[word] as number; record < (uniNext[word + 1] as number); record += 1) {
      lists.biSecond[record] = word
      lists.biFirst[record] = readBits(middle, record, 0, wordBits)
      lists.biBow[record] = (tables[QUANT_BINS + readBits(middle, record, wordBits, 16)] as number) * LOG10_BASE
      lists.biProb[record] = (tables[readBits(middle, record, wordBits + 16, 16)] as number) * LOG10_BASE
      const [from, to] = [readBits(middle, record, wordBits + 32, nextBits), readBits(middle, record + 1, wordBits + 32, nextBits)]
      for (let child = from; child < to; child += 1) {
        lists.triBigram[child] = record
        lists.triFirst[child] = readBits(longest, child, 0, wordBits)
        lists.triProb[child] = (tables[2 * QUANT_BINS + readBits(longest, child, wordBits, 16)] as number) * LOG10_BASE
      }
    }
  }
  return lists
}
