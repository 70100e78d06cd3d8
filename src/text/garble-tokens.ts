/**
 * Words of one sentence with the punctuation around them, for the garble checks: a check
 * that compares neighbours must know whether a comma, quote or bracket stands between them
 * ("said ‘Look" is a quotation, "said Look" is not).
 */
import { isAscii } from './ascii-text.ts'

/** One word of a sentence and the punctuation that touches it. */
export interface Token {
  word: string
  /** Punctuation right before the word ("“", "(", …) or "" when a space or nothing precedes. */
  before: string
  /** Punctuation right after the word (",", ".", ")", …) or "" when a space follows. */
  after: string
}

const TOKEN = /([^\s\p{L}\p{N}]*)([\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*)([^\s\p{L}\p{N}]*)/gu

/** ASCII character kinds for the hand scan: 0 whitespace, 1 letter or digit, 2 anything else. */
const KIND = Uint8Array.from({ length: 128 }, (_, code) => (/\s/u.test(String.fromCharCode(code)) ? 0 : /[A-Za-z0-9]/u.test(String.fromCharCode(code)) ? 1 : 2))
/** Kind at `at`; past the end counts as whitespace (nothing can follow). */
const kindAt = (text: string, at: number): number => (at < text.length ? (KIND[text.charCodeAt(at)] as number) : 0)

/** End of the run of `kind` characters from `at`. */
function runEnd(text: string, at: number, kind: number): number {
  let end = at
  while (kindAt(text, end) === kind) end += 1
  return end
}

/** End of the word at `at`: letters and digits, joined by single ' . - (the TOKEN pattern's middle group). */
function wordEnd(text: string, at: number): number {
  let end = runEnd(text, at, 1)
  for (let code = text.charCodeAt(end); (code === 39 || code === 46 || code === 45) && kindAt(text, end + 1) === 1; code = text.charCodeAt(end)) end = runEnd(text, end + 1, 1)
  return end
}

/** {@link tokenize} for ASCII text, scanned by hand: the same tokens as the TOKEN pattern. */
function tokenizeAscii(sentence: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < sentence.length) {
    const kind = KIND[sentence.charCodeAt(at)] as number
    if (kind === 0) {
      at += 1
      continue
    }
    const start = kind === 2 ? runEnd(sentence, at, 2) : at
    if (kindAt(sentence, start) !== 1) {
      at = start
      continue
    }
    const end = wordEnd(sentence, start)
    const after = runEnd(sentence, end, 2)
    tokens.push({ before: sentence.slice(at, start), word: sentence.slice(start, end), after: sentence.slice(end, after) })
    at = after
  }
  return tokens
}

/** Splits a sentence into words with their touching punctuation. */
export function tokenize(sentence: string): Token[] {
  if (isAscii(sentence)) return tokenizeAscii(sentence)
  return [...sentence.matchAll(TOKEN)].map((match) => ({ before: match[1] as string, word: match[2] as string, after: match[3] as string }))
}

/** True when `left` and `right` are neighbours with only a space between them. */
export function adjacent(left: Token, right: Token): boolean {
  return left.after === '' && right.before === ''
}
