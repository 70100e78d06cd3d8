/**
 * Repairs inside one line: sentences glued at a markup boundary ("ended.Next", "articleRelated"),
 * a function word typed twice ("the the"), and a space before a comma or period ("word , word").
 * Each rule skips code-like lines, URLs, e-mail addresses, decimals and ellipses.
 */
import { isAscii, isAsciiLetter } from './ascii-text.ts'
import { PREPOSITIVE, AMBIGUOUS, BEFORE_NUMBER } from './abbreviations.ts'
import { NEVER_DOUBLED } from './english.ts'
import type { Lexicon } from './lexicon.ts'

/** Lines that look like code or markup are never touched. */
const CODE_LIKE = /[{}<>=]|;$|;\S|\(\)|=>|::/
/** Tokens that are addresses, paths or handles. */
const WEBBY = /@|:\/\/|www\.|[/\\_#]/iu
const SENTENCE_GLUE = /(?<![\p{L}\p{N}.])([\p{L}\p{N},]*(?:\p{Ll}{2}|\p{Lu}{2}|\p{N}|[\p{L}\p{N}][)"”’+\]]+))([.!?])(\p{Lu}\p{Ll}+)(?=[\s,;:!?'"”’)]|\.(?!\p{L})|$)/gu
const CAMEL_GLUE = /(?<![\p{L}\p{N}_@./\\#-])(\p{Ll}{2,}|a)(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_@/\\-])/gu
/** CAMEL_GLUE for ASCII lines: the same matches, several times faster (see the hints below). */
const CAMEL_GLUE_ASCII = /(?<![A-Za-z0-9_@./\\#-])([a-z]{2,}|a)([A-Z][a-z]+)(?![A-Za-z0-9_@/\\-])/g
const REPEATED = /(?<![\p{L}\p{N}'’-])(\p{L}+)[ \t]+(\1)(?![\p{L}\p{N}'’-])/giu
/** Cheap necessary conditions, tested before the expensive patterns above and below. */
const GLUE_HINT = /[.!?]\p{Lu}/u
const CAMEL_HINT = /\p{Ll}\p{Lu}/u
/**
 * The same hints for ASCII lines (nearly all, after normalize-quotes), where \p{Lu} is [A-Z]
 * and \p{Ll} is [a-z]: without `\p{…}` classes and the u flag a scan is several times faster.
 */
const GLUE_HINT_ASCII = /[.!?][A-Z]/
const CAMEL_HINT_ASCII = /[a-z][A-Z]/
const SPACING_HINT = /[ \t][,.;?!]/
const SPACE_BEFORE = /(?<=[\p{L}\p{N})\]"'”’%])[ \t]+([,.])(?=[ \t]+[^\s.]|$)/gu
const SPACE_BEFORE_ENGLISH = /(?<=[\p{L}\p{N})\]"'”’%])[ \t]+([,.;?!])(?=[ \t]+[^\s.]|$)/gu

/** What the in-line repairs may use: the word list (English only) and how often each token occurs. */
export interface InlineContext {
  lexicon: Lexicon | undefined
  /** How often each exact token occurs in the document (names and identifiers repeat). */
  tokenCounts: ReadonlyMap<string, number>
}

function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase()
  return PREPOSITIVE.has(lower) || AMBIGUOUS.has(lower) || BEFORE_NUMBER.has(lower)
}

/** "ended.Next" → "ended. Next" when the left side is a word or number, not an address. */
function splitSentenceGlue(line: string, ascii: boolean): { text: string; count: number } {
  if (!(ascii ? GLUE_HINT_ASCII : GLUE_HINT).test(line)) return { text: line, count: 0 }
  let count = 0
  const text = line.replace(SENTENCE_GLUE, (match, left: string, stop: string, right: string, offset: number) => {
    const token = /\S*$/u.exec(line.slice(0, offset))?.[0] ?? ''
    const after = /^\S*/u.exec(line.slice(offset + match.length))?.[0] ?? ''
    if (WEBBY.test(token + match + after) || isAbbreviation(left) || /\.\p{L}/u.test(after)) return match
    count += 1
    return `${left}${stop} ${right}`
  })
  return { text, count }
}

/**
 * "articleRelated", "atMicrosoft" → a space before the capital, when the lowercase half is a
 * known word, the whole is not a word and the token occurs only once (identifiers repeat).
 * Two capitalised halves ("PowerPoint", "WordPress") are brand names far too often to split.
 */
function splitCamelGlue(line: string, context: InlineContext, ascii: boolean): { text: string; count: number } {
  const { lexicon } = context
  if (lexicon === undefined || !(ascii ? CAMEL_HINT_ASCII : CAMEL_HINT).test(line)) return { text: line, count: 0 }
  let count = 0
  const text = line.replace(ascii ? CAMEL_GLUE_ASCII : CAMEL_GLUE, (match, left: string, right: string) => {
    if ((context.tokenCounts.get(match) ?? 0) > 1) return match
    if (!lexicon.isWord(left, 3) || lexicon.isWord(match)) return match
    count += 1
    return `${left} ${right}`
  })
  return { text, count }
}


/** True when line[from, to) is one or more spaces and tabs. */
function onlyBlanks(line: string, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (line.charCodeAt(at) !== 32 && line.charCodeAt(at) !== 9) return false
  return to > from
}

/**
 * True when a line may hold a doubled function word that {@link removeRepeatedWords} removes:
 * a lowercase word of NEVER_DOUBLED right after the same word (any case) and spaces or tabs.
 * Both words are then ASCII (no other letter lowercases to one of those words' letters), so
 * runs of ASCII letters suffice. A cheap scan instead of the backreference pattern over every line.
 */
function mayRepeat(line: string): boolean {
  let previousStart = -1
  let previousEnd = -1
  for (let at = 0; at < line.length; ) {
    if (!isAsciiLetter(line.charCodeAt(at))) {
      at += 1
      continue
    }
    let end = at + 1
    while (end < line.length && isAsciiLetter(line.charCodeAt(end))) end += 1
    if (previousEnd >= 0 && end - at === previousEnd - previousStart && onlyBlanks(line, previousEnd, at)) {
      const second = line.slice(at, end)
      if (NEVER_DOUBLED.has(second) && line.slice(previousStart, previousEnd).toLowerCase() === second) return true
    }
    ;[previousStart, previousEnd, at] = [at, end, end]
  }
  return false
}

/** "the the" → "the" for function words that are never doubled (English only). */
function removeRepeatedWords(line: string): { text: string; count: number } {
  if (!mayRepeat(line)) return { text: line, count: 0 }
  let count = 0
  let text = line
  for (let pass = 0; pass < 5; pass += 1) {
    const before = count
    text = text.replace(REPEATED, (match, first: string, second: string) => {
      if (second !== second.toLowerCase() || first.toLowerCase() !== second || !NEVER_DOUBLED.has(second)) return match
      count += 1
      return first
    })
    if (count === before) break
  }
  return { text, count }
}

function fixSpacing(line: string, english: boolean): { text: string; count: number } {
  if (!SPACING_HINT.test(line)) return { text: line, count: 0 }
  let count = 0
  const text = line.replace(english ? SPACE_BEFORE_ENGLISH : SPACE_BEFORE, (_match, mark: string) => {
    count += 1
    return mark
  })
  return { text, count }
}

/** Each pattern with its ASCII twin, for tests: on ASCII text the two must find the same matches. */
export const INLINE_ASCII_TWINS: readonly (readonly [RegExp, RegExp])[] = [
  [GLUE_HINT, GLUE_HINT_ASCII],
  [CAMEL_HINT, CAMEL_HINT_ASCII],
  [CAMEL_GLUE, CAMEL_GLUE_ASCII],
]

/** Result of the in-line repairs on one line: the new text and how many repairs of each kind. */
export interface InlineResult {
  text: string
  glue: number
  repeated: number
  spacing: number
}

/** Runs every in-line repair on one line; the result is a fixed point (a second run changes nothing). */
export function repairLine(line: string, context: InlineContext): InlineResult {
  if (CODE_LIKE.test(line)) return { text: line, glue: 0, repeated: 0, spacing: 0 }
  const english = context.lexicon !== undefined
  // The repairs only add spaces or remove ASCII words, so an ASCII line stays ASCII.
  const ascii = isAscii(line)
  const sentences = splitSentenceGlue(line, ascii)
  const camel = splitCamelGlue(sentences.text, context, ascii)
  const spacing = fixSpacing(camel.text, english)
  const repeated = english ? removeRepeatedWords(spacing.text) : { text: spacing.text, count: 0 }
  return { text: repeated.text, glue: sentences.count + camel.count, repeated: repeated.count, spacing: spacing.count }
}
