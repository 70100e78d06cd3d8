/**
 * Word shingles for near-duplicate detection. Text is compared by its words only: case, punctuation,
 * quote style, whitespace and paragraph breaks do not matter (a re-typeset copy is the same text).
 * A shingle is `size` consecutive words; each is hashed to 32 bits so a document becomes an array
 * of numbers and its text can be released.
 */
import { isAscii } from './ascii-text.ts'
import { BMP_FLAGS, CJK, flagsAt, LETTER, MARK, NUMBER, widthAt } from './char-flags.ts'
import { fmix32, mixBlock, murmur3Range } from './hash32.ts'

/** A word: letters, marks and digits; each Han/Hiragana/Katakana character on its own (no spaces there). */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+/gu

/** Lowercased words of `text` (NFKC first, so full-width and ligature forms compare equal). */
export function shingleWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []
}

const WORD_PART = LETTER | MARK | NUMBER

/**
 * murmur3 of each {@link TOKEN} of `text` (already normalised and lowercased), read with one
 * loop over the text instead of a Unicode regex and without making the word strings.
 */
function tokenHashes(text: string): number[] {
  const hashes: number[] = []
  let start = -1
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index)
    const flags = code < 0xd800 ? (BMP_FLAGS[code] as number) : flagsAt(text, index)
    const width = code < 0xd800 ? 1 : widthAt(text, index)
    if (start >= 0 && (flags & WORD_PART) === 0) {
      hashes.push(murmur3Range(text, start, index))
      start = -1
    }
    if (start < 0 && (flags & CJK) !== 0) hashes.push(murmur3Range(text, index, index + width))
    else if (start < 0 && (flags & WORD_PART) !== 0) start = index
    index += width
  }
  if (start >= 0) hashes.push(murmur3Range(text, start, text.length))
  return hashes
}

function pushShingles(wordHashes: readonly number[], size: number, out: number[]): void {
  if (wordHashes.length === 0) return
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
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    // ASCII text is its own NFKC form.
    const normalized = isAscii(paragraph) ? paragraph : paragraph.normalize('NFKC')
    pushShingles(tokenHashes(normalized.toLowerCase()), size, out)
  }
  return Uint32Array.from(out)
}
