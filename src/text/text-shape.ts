/**
 * Cheap measures of whether a string reads as prose, for rejecting dumps that are not text:
 * CSV and number tables (few letters), source code and markup (many code symbols), base64 and
 * minified blobs (long unbroken tokens). Pure and linear in the text length.
 */
import { letterRatio } from './words.ts'

/** Characters that are common in code and markup and rare in prose of any language. */
const CODE_SYMBOL = /[{}[\]<>=;|\\^~`$_]/u
/** A whitespace-delimited token this long is not a word in any language written with spaces. */
const LONG_TOKEN = 40

/** The shape figures of one text; every ratio is 0 for text without visible characters. */
export interface TextShape {
  /** Share of visible characters that are letters. */
  letters: number
  /** Share of visible characters that are code/markup symbols. */
  codeSymbols: number
  /** Share of visible characters inside tokens of {@link LONG_TOKEN} or more characters (URLs excluded). */
  longTokens: number
}

function codeSymbolRatio(text: string): number {
  let visible = 0
  let symbols = 0
  for (const character of text) {
    if (/\s/u.test(character)) continue
    visible += 1
    if (CODE_SYMBOL.test(character)) symbols += 1
  }
  return visible === 0 ? 0 : symbols / visible
}

function longTokenRatio(text: string): number {
  let visible = 0
  let long = 0
  for (const token of text.split(/\s+/u)) {
    visible += token.length
    if (token.length >= LONG_TOKEN && !/^(?:https?:\/\/|www\.)/iu.test(token)) long += token.length
  }
  return visible === 0 ? 0 : long / visible
}

/** Measures `text` (see {@link TextShape}). */
export function textShape(text: string): TextShape {
  return { letters: letterRatio(text), codeSymbols: codeSymbolRatio(text), longTokens: longTokenRatio(text) }
}
