/**
 * Word counting for stats and thresholds. A word is a run of letters and digits (inner
 * apostrophes, hyphens and periods kept, so "don't", "well-known" and "3.5" count once); in
 * scripts written without spaces (Han, Hiragana, Katakana) each character counts as a word,
 * which is how CJK word counts are usually reported. Every function is one char-code loop over
 * table lookups (char-flags.ts), with the same results as the Unicode regexes they replace:
 * `[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*`.
 */
import { BMP_FLAGS, CJK, flagsAt, LETTER, MARK, NUMBER, SPACE, widthAt } from './char-flags.ts'

const WORD_PART = LETTER | MARK | NUMBER

/** Apostrophes, period and hyphen: kept inside a word when a word character follows. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d
}

/** Flags of the code point at `index`; the BMP case without a call. */
function flagsHere(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code < 0xd800 ? (BMP_FLAGS[code] as number) : flagsAt(text, index)
}

/** End (exclusive) of the word that starts with a word character at `start`. */
function wordEnd(text: string, start: number): number {
  let index = start
  const length = text.length
  for (;;) {
    while (index < length && (flagsHere(text, index) & WORD_PART) !== 0) index += text.charCodeAt(index) < 0xd800 ? 1 : widthAt(text, index)
    if (index + 1 < length && isJoiner(text.charCodeAt(index)) && (flagsHere(text, index + 1) & WORD_PART) !== 0) index += 1
    else return index
  }
}

/** Number of words in `text` (see the module comment for what counts). */
export function countWords(text: string): number {
  let count = 0
  let index = 0
  const length = text.length
  while (index < length) {
    const code = text.charCodeAt(index)
    const flags = code < 0xd800 ? (BMP_FLAGS[code] as number) : flagsAt(text, index)
    if ((flags & (WORD_PART | CJK)) === 0) index += code < 0xd800 ? 1 : widthAt(text, index)
    else if ((flags & CJK) !== 0) {
      count += 1
      index += code < 0xd800 ? 1 : widthAt(text, index)
    } else {
      count += 1
      index = wordEnd(text, index)
    }
  }
  return count
}

/** Number of Unicode code points (what people mean by "characters", unlike UTF-16 length). */
export function countCharacters(text: string): number {
  let pairs = 0
  const length = text.length
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs += 1
        index += 1
      }
    }
  }
  return length - pairs
}

/** Share of code points that are letters, ignoring whitespace (0 for text without any). */
export function letterRatio(text: string): number {
  let visible = 0
  let letters = 0
  const length = text.length
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index)
    let flags = BMP_FLAGS[code] as number
    if (code >= 0xd800) {
      flags = flagsAt(text, index)
      index += widthAt(text, index) - 1
    }
    if ((flags & SPACE) !== 0) continue
    visible += 1
    if ((flags & LETTER) !== 0) letters += 1
  }
  return visible === 0 ? 0 : letters / visible
}
