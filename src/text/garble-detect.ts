/**
 * Signs that an English sentence is garbled beyond safe repair, as machine translation and
 * broken scraping leave it: function words in an order English never allows ("protect their to
 * improve"), a common word capitalised in mid-sentence ("ahead of him Bringing Ukraine"), a
 * content word typed twice. General signals from closed word classes and a word list, so they
 * hold for any English text, not for one page.
 */
import { MONTHS } from './abbreviations.ts'
import { DETERMINERS, FUNCTION_WORDS, PREPOSITIONS, MAY_BE_DOUBLED, MODALS, NOT_AFTER_DETERMINER, NOT_AFTER_SUBJECT, SUBJECT_PRONOUNS } from './english.ts'
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
/** A lone capitalised word between lowercase ones must be this common to count (names are rarer). */
const ISOLATED_COMMON = 100
/** Words this frequent in the list ("him", "said", "help") are everyday words, not descriptions. */
const EVERYDAY = 10000

function tokenize(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((match) => ({ word: match[1] as string, after: match[2] as string }))
}

/** "of" after a preposition ("in of", "with of") never happens in correct English. */
const BEFORE_OF_NEVER = new Set(['of', 'in', 'on', 'at', 'with', 'from', 'by', 'for', 'into', 'to', 'the', 'a', 'an'])

/** Function-word pairs English grammar does not allow, e.g. a determiner before "to". */
function badPair(first: string, second: string): boolean {
  if (DETERMINERS.has(first) && NOT_AFTER_DETERMINER.has(second)) return true
  if (SUBJECT_PRONOUNS.has(first) && (NOT_AFTER_SUBJECT.has(second) || SUBJECT_PRONOUNS.has(second))) return true
  if (second === 'of' && BEFORE_OF_NEVER.has(first)) return true
  return STRICT_MODALS.has(first) && MODALS.has(second)
}

/** "a apple", "an car": the article disagrees with the sound of the next word. */
function articleMismatch(article: string, word: string): boolean {
  if (!/^\p{Ll}{2,}$/u.test(word)) return false
  if (article === 'a') return (/^[aei]/u.test(word) && !/^eu/u.test(word)) || (/^o/u.test(word) && !/^(?:one|once)/u.test(word))
  if (article === 'an') return /^[bcdfgjklmnpqrstvwxyz]/u.test(word) || (/^h/u.test(word) && !/^(?:hour|honou?r|honest|heir|herb)/u.test(word))
  return false
}

/** A determiner or conjunction right before a comma or full stop lost the word after it. */
function dangling(token: Token): boolean {
  const lower = token.word
  if (/^[,.;:!?)]/u.test(token.after) && (lower === 'the' || lower === 'an' || lower === 'their' || lower === 'our' || lower === 'your')) return true
  return /^[.!?]/u.test(token.after) && (lower === 'and' || lower === 'or' || lower === 'but')
}

function pairReason(tokens: readonly Token[]): string | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    const current = tokens[index] as Token
    if (dangling(current)) return `"${current.word}${current.after.charAt(0)}" leaves a phrase unfinished (a word is missing).`
    const previous = tokens[index - 1]
    if (previous === undefined || previous.after !== '' || previous.word !== previous.word.toLowerCase() || current.word !== current.word.toLowerCase()) continue
    if (badPair(previous.word, current.word)) return `"${previous.word} ${current.word}" is not a possible English word order (a word is missing or misplaced).`
    if (articleMismatch(previous.word, current.word)) return `"${previous.word} ${current.word}" uses the wrong article (a word is missing or misplaced).`
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

/** After these a capitalised common word is out of place: a name rarely follows them. */
const BEFORE_LOWERCASE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'has', 'have', 'had', 'not', 'very', 'too', 'more', 'most', 'so', 'him', 'them', 'it', 'they', 'we', 'he', 'she', 'you', 'also', 'just', 'really', 'quite', 'rather', 'being'])

/**
 * Names follow prepositions, determiners and descriptive words ("at Apple", "rival Samsung",
 * "additional Patriot"); after a very frequent word such as "him" or "said" they are rarer.
 */
function afterEverydayWord(word: string, context: DetectContext): boolean {
  if (DETERMINERS.has(word) || NAME_GLUE.has(word) || PREPOSITIONS.has(word)) return false
  return (context.lexicon.entry(word)?.count ?? 0) >= EVERYDAY
}

function capitalReason(tokens: readonly Token[], context: DetectContext): string | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] as Token
    const current = tokens[index] as Token
    if (!/^\p{Lu}\p{Ll}+$/u.test(current.word) || previous.after !== '' || !/^\p{Ll}+$/u.test(previous.word)) continue
    if (insideName(tokens, index) || (context.tokenCounts.get(current.word) ?? 0) > 1) continue
    const lower = current.word.toLowerCase()
    if (MONTHS.has(lower) || !context.lexicon.isCommonLowercase(current.word, MIN_COMMON)) continue
    const next = tokens[index + 1]
    const nameFollows = next !== undefined && current.after === '' && /^\p{Lu}/u.test(next.word)
    const unlikelyName = FUNCTION_WORDS.has(lower) ? !nameFollows : /\p{Ll}{3,}(?:ing|ed|ly)$/u.test(current.word)
    const isolated = !nameFollows && afterEverydayWord(previous.word, context) && context.lexicon.isCommonLowercase(current.word, ISOLATED_COMMON)
    const outOfPlace = isolated || (!DETERMINERS.has(previous.word) && BEFORE_LOWERCASE.has(previous.word) && !nameFollows)
    if (!unlikelyName && !outOfPlace) continue
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
