/**
 * Cheap measures of whether a string reads as prose, for rejecting dumps that are not text:
 * CSV and number tables (few letters), source code and markup (many code symbols), base64 and
 * minified blobs (long unbroken tokens). Pure, and one char-code pass over the text.
 */
import { BMP_FLAGS, flagsAt, LETTER, SPACE, UNSPACED, widthAt } from './char-flags.ts'

/** Characters that are common in code and markup and rare in prose of any language: `{}[]<>=;|\^~$_` and backquote. */
const CODE_SYMBOLS: Uint8Array = (() => {
  const table = new Uint8Array(128)
  for (const char of '{}[]<>=;|\\^~`$_') table[char.charCodeAt(0)] = 1
  return table
})()
/**
 * A whitespace-delimited token this long is not a word in any language written with spaces.
 * Chinese, Japanese, Thai and the other scripts written without spaces make whole sentences
 * one token, so a token at least half of whose characters are in those scripts never counts.
 */
const LONG_TOKEN = 40
const URL_START = /^(?:https?:\/\/|www\.)/iu

/** The shape figures of one text; every ratio is 0 for text without visible characters. */
export interface TextShape {
  /** Share of visible characters that are letters. */
  letters: number
  /** Share of visible characters that are code/markup symbols. */
  codeSymbols: number
  /** Share of visible characters inside tokens of {@link LONG_TOKEN} or more characters (URLs and unspaced scripts excluded). */
  longTokens: number
}

/** Code units of a token that count as long (0 for short tokens, URLs and tokens mostly in unspaced scripts). */
function longPart(text: string, start: number, end: number, unspacedShare: number): number {
  const length = end - start
  return length >= LONG_TOKEN && unspacedShare < 0.5 && !URL_START.test(text.slice(start, start + 8)) ? length : 0
}

/**
 * Measures `text` (see {@link TextShape}). Letters and symbols are shares of visible code
 * points; long tokens a share of the code units of whitespace-separated tokens.
 */
export function textShape(text: string): TextShape {
  let visible = 0
  let letters = 0
  let symbols = 0
  let long = 0
  let spaces = 0
  let tokenStart = -1
  let tokenVisible = 0
  let tokenUnspaced = 0
  const length = text.length
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index)
    const flags = code < 0xd800 ? (BMP_FLAGS[code] as number) : flagsAt(text, index)
    if ((flags & SPACE) !== 0) {
      spaces += 1
      if (tokenStart >= 0) long += longPart(text, tokenStart, index, tokenUnspaced / tokenVisible)
      tokenStart = -1
      continue
    }
    if (tokenStart < 0) [tokenStart, tokenVisible, tokenUnspaced] = [index, 0, 0]
    visible += 1
    tokenVisible += 1
    if ((flags & UNSPACED) !== 0) tokenUnspaced += 1
    if ((flags & LETTER) !== 0) letters += 1
    else if (code < 128 && CODE_SYMBOLS[code] === 1) symbols += 1
    if (code >= 0xd800) index += widthAt(text, index) - 1
  }
  if (tokenStart >= 0) long += longPart(text, tokenStart, length, tokenUnspaced / tokenVisible)
  const units = length - spaces
  return { letters: visible === 0 ? 0 : letters / visible, codeSymbols: visible === 0 ? 0 : symbols / visible, longTokens: units === 0 ? 0 : long / units }
}
