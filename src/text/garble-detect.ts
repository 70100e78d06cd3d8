/**
 * Signs that an English sentence is garbled beyond safe repair, as machine translation and
 * broken scraping leave it: function words in an order English never allows ("protect their to
 * improve"), a verb form that cannot follow its neighbour ("could applied", "to explains"), a
 * common word capitalised in mid-sentence ("ahead of him Bringing Ukraine", see
 * garble-capitals.ts), a word typed twice. General signals from closed word classes and word
 * lists, so they hold for any English text, not for one page.
 */
import { isAscii } from './ascii-text.ts'
import { capitalReason } from './garble-capitals.ts'
import { eachDouble, eachMidCapital } from './garble-scan.ts'
import { orderReason } from './garble-lm.ts'
import type { GarbleModels } from './garble-lm.ts'
import type { CaseCounts } from './garble-case.ts'
import { adjacent, tokenize } from './garble-tokens.ts'
import type { Token } from './garble-tokens.ts'
import { DETERMINERS, MAY_BE_DOUBLED, MODALS, NOT_AFTER_DETERMINER, NOT_AFTER_SUBJECT, SUBJECT_PRONOUNS } from './english.ts'
import type { Lexicon } from './lexicon.ts'

/** What the detector may consult besides the sentence. */
export interface DetectContext {
  lexicon: Lexicon
  /** How often each capitalised word occurs inside sentences of the document (names repeat, slips do not). */
  midCapitals: ReadonlyMap<string, number>
  /** How often each doubled word ("Walla Walla") occurs in the document: a repeated double is a name. */
  doubles: ReadonlyMap<string, number>
  /** The n-gram models for the word-order check; without them only the rules run. */
  models?: GarbleModels
  /** Words nearly always lowercase inside sentences (garble-case.ts), for the capital check. */
  caseCounts?: ReadonlyMap<string, CaseCounts>
}

/** A capitalised word that does not start a sentence (after a word, number, comma or bracket). */
const MID_CAPITAL = /(?<=[\p{L}\p{N},;:)] )\p{Lu}[\p{Ll}\p{Lu}]*(?![\p{L}\p{N}])/gu
const DOUBLE = /(?<![\p{L}\p{N}'’-])(\p{L}+) \1(?![\p{L}\p{N}'’-])/gu

/** Counts what {@link garbleReason} needs from the whole document, once per document. No match spans a line break, so each line is searched alone, and ASCII lines by hand (garble-scan.ts). */
export function detectContext(text: string, lexicon: Lexicon, models?: GarbleModels, data: Pick<DetectContext, 'caseCounts'> = {}): DetectContext {
  const midCapitals = new Map<string, number>()
  const doubles = new Map<string, number>()
  const countCapital = (word: string): void => void midCapitals.set(word, (midCapitals.get(word) ?? 0) + 1)
  const countDouble = (word: string): void => void doubles.set(word, (doubles.get(word) ?? 0) + 1)
  for (const line of text.split('\n')) {
    if (isAscii(line)) {
      eachMidCapital(line, countCapital)
      eachDouble(line, countDouble)
      continue
    }
    for (const [word] of line.matchAll(MID_CAPITAL)) countCapital(word)
    for (const [, word] of line.matchAll(DOUBLE)) countDouble(word as string)
  }
  return { lexicon, midCapitals, doubles, models, ...data }
}

/** Modals that are never nouns or names, so two in a row is always wrong. */
const STRICT_MODALS = new Set(['could', 'would', 'should', 'shall', 'must'])

/** "of" after a preposition ("in of", "with of") never happens in correct English. */
const BEFORE_OF_NEVER = new Set(['of', 'in', 'on', 'at', 'with', 'from', 'by', 'for', 'into', 'to', 'the', 'a', 'an'])

/** Function-word pairs English grammar does not allow, e.g. a determiner before "to". */
function badPair(first: string, second: string): boolean {
  if (DETERMINERS.has(first) && NOT_AFTER_DETERMINER.has(second)) return true
  if (SUBJECT_PRONOUNS.has(first) && (NOT_AFTER_SUBJECT.has(second) || SUBJECT_PRONOUNS.has(second))) return true
  if (second === 'of' && BEFORE_OF_NEVER.has(first)) return true
  return STRICT_MODALS.has(first) && MODALS.has(second)
}

/** Modals that are never nouns: a verb form after them must be the base form. */
const BEFORE_BASE = new Set([...STRICT_MODALS, 'might'])
/** Conjunctions that never directly follow a subject pronoun ("he if thrives"). */
const NOT_AFTER_PRONOUN = new Set(['if', 'because', 'although', 'unless', 'whether'])

/**
 * Verbs that take "to" before another verb ("trying to make"): a base form right after them
 * lost its "to". Verbs that also take a bare verb ("help make", "go get", "let see") are not here.
 */
const BEFORE_TO = new Set(['want', 'wants', 'wanted', 'trying', 'tried', 'tries', 'able', 'unable', 'going', 'needs', 'needed', 'decided', 'decide', 'plan', 'plans', 'planned', 'hope', 'hopes', 'hoped', 'expect', 'expects', 'expected', 'seem', 'seems', 'seemed', 'refused', 'managed', 'wish', 'wished', 'intend', 'intends', 'ought', 'used'])

/** Pairs with a verb form English does not allow: "the went", "could applied", "to caters", "he if", "trying make". */
function verbPair(first: string, second: string, lexicon: Lexicon): boolean {
  if (SUBJECT_PRONOUNS.has(first) && NOT_AFTER_PRONOUN.has(second)) return true
  if (!BEFORE_TO.has(first) && !DETERMINERS.has(first) && !BEFORE_BASE.has(first) && first !== 'to') return false
  const form = lexicon.verbForm(second)
  if (form === undefined) return false
  if (BEFORE_TO.has(first) && form === 'b') return true
  if (DETERMINERS.has(first)) return form === 'p'
  if (BEFORE_BASE.has(first)) return form !== 'b'
  return first === 'to' && (form === 'z' || form === 'p')
}

/** "a apple", "an car": the article disagrees with the sound of the next word. */
function articleMismatch(article: string, word: string): boolean {
  if ((article !== 'a' && article !== 'an') || !/^\p{Ll}{2,}$/u.test(word)) return false
  if (article === 'a') return (/^[aei]/u.test(word) && !/^eu/u.test(word)) || (/^o/u.test(word) && !/^(?:one|once)/u.test(word))
  return /^[bcdfgjklmnpqrstvwxyz]/u.test(word) || (/^h/u.test(word) && !/^(?:hour|honou?r|honest|heir|herb)/u.test(word))
}

/** A determiner or conjunction right before a comma or full stop lost the word after it. */
function dangling(token: Token): boolean {
  const lower = token.word
  if (token.after === '') return false
  if (/^[,.;:!?)]/u.test(token.after) && (lower === 'the' || lower === 'an' || lower === 'their' || lower === 'our' || lower === 'your')) return true
  return /^[.!?]/u.test(token.after) && (lower === 'and' || lower === 'or' || lower === 'but')
}

function pairReason(tokens: readonly Token[], lexicon: Lexicon): string | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    const current = tokens[index] as Token
    if (dangling(current)) return `"${current.word}${current.after.charAt(0)}" leaves a phrase unfinished (a word is missing).`
    const previous = tokens[index - 1]
    if (previous === undefined || !adjacent(previous, current) || previous.word !== previous.word.toLowerCase() || current.word !== current.word.toLowerCase()) continue
    if (badPair(previous.word, current.word) || verbPair(previous.word, current.word, lexicon)) return `"${previous.word} ${current.word}" is not a possible English word order (a word is missing or misplaced).`
    if (articleMismatch(previous.word, current.word)) return `"${previous.word} ${current.word}" uses the wrong article (a word is missing or misplaced).`
  }
  return undefined
}

/** "the budget budget", "Stephanie Stephanie": a word typed twice, unless English allows it ("that that"). */
function doubledReason(tokens: readonly Token[], context: DetectContext): string | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] as Token
    const current = tokens[index] as Token
    if (!adjacent(previous, current) || previous.word !== current.word || !/^\p{L}+$/u.test(current.word)) continue
    if (MAY_BE_DOUBLED.has(current.word.toLowerCase()) || (context.doubles.get(current.word) ?? 0) > 1) continue
    if (current.word.length === 1 && current.word !== 'I' && current.word !== 'a') continue
    return `"${current.word}" is repeated.`
  }
  return undefined
}

/** Why `sentence` looks garbled, or undefined when nothing is wrong with it. */
export function garbleReason(sentence: string, context: DetectContext): string | undefined {
  const tokens = tokenize(sentence)
  if (tokens.length < 3) return undefined
  const reason = pairReason(tokens, context.lexicon) ?? doubledReason(tokens, context) ?? capitalReason(tokens, context, sentence)
  return reason ?? (context.models === undefined ? undefined : orderReason(sentence, context.models))
}
