/**
 * Signs that an English sentence is garbled beyond safe repair, as machine translation and
 * broken scraping leave it: function words in an order English never allows ("protect their to
 * improve"), a common word capitalised in mid-sentence ("ahead of him Bringing Ukraine"), a
 * content word typed twice. General signals from closed word classes and a word list, so they
 * hold for any English text, not for one page.
 */
import { MONTHS } from './abbreviations.ts'
import { DETERMINERS, FUNCTION_WORDS, MAY_BE_DOUBLED, MODALS, NOT_AFTER_DETERMINER, NOT_AFTER_SUBJECT, SUBJECT_PRONOUNS } from './english.ts'
import type { Lexicon } from './lexicon.ts'

/** What the detector may consult besides the sentence. */
export interface DetectContext {
  lexicon: Lexicon
  /** How often each exact token occurs in the document (names repeat, slips do not). */
  tokenCounts: ReadonlyMap<string, number>
}

interface Token {
  word: string
  /** Punctuation right after the word (",", ".", ")", …) or "" when a space follows. */
  after: string
}

const TOKEN = /([\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*)([^\s\p{L}\p{N}]*)/gu
/** Modals that are never nouns or names, so two in a row is always wrong. */
const STRICT_MODALS = new Set(['could', 'would', 'should', 'shall', 'must'])
/** Lowercase words that glue the parts of a name ("Center for Strategic Studies"). */
const NAME_GLUE = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'at', 'to', 'de', 'la', 'le', 'del', 'van', 'von', 'da', 'y', 'du', 'des', 'a'])
/** Capitalised words are judged only when common enough in lowercase for the list to be sure. */
const MIN_COMMON = 30

function tokenize(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((match) => ({ word: match[1] as string, after: match[2] as string }))
}

/** Function-word pairs English grammar does not allow, e.g. a determiner before "to". */
function badPair(first: string, second: string): boolean {
  if (DETERMINERS.has(first) && NOT_AFTER_DETERMINER.has(second)) return true
  if (SUBJECT_PRONOUNS.has(first) && NOT_AFTER_SUBJECT.has(second)) return true
  return STRICT_MODALS.has(first) && MODALS.has(second)
}

function pairReason(tokens: readonly Token[]): string | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] as Token
    const current = tokens[index] as Token
    if (previous.after !== '' || previous.word !== previous.word.toLowerCase() || current.word !== current.word.toLowerCase()) continue
    if (badPair(previous.word, current.word)) return `"${previous.word} ${current.word}" is not a possible English word order (a word is missing or misplaced).`
    if (previous.word === current.word && !MAY_BE_DOUBLED.has(current.word) && /^\p{L}{2,}$/u.test(current.word)) return `"${current.word}" is repeated.`
  }
  return undefined
}

/** Inside a name such as "Department of Justice": a lowercase glue word after a capital. */
function insideName(tokens: readonly Token[], index: number): boolean {
  const glue = tokens[index - 1] as Token
  const before = tokens[index - 2]
  return NAME_GLUE.has(glue.word) && before !== undefined && before.after === '' && /^\p{Lu}/u.test(before.word)
}

/**
 * Capitalised words that cannot be names: function words ("ahead of The") and verb forms in
 * -ing/-ed ("him Bringing"). Capitalised nouns and adjectives are names too often ("at Apple",
 * "on Telegram", "in May") to be evidence.
 */
function cannotBeName(word: string, context: DetectContext): boolean {
  const lower = word.toLowerCase()
  if (MONTHS.has(lower) || !context.lexicon.isCommonLowercase(word, MIN_COMMON)) return false
  return FUNCTION_WORDS.has(lower) || /\p{Ll}{3,}(?:ing|ed)$/u.test(word)
}

function capitalReason(tokens: readonly Token[], context: DetectContext): string | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] as Token
    const current = tokens[index] as Token
    if (!/^\p{Lu}\p{Ll}+$/u.test(current.word) || previous.after !== '' || !/^\p{Ll}+$/u.test(previous.word)) continue
    if (DETERMINERS.has(previous.word) || insideName(tokens, index) || (context.tokenCounts.get(current.word) ?? 0) > 1) continue
    if (!cannotBeName(current.word, context)) continue
    const next = tokens[index + 1]
    const nameFollows = next !== undefined && current.after === '' && /^\p{Lu}/u.test(next.word)
    if (nameFollows && FUNCTION_WORDS.has(current.word.toLowerCase())) continue
    return `"${current.word}" is a common word capitalised in mid-sentence after "${previous.word}" (words out of place or a sentence spliced in).`
  }
  return undefined
}

/** Why `sentence` looks garbled, or undefined when nothing is wrong with it. */
export function garbleReason(sentence: string, context: DetectContext): string | undefined {
  const tokens = tokenize(sentence)
  if (tokens.length < 3) return undefined
  return pairReason(tokens) ?? capitalReason(tokens, context)
}
