/**
 * Repairs inside one line: sentences glued at a markup boundary ("ended.Next", "articleRelated"),
 * a function word typed twice ("the the"), and a space before a comma or period ("word , word").
 * Each rule skips code-like lines, URLs, e-mail addresses, decimals and ellipses.
 */
import { PREPOSITIVE, AMBIGUOUS, BEFORE_NUMBER } from './abbreviations.ts'
import { NEVER_DOUBLED } from './english.ts'
import type { Lexicon } from './lexicon.ts'

/** Lines that look like code or markup are never touched. */
const CODE_LIKE = /[{}<>=]|;$|;\S|\(\)|=>|::/u
/** Tokens that are addresses, paths or handles. */
const WEBBY = /@|:\/\/|www\.|[/\\_#]/iu
const SENTENCE_GLUE = /(?<![\p{L}\p{N}.])([\p{L}\p{N},]*(?:\p{Ll}{2}|\p{Lu}{2}|\p{N}|[\p{L}\p{N}][)"”’+\]]+))([.!?])(\p{Lu}\p{Ll}+)(?=[\s,;:!?'"”’)]|\.(?!\p{L})|$)/gu
const CAMEL_GLUE = /(?<![\p{L}\p{N}_@./\\#-])(\p{Ll}{2,}|a)(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_@/\\-])/gu
const REPEATED = /(?<![\p{L}\p{N}'’-])(\p{L}+)[ \t]+(\1)(?![\p{L}\p{N}'’-])/giu
/** Cheap necessary conditions, tested before the expensive patterns above and below. */
const GLUE_HINT = /[.!?]\p{Lu}/u
const CAMEL_HINT = /\p{Ll}\p{Lu}/u
const SPACING_HINT = /[ \t][,.;?!]/u
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
function splitSentenceGlue(line: string): { text: string; count: number } {
  if (!GLUE_HINT.test(line)) return { text: line, count: 0 }
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
function splitCamelGlue(line: string, context: InlineContext): { text: string; count: number } {
  const { lexicon } = context
  if (lexicon === undefined || !CAMEL_HINT.test(line)) return { text: line, count: 0 }
  let count = 0
  const text = line.replace(CAMEL_GLUE, (match, left: string, right: string) => {
    if ((context.tokenCounts.get(match) ?? 0) > 1) return match
    if (!lexicon.isWord(left, 3) || lexicon.isWord(match)) return match
    count += 1
    return `${left} ${right}`
  })
  return { text, count }
}

/** "the the" → "the" for function words that are never doubled (English only). */
function removeRepeatedWords(line: string): { text: string; count: number } {
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
  const sentences = splitSentenceGlue(line)
  const camel = splitCamelGlue(sentences.text, context)
  const spacing = fixSpacing(camel.text, english)
  const repeated = english ? removeRepeatedWords(spacing.text) : { text: spacing.text, count: 0 }
  return { text: repeated.text, glue: sentences.count + camel.count, repeated: repeated.count, spacing: spacing.count }
}
