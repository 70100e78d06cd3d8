/**
 * Word shingles for near-duplicate detection. Text is compared by its words only: case, punctuation,
 * quote style, whitespace and paragraph breaks do not matter (a re-typeset copy is the same text).
 * A shingle is `size` consecutive words; each is hashed to 32 bits so a document becomes an array
 * of numbers and its text can be released.
 */
import { fmix32, mixBlock, murmur3 } from './hash32.ts'

/** A word: letters, marks and digits; each Han/Hiragana/Katakana character on its own (no spaces there). */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+/gu

/** Lowercased words of `text` (NFKC first, so full-width and ligature forms compare equal). */
export function shingleWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []
}

/**
 * 32-bit hashes of the word `size`-grams of `text`. A text shorter than `size` words gives one
 * shingle of all its words, so short texts still compare; an empty text gives none.
 */
export function shingleHashes(text: string, size: number): Uint32Array {
  const words = shingleWords(text)
  if (words.length === 0) return new Uint32Array(0)
  const wordHashes = words.map((word) => murmur3(word))
  const span = Math.min(size, wordHashes.length)
  const count = wordHashes.length - span + 1
  const out = new Uint32Array(count)
  for (let start = 0; start < count; start += 1) {
    let hash = span
    for (let offset = 0; offset < span; offset += 1) hash = mixBlock(hash, wordHashes[start + offset] as number)
    out[start] = fmix32(hash)
  }
  return out
}
