/**
 * Words of one sentence with the punctuation around them, for the garble checks: a check
 * that compares neighbours must know whether a comma, quote or bracket stands between them
 * ("said ‘Look" is a quotation, "said Look" is not).
 */

/** One word of a sentence and the punctuation that touches it. */
export interface Token {
  word: string
  /** Punctuation right before the word ("“", "(", …) or "" when a space or nothing precedes. */
  before: string
  /** Punctuation right after the word (",", ".", ")", …) or "" when a space follows. */
  after: string
}

const TOKEN = /([^\s\p{L}\p{N}]*)([\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*)([^\s\p{L}\p{N}]*)/gu

/** Splits a sentence into words with their touching punctuation. */
export function tokenize(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((match) => ({ before: match[1] as string, word: match[2] as string, after: match[3] as string }))
}

/** True when `left` and `right` are neighbours with only a space between them. */
export function adjacent(left: Token, right: Token): boolean {
  return left.after === '' && right.before === ''
}
