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

function pushShingles(words: readonly string[], size: number, out: number[]): void {
  if (words.length === 0) return
  const wordHashes = words.map((word) => murmur3(word))
  const span = Math.min(size, wordHashes.length)
  for (let start = 0; start + span <= wordHashes.length; start += 1) {
    let hash = span
    for (let offset = 0; offset < span; offset += 1) hash = mixBlock(hash, wordHashes[start + offset] as number)
    out.push(fmix32(hash))
  }
}

/**
 * 32-bit hashes of the word `size`-grams of `text`, taken inside each paragraph (blocks between
 * blank lines): a shingle spanning two paragraphs is an accident of layout, and without them a
 * copy with its paragraphs in another order has the same shingles. A paragraph shorter than
 * `size` words gives one shingle of all its words; an empty text gives none.
 */
export function shingleHashes(text: string, size: number): Uint32Array {
  const out: number[] = []
  for (const paragraph of text.split(/\n[ \t]*\n/)) pushShingles(shingleWords(paragraph), size, out)
  return Uint32Array.from(out)
}
