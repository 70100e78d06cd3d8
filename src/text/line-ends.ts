/**
 * How a line ends, read backwards from its end: its stop and closing marks, its last character,
 * its last word, the sentence it leaves unfinished. A pattern anchored at the end ("[.!?]$") is
 * tried by V8 at every position of the line, which is slow on long lines and quadratic on a long
 * run of letters; these scans look only at the end.
 */
import { NEVER_FINAL_DOTTED, PREPOSITIVE } from './abbreviations.ts'

/**
 * True when `text` ends in one of `stops` and then only `closers` (the two sets share no
 * character): what /[stops][closers]*$/u says, read backwards from the end instead of by a
 * pattern that V8 tries at every position of the line.
 */
export function endsWithStop(text: string, stops: string, closers: string): boolean {
  let at = text.length - 1
  while (at >= 0 && closers.includes(text.charAt(at))) at -= 1
  return at >= 0 && stops.includes(text.charAt(at))
}

/** The line ends a sentence: /[.!?…:;。！？]["'”’»)\]]*$/u. */
export const terminal = (text: string): boolean => endsWithStop(text, '.!?…:;。！？', '"\'”’»)]')

/** True when the last character of `text` matches `pattern` (one character, anchored with $): tested on the last two code units only. */
export const lastCharIs = (text: string, pattern: RegExp): boolean => pattern.test(text.slice(-2))

/** A letter, or one half of a surrogate pair (every astral character a word holds is a letter or mark). */
const LETTER = /^[\p{L}\p{M}\uD800-\uDFFF]$/u
/** A character that is neither a letter nor a digit (a mark or space after the last word). */
const NOT_WORD = /^[^\p{L}\p{N}\uD800-\uDFFF]$/u

/**
 * The letters of the last word of `text` when only marks and spaces follow it ("… of the," →
 * "the"; "… in 2010" → ""), a hyphenated compound whole ("… Siri, hands-on" → "hands-on", no
 * dangling "on"), scanned from the end: a pattern anchored at the end is tried at every
 * position, quadratic on a long run of letters (a CJK paragraph).
 */
export function lastWord(text: string): string {
  let end = text.length
  while (end > 0 && NOT_WORD.test(text.charAt(end - 1))) end -= 1
  let start = lettersBefore(text, end)
  while (start > 1 && start < end && text.charAt(start - 1) === '-' && LETTER.test(text.charAt(start - 2))) start = lettersBefore(text, start - 1)
  return text.slice(start, end)
}

/** Start of the run of letters that ends at `end`. */
function lettersBefore(text: string, end: number): number {
  let start = end
  while (start > 0 && LETTER.test(text.charAt(start - 1))) start -= 1
  return start
}

/** The line reaches a sentence's full stop, question or exclamation mark (not a colon: "Share this:" introduces links). */
export const reachesStop = (text: string): boolean => endsWithStop(text, '.!?。！？', '"\'”’»)]')

/**
 * The period at `at` ends a sentence: it follows a number, a closing mark, or a lowercase word of
 * two letters or more that is no abbreviation ("the month. Then"); not an initial or a
 * capitalised abbreviation ("U.S. Marines", "J. Scott", "No. 12", "Mr. Smith"), nor "vs.", "e.g.".
 */
function periodEnds(text: string, at: number): boolean {
  const before = text.charAt(at - 1)
  if (/^[\p{N}"'”’)\]]$/u.test(before)) return true
  const start = lettersBefore(text, at)
  const word = text.slice(start, at)
  if (word.length < 2 || !/^\p{Ll}+$/u.test(word) || text.charAt(start - 1) === '.') return false
  return !PREPOSITIVE.has(word) && !NEVER_FINAL_DOTTED.has(word)
}

/** True when the stop at `at` (".", "?" or "!") ends a sentence. */
const stopEnds = (text: string, at: number): boolean => text.charAt(at) !== '.' || periodEnds(text, at)

/** The part of `top` after its last sentence stop: the sentence the line leaves unfinished ("… with us? Log in" → "Log in"; "Photo: U.S. Marines" stays whole). */
export function unfinishedSentence(top: string): string {
  for (let at = top.length - 2; at >= 0; at -= 1) {
    if (top.charAt(at + 1) === ' ' && '.?!'.includes(top.charAt(at)) && stopEnds(top, at)) return top.slice(at + 2)
  }
  return top
}

/** The line ends a sentence, at its end or before the next one ("… her stuff! The crust was…"); a headline in a list ends none, "U.S. Supreme Court" included. */
export function endsSentence(line: string): boolean {
  if (reachesStop(line.trimEnd())) return true
  for (const match of line.matchAll(/[.!?](?=["'”’)]*\s+\p{Lu})/gu)) if (stopEnds(line, match.index)) return true
  return false
}

/**
 * A line ending in a possessive before a lowercase noun ("the Times’⏎social media", "the
 * players’⏎union"): "’s" after a word, or a plural's "s’" when no opening quote in the line makes
 * the mark a closing quote. Not before a name: shops and brands end in "’s" ("Macy’s⏎Nordstrom said").
 */
export function possessiveEnd(top: string): boolean {
  if (/\p{L}['’]s$/u.test(top.slice(-4))) return true
  if (!lastCharIs(top, /s['’]$/u)) return false
  return top.endsWith('’') ? !top.includes('‘') : !/(?:^|\s)'/u.test(top)
}
