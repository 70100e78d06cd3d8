/**
 * The decision at one candidate stop: is it the end of a sentence? Pure functions of the text
 * around the stop, so each golden rule (abbreviation, initial, number, ellipsis, glued
 * sentences, CJK stops) is one readable branch.
 */
import {
  AMBIGUOUS,
  AMBIGUOUS_CAPITALIZED,
  BEFORE_NUMBER,
  MONTHS,
  NEVER_FINAL_DOTTED,
  PREPOSITIVE,
  SENTENCE_STARTERS,
} from './abbreviations.ts'
import { BMP_FLAGS, SPACE } from './char-flags.ts'

/** Everything the rules need to know about one stop. */
export interface TerminatorContext {
  text: string
  /** Offset of the first stop character. */
  start: number
  terminator: string
  /** Offset just after the stop and any closing quotes or brackets. */
  closersEnd: number
  /** Whitespace after the closers (may be empty). */
  gap: string
  /** The next whitespace-delimited token (may be empty). */
  next: string
  /** Offset where the current sentence began. */
  sentenceStart: number
}

const OPENERS = /^["'\u201C\u2018\u00AB\u2039(\[{\u00BF\u00A1\u300C\u300E\u2022\u2043-]+/u
const LOWER = /^\p{Ll}/u
const UPPER = /^\p{Lu}/u
const CJK_STOP = /[\u3002\uFF01\uFF1F]/u
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u
const LIST_MARKER = /^(?:\d{1,3}|\p{L})$/u
const NUMBER = /^[$€£¥]?\d[\d,.]*$/u
const WEBBY = /@|:\/\/|^www\.|[/\\_=]/iu

/** Two or more lowercase ASCII letters: not a list marker, number, initial, dotted or all-caps word. */
const PLAIN_WORD = /^[a-z]{2,}$/

function isAsciiCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a
}

/** `/\s/u` on the single code unit at `index` (a surrogate half is never a space). */
function isSpaceUnit(text: string, index: number): boolean {
  return ((BMP_FLAGS[text.charCodeAt(index)] as number) & SPACE) !== 0
}

function stripOpeners(token: string): string {
  return token.replace(OPENERS, '')
}

/** The word part of a token ("It's," → "it's"), lowercased. */
function bareWord(token: string): string {
  return (/^[\p{L}'’]+/u.exec(stripOpeners(token))?.[0] ?? '').toLowerCase().replace(/’/gu, "'")
}

function isStarter(next: string): boolean {
  const word = bareWord(next)
  return SENTENCE_STARTERS.has(word) || SENTENCE_STARTERS.has(word.replace(/'.*$/u, ''))
}

/** The token just before `end` and the token before that. */
function tokensBefore(text: string, end: number, floor = 0): { word: string; wordStart: number; previous: string } {
  let index = end
  while (index > floor && !isSpaceUnit(text, index - 1)) index -= 1
  const word = stripOpeners(text.slice(index, end))
  let previousEnd = index
  while (previousEnd > 0 && isSpaceUnit(text, previousEnd - 1)) previousEnd -= 1
  let previousStart = previousEnd
  while (previousStart > 0 && !isSpaceUnit(text, previousStart - 1)) previousStart -= 1
  return { word, wordStart: end - word.length, previous: stripOpeners(text.slice(previousStart, previousEnd)) }
}

function atSentenceStart(context: TerminatorContext, wordStart: number): boolean {
  return context.text.slice(context.sentenceStart, wordStart).replace(/[\s\u2022\u2043\u25E6-]/gu, '') === ''
}

/** "Hello world.Today": a stop glued to a capitalised word ends a sentence (not in URLs or names). */
function gluedBoundary(context: TerminatorContext, word: string): boolean {
  if (context.terminator !== '.' || context.closersEnd !== context.start + 1) return false
  if (!/^(?:\p{L}{2,}|\d[\d,]*)$/u.test(word) || PREPOSITIVE.has(word.toLowerCase())) return false
  if (!/^\p{Lu}\p{Ll}/u.test(context.next) || WEBBY.test(context.next)) return false
  return true
}

/** CJK stops need no space; a closing bracket followed by more text keeps the quote inside. */
function cjkBoundary(context: TerminatorContext): boolean {
  if (context.closersEnd === context.start + context.terminator.length) return true
  return context.gap.length > 0 || OPENERS.test(context.next) || CJK_STOP.test(context.next.charAt(0))
}

function ellipsisBoundary(context: TerminatorContext, next: string): boolean {
  const dots = (context.terminator.match(/\./gu)?.length ?? 0) + 3 * (context.terminator.match(/\u2026/gu)?.length ?? 0)
  if (dots >= 4) return !LOWER.test(next)
  if (context.text[context.start - 1] === '[') return false
  return UPPER.test(next) && !/^I(?:$|['’\s,])/u.test(next)
}

/** Single letters: initials stay inside ("Jonas E. Smith", "J. R. R."), "… and I. Did" ends. */
function letterBoundary(word: string, previous: string, next: string): boolean {
  if (/^\p{Lu}/u.test(previous) || /^\p{L}\.$/u.test(previous)) return false
  return word === 'I' || isStarter(next)
}

/** Abbreviation tables: undefined when the word is not an abbreviation. */
function abbreviationBoundary(word: string, next: string): boolean | undefined {
  const lower = word.toLowerCase()
  const allCaps = word.length >= 2 && word === word.toUpperCase()
  if (allCaps) return AMBIGUOUS_CAPITALIZED.has(lower) ? isStarter(next) : undefined
  if (PREPOSITIVE.has(lower)) return false
  if (AMBIGUOUS.has(lower)) return isStarter(next)
  if (AMBIGUOUS_CAPITALIZED.has(lower) && UPPER.test(word)) return isStarter(next)
  return undefined
}

/** "No. 5", "p. 55", "Jan. 1": abbreviations that a number follows. */
function beforeNumber(word: string): boolean {
  const lower = word.toLowerCase()
  return BEFORE_NUMBER.has(lower) || (AMBIGUOUS_CAPITALIZED.has(lower) && UPPER.test(word))
}

function periodBoundary(context: TerminatorContext, next: string): boolean {
  if (LOWER.test(next)) return false
  const { word, wordStart, previous } = tokensBefore(context.text, context.start, context.sentenceStart)
  if (word === '') return true
  // The common case, "word. Next": a lowercase ASCII word passes none of the checks below but the tables.
  if (PLAIN_WORD.test(word) && isAsciiCapital(next.charCodeAt(0))) return PREPOSITIVE.has(word) ? false : AMBIGUOUS.has(word) ? isStarter(next) : true
  if (LIST_MARKER.test(word) && atSentenceStart(context, wordStart)) return false
  if (/^\p{N}/u.test(next)) return !beforeNumber(word)
  if (word.includes('.')) {
    if (NEVER_FINAL_DOTTED.has(word.toLowerCase())) return false
    return DOTTED_ABBREVIATION.test(word) ? isStarter(next) : true
  }
  if (/^\p{L}$/u.test(word)) return letterBoundary(word, previous, next)
  const fromTable = abbreviationBoundary(word, next)
  if (fromTable !== undefined) return fromTable
  if (NUMBER.test(word)) return !MONTHS.has(bareWord(next))
  return true
}

/** True when the stop at `context.start` ends a sentence. */
export function isTerminatorBoundary(context: TerminatorContext): boolean {
  if (context.closersEnd + context.gap.length >= context.text.length) return true
  if (CJK_STOP.test(context.terminator)) return cjkBoundary(context)
  if (context.gap.length === 0) return gluedBoundary(context, tokensBefore(context.text, context.start).word)
  const next = stripOpeners(context.next)
  if (/[!?\u203D]/u.test(context.terminator)) return !LOWER.test(next)
  if (context.terminator.length >= 3 || context.terminator.includes('\u2026')) return ellipsisBoundary(context, next)
  return periodBoundary(context, next)
}
