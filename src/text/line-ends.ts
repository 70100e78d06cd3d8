/**
 * How a line ends, read backwards from its end: its stop and closing marks, its last character,
 * its last word, the sentence it leaves unfinished. A pattern anchored at the end ("[.!?]$") is
 * tried by V8 at every position of the line, which is slow on long lines and quadratic on a long
 * run of letters; these scans look only at the end.
 */
import { MONTHS } from './abbreviations.ts'
import { DETERMINERS } from './english.ts'
import { sentenceSpans } from './sentences.ts'
import type { SentenceSpan } from './sentences.ts'

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
 * The part of `top` after its last sentence boundary, as the sentence splitter (sentences.ts)
 * finds it: the sentence the line leaves unfinished ("… with us? Log in" → "Log in"; "Photo: U.S.
 * Marines" stays whole, an abbreviation or initial being no boundary).
 */
export function unfinishedSentence(top: string): string {
  const spans = sentenceSpans(top)
  return spans.length <= 1 ? top : (spans[spans.length - 1] as SentenceSpan).text
}

/** The line ends a sentence, at its end or before the next one ("… her stuff! The crust was…"); a headline in a list ends none, "U.S. Supreme Court" included. */
export function endsSentence(line: string): boolean {
  return reachesStop(line.trimEnd()) || sentenceSpans(line).length > 1
}

/** The line ends in a bracketed aside after a sentence's stop ("… July 23, 2012. (Official White House Photo by Pete Souza)"); a menu's "My Account Settings. Help" does not. */
export function endsInAside(line: string): boolean {
  const trimmed = line.trimEnd()
  return trimmed.endsWith(')') && /[.!?]["'”’]?\s+\([^()]+\)$/u.test(trimmed)
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

/**
 * The line closes on a short quoted word or phrase after a determiner ("going out in the
 * “field”⏎on various tickets.", "place an "advertisement"⏎for Samsung"): a quoted term inside a
 * sentence. A quoted title after "on" or "for" heads a comment thread or search results ("One
 * thought on “Spring Cleaning”", "Search results for “garden tools”"); one of five words or more
 * may be a heading whatever comes before it.
 */
export function quotedWordEnds(top: string): boolean {
  if (!/["”»]/u.test(top.slice(-1))) return false
  const match = /(\S+)\s+["“«]([^"“”«»]+)["”»]$/u.exec(top)
  if (match === null || !DETERMINERS.has((match[1] as string).toLowerCase())) return false
  return /\p{L}$/u.test(match[2] as string) && (match[2] as string).trim().split(/\s+/u).length <= 4
}

/** A spaced dash ends the line: an en or em dash, or one or two hyphen-minuses with a space before them ("the weather -", "and --"), which no word cut has. */
export const SPACED_DASH_END = /\s(?:[–—]|--?)$/u

/** A year that ends a date: then the line's end, a mark or a lowercase word ("2012.", "2012, 10:49 p.m.", "2012 by admin"), not the next entry of a list ("2013 Andy Murray", "2012–13"). */
const YEAR_ENDING_DATE = /^(?:19|20)\d\d(?:$|[.,;:!?)]|\s+\p{Ll})/u
/** The day and the year of a date whose month ends the line above ("12th, 2012."). */
const DAY_AND_YEAR = new RegExp(String.raw`^\d{1,2}(?:st|nd|rd|th)?,?\s+` + YEAR_ENDING_DATE.source.slice(1), 'u')
/** Words before a month that make it a date in running text ("the week of November", "in June"); "Happy Birthday, June" is a name. */
const BEFORE_MONTH: ReadonlySet<string> = new Set(['in', 'of', 'on', 'since', 'until', 'from', 'during', 'by', 'early', 'late', 'mid', 'last', 'next', 'this'])

/**
 * A date cut in two inside a sentence or dateline: a month with its day, then the year ("Updated
 * July 23,⏎2012, 10:49 p.m."), or a month after a preposition, then the day and year or the year
 * ("the week of November⏎12th, 2012.", "in June⏎2012 by admin"). Not a date alone on its line
 * (a calendar block: "17⏎July⏎2012", "17 July⏎2012"), a table's row (tabs), nor a year opening the
 * next entry of a list ("… in March⏎2012 Acquired by …").
 */
export function dateContinues(top: string, lower: string): boolean {
  const match = /(?<!\p{L})(\p{Lu}\p{Ll}+)(?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?$/u.exec(top.slice(-24))
  if (match === null || top.includes('\t') || !MONTHS.has((match[1] as string).toLowerCase())) return false
  const before = top.slice(0, top.length - match[0].length)
  if (/^\s*(?:\d{1,2}\.?\s*)?$/u.test(before)) return false
  if (match[2] !== undefined) return YEAR_ENDING_DATE.test(lower)
  const previous = /(\p{L}+)\s*$/u.exec(before.slice(-16))?.[1]?.toLowerCase()
  return previous !== undefined && BEFORE_MONTH.has(previous) && (DAY_AND_YEAR.test(lower) || YEAR_ENDING_DATE.test(lower))
}
