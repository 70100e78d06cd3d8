import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeModel } from '../../scripts/lib/ngram-writer.ts'
import { readSphinxTrie } from '../../scripts/lib/sphinx-trie.ts'
import { pruneTrigrams } from '../../scripts/lib/trigram-prune.ts'
import { decodeModel, quantize, unquantize } from '../../src/text/ngram-model.ts'

/** A model over <s> </s> <unk> a b with bigrams "<s> a", "a b", "b </s>" and the trigram "<s> a b". */
const VOCAB = ['<s>', '</s>', '<unk>', 'a', 'b']
const B = 65536
const ESTIMATE = {
  uniProb: Float64Array.from([-8, -1, -6, -0.7, -0.9]),
  uniBow: Float64Array.from([-0.3, 0, 0, -0.4, 0.5]),
  bigramKeys: Uint32Array.from([0 * B + 3, 3 * B + 4, 4 * B + 1]),
  biProb: Float64Array.from([-0.2, -0.5, -0.1]),
  biBow: Float64Array.from([-0.6, -0.2, 0]),
  triStart: Uint32Array.from([0, 1, 1, 1]),
  trigramWords: Uint16Array.from([4]),
  triProb: Float64Array.from([-0.05]),
}

describe('garble model files', () => {
  it('quantizes into [floor, ceil] and back within half a step', () => {
    for (const value of [-7.9, -2.5, -0.01, 0.3, 1.2]) {
      const byte = quantize(value, -2.5, 1.25)
      expect(Math.abs(unquantize(byte, -2.5, 1.25) - Math.max(-2.5, Math.min(1.25, value)))).toBeLessThanOrEqual(3.75 / 255 / 2 + 1e-12)
    }
  })

  it('decodes the run layout and a widened backoff range to the same model', () => {
    const quant = { probFloor: -8, bowFloor: -2.5, bowCeil: 1.25 }
    const plain = decodeModel(encodeModel(VOCAB, ESTIMATE, { quant }))
    const runs = decodeModel(encodeModel(VOCAB, ESTIMATE, { quant, layout: 'runs' }))
    for (const u of [-1, 0, 3, 4]) for (const v of [0, 3, 4]) for (const w of [1, 3, 4]) expect(runs.logProb(u, v, w)).toBe(plain.logProb(u, v, w))
    expect(runs.logProb(0, 3, 4)).toBeCloseTo(-0.05, 1)
    // "b" backs off with its positive weight: 0.5 + P(a), never above probability 1.
    expect(runs.logProb(-1, 4, 3)).toBeCloseTo(-0.2, 1)
    expect(runs.logProb(-1, 4, 4)).toBeLessThanOrEqual(0)
  })
})

/** Bit-packs `value` (LSB first) at `bit` of `bytes`, as sphinxbase stores its trie records. */
function putBits(bytes: Buffer, bit: number, length: number, value: number): void {
  for (let index = 0; index < length; index += 1) if ((value >>> index) & 1) bytes[(bit + index) >> 3] = (bytes[(bit + index) >> 3] as number) | (1 << ((bit + index) & 7))
}

/**
 * A sphinxbase trie file of the model above without <unk> ("</s>" 0, "<s>" 1, "a" 2, "b" 3).
 * The bins of each quantiser table are −100·k, −50·k and −10·k (log base 1.0001).
 */
function sphinxFile(): string {
  const header = Buffer.concat([Buffer.from('Trie Language Model', 'latin1'), Buffer.from([3]), Buffer.from(Uint32Array.from([4, 3, 1]).buffer), Buffer.alloc(4)])
  const tables = new Float32Array(3 * B).map((_, at) => [-100, -50, -10][Math.floor(at / B)] as number * (at % B))
  // Unigrams: prob, backoff, first bigram record; then the sentinel.
  const unigrams = Buffer.alloc(12 * 5)
  const next = [0, 1, 1, 2, 3]
  next.forEach((first, id) => {
    if (id < 4) [unigrams.writeFloatLE(-1000 * (id + 1), 12 * id), unigrams.writeFloatLE(-10 * id, 12 * id + 4)]
    unigrams.writeUInt32LE(first, 12 * id + 8)
  })
  // Bigram records (word 3 bits, backoff bin 16, prob bin 16, next 1): "b </s>", "<s> a", "a b".
  const middle = Buffer.alloc(Math.floor((4 * 36 + 7) / 8) + 8)
  const records = [[3, 0, 1, 0], [1, 6, 2, 0], [2, 4, 5, 0], [0, 0, 0, 1]]
  records.forEach(([word, bow, prob, child], at) => [putBits(middle, 36 * at, 3, word as number), putBits(middle, 36 * at + 3, 16, bow as number), putBits(middle, 36 * at + 19, 16, prob as number), putBits(middle, 36 * at + 35, 1, child as number)])
  // Trigram record (word 3 bits, prob bin 16): "<s>" before "a b".
  const longest = Buffer.alloc(Math.floor((2 * 19 + 7) / 8) + 8)
  ;[putBits(longest, 0, 3, 1), putBits(longest, 3, 16, 7)]
  const words = Buffer.from('</s>\0<s>\0a\0b\0', 'latin1')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sluice-trie-')), 'tiny.lm.bin')
  writeFileSync(file, Buffer.concat([header, Buffer.from(tables.buffer), unigrams, middle, longest, Buffer.from(Int32Array.from([words.length]).buffer), words]))
  return file
}

describe('sphinxbase trie reader', () => {
  const base = Math.log10(1.0001)
  const lists = readSphinxTrie(sphinxFile())

  it('lists every n-gram in ARPA order, history first, in log10', () => {
    expect(lists.words).toEqual(['</s>', '<s>', 'a', 'b'])
    expect([...lists.uniProb]).toEqual([1, 2, 3, 4].map((k) => -1000 * k * base))
    expect([...lists.biFirst]).toEqual([3, 1, 2])
    expect([...lists.biSecond]).toEqual([0, 2, 3])
    expect(lists.biProb[2]).toBeCloseTo(-500 * base, 12)
    expect(lists.biBow[1]).toBeCloseTo(-300 * base, 12)
    expect([...lists.triFirst, ...lists.triBigram]).toEqual([1, 2])
    expect(lists.triProb[0]).toBeCloseTo(-70 * base, 12)
  })

  it('prunes to the budget and keeps the context of every kept trigram', () => {
    const { vocab, model } = pruneTrigrams(lists, { words: 10, bigrams: 1, trigrams: 1 })
    expect(vocab.slice(0, 3)).toEqual(['<s>', '</s>', '<unk>'])
    const key = (first: string, second: string): number => vocab.indexOf(first) * B + vocab.indexOf(second)
    expect([...model.bigramKeys]).toContain(key('<s>', 'a'))
    expect(model.trigramWords.length).toBe(1)
  })
})
