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

/**
 * Number of words in `text` (see the module comment for what counts). One loop: inside a word,
 * word characters and a joiner followed by one continue it; outside, a Han/Kana character is a
 * word of its own and any other word character starts one.
 */
export function countWords(text: string): number {
  return countWordsUpTo(text, Number.POSITIVE_INFINITY)
}

/** True when `text` has at least `minimum` words (counting stops there: cheap for long lines). */
export function hasWords(text: string, minimum: number): boolean {
  return countWordsUpTo(text, minimum) >= minimum
}

/** {@link countWords}, stopping once `limit` words are found. */
function countWordsUpTo(text: string, limit: number): number {
  let count = 0
  let inWord = false
  const length = text.length
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index)
    let flags: number
    if (code < 0xd800) flags = BMP_FLAGS[code] as number
    else {
      flags = flagsAt(text, index)
      index += widthAt(text, index) - 1
    }
    if (inWord) {
      if ((flags & WORD_PART) !== 0) continue
      if (isJoiner(code) && index + 1 < length && (flagsAt(text, index + 1) & WORD_PART) !== 0) continue
      inWord = false
    }
    if ((flags & CJK) !== 0) count += 1
    else if ((flags & WORD_PART) !== 0) {
      count += 1
      inWord = true
    }
    if (count >= limit) return count
  }
  return count
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g

/**
 * Number of Unicode code points (what people mean by "characters", unlike UTF-16 length): the
 * length less one per surrogate pair. The regex engine scans for pairs far faster than a loop.
 */
export function countCharacters(text: string): number {
  if (!HIGH_SURROGATE.test(text)) return text.length
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0)
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
