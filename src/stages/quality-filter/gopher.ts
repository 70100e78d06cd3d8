/**
 * Gopher's quality and repetition rules (Rae et al. 2021, "Scaling Language Models: Methods,
 * Analysis & Insights from Training Gopher", §A.1.1 and Table A1), with the published thresholds
 * as defaults. Measures are computed once; each rule compares one measure with its threshold and
 * says which value fired it.
 */
import { z } from 'zod'
import { BMP_FLAGS, flagsAt, LETTER, NUMBER, SPACE, UNSPACED, widthAt } from '../../text/char-flags.ts'
import { duplicateShare, ngramShares } from '../../text/repetition.ts'
import { WORD_HASH_START, WordIdBuilder, wordHash } from '../../text/word-ids.ts'
import type { WordIds } from '../../text/word-ids.ts'
import { countCharacters } from '../../text/words.ts'
import { fraction, percent } from './finding.ts'
import type { Measure } from './finding.ts'

const share = z.number().min(0).max(1)

/** Gopher thresholds; defaults are the published ones. */
export const GopherOptions = z
  .object({
    minWords: z.number().int().nonnegative().default(50),
    maxWords: z.number().int().positive().default(100_000),
    minMeanWordLength: z.number().nonnegative().default(3),
    maxMeanWordLength: z.number().positive().default(10),
    /** Largest count of `#`, and of `...`/`…`, per word. */
    maxSymbolRatio: z.number().nonnegative().default(0.1),
    maxBulletLines: share.default(0.9),
    maxEllipsisLines: share.default(0.3),
    minAlphabeticWords: share.default(0.8),
    /** Fewest stop-word occurrences; applies to languages with a list in `stopWords`. */
    minStopWords: z.number().int().nonnegative().default(2),
    /** Stop words per language (primary subtag of `lang`); Gopher's English list by default. */
    stopWords: z.record(z.string(), z.array(z.string())).default({ en: ['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with'] }),
    maxDuplicateLines: share.default(0.3),
    maxDuplicateParagraphs: share.default(0.3),
    maxDuplicateLineCharacters: share.default(0.2),
    maxDuplicateParagraphCharacters: share.default(0.2),
    /** n → largest share of characters in the most frequent n-gram. */
    maxTopNgram: z.record(z.string().regex(/^\d+$/), share).default({ 2: 0.2, 3: 0.18, 4: 0.16 }),
    /** n → largest share of characters in repeated n-grams. */
    maxDuplicateNgrams: z.record(z.string().regex(/^\d+$/), share).default({ 5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.1 }),
  })
  .strict()

/** Resolved Gopher thresholds. */
export type GopherSettings = z.output<typeof GopherOptions>

/** Lines starting with a bullet: the usual bullet glyphs, or `-`, `*`, `–` followed by a space. */
const BULLET_LINE = /^\s*(?:[•‣⁃◦⁌⁍∙·●○▪▫■□►▶➢✓✔]|[-*–]\s)/u

/**
 * The words and lines Gopher's measures are taken over. Tokens are whitespace-separated; a
 * word is a token without its leading and trailing characters that are neither letters nor
 * digits, lowercased (tokens with neither give no word).
 */
export interface GopherText {
  tokens: number
  /** Tokens with at least one letter. */
  alphabeticTokens: number
  /** The words as ids (repetition.ts); `distinct.word(id)` is the word. */
  words: WordIds
  distinct: WordIdBuilder
  /** Code points of all words together. */
  wordCharacters: number
  /** `#` characters, and ellipses (`...` or `…`, not overlapping) in the text. */
  hashes: number
  ellipses: number
  lines: string[]
  paragraphs: string[]
  /** True when most letters belong to a script written without spaces. */
  unspaced: boolean
}

/** Word ids and the code points of each distinct word. */
interface WordTally {
  builder: WordIdBuilder
  codePoints: number[]
  characters: number
}

/** Adds `text[start, end)`; `asciiHash` is its word hash when the range is ASCII. */
function addWord(words: WordTally, text: string, start: number, end: number, asciiHash: number | undefined): void {
  const id = asciiHash === undefined ? words.builder.add(text, start, end, false) : words.builder.addAscii(text, start, end, asciiHash)
  if (id === words.codePoints.length) words.codePoints.push(asciiHash !== undefined ? end - start : countCharacters(words.builder.word(id)))
  words.characters += words.codePoints[id] as number
}

/** Counts over the whole text that one pass collects besides the words. */
interface Tally {
  tokens: number
  alphabeticTokens: number
  letters: number
  unspacedLetters: number
}

/** Non-overlapping occurrences of `needle` in `text` (a native substring search). */
function occurrences(text: string, needle: string): number {
  let count = 0
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + needle.length)) count += 1
  return count
}

/** Reads the token starting at `start` into `words` and `tally`; returns its end. */
function readToken(text: string, start: number, words: WordTally, tally: Tally): number {
  let index = start
  let first = -1
  let last = -1
  let letters = 0
  let unspaced = 0
  let nonAscii = 0
  let nonAsciiBeforeFirst = 0
  let nonAsciiToLast = 0
  let hash = WORD_HASH_START
  let wordHashAtLast = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    const flags = code < 0xd800 ? (BMP_FLAGS[code] as number) : flagsAt(text, index)
    if ((flags & SPACE) !== 0) break
    const width = code < 0xd800 ? 1 : widthAt(text, index)
    if (code >= 0x80) nonAscii += 1
    if (first >= 0) hash = wordHash(hash, code)
    if ((flags & (LETTER | NUMBER)) !== 0) {
      if (first < 0) {
        first = index
        nonAsciiBeforeFirst = nonAscii - (code >= 0x80 ? 1 : 0)
        hash = wordHash(hash, code)
      }
      last = index + width
      nonAsciiToLast = nonAscii
      wordHashAtLast = hash
    }
    if ((flags & LETTER) !== 0) letters += 1
    if ((flags & UNSPACED) !== 0) unspaced += 1
    index += width
  }
  tally.letters += letters
  tally.unspacedLetters += unspaced
  tally.tokens += 1
  if (letters > 0) tally.alphabeticTokens += 1
  if (first >= 0) addWord(words, text, first, last, nonAsciiToLast === nonAsciiBeforeFirst ? wordHashAtLast : undefined)
  return index
}

/** Splits `text` once for every Gopher measure. */
export function gopherText(text: string): GopherText {
  const words: WordTally = { builder: new WordIdBuilder(), codePoints: [], characters: 0 }
  const tally: Tally = { tokens: 0, alphabeticTokens: 0, letters: 0, unspacedLetters: 0 }
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index)
    if (code < 0xd800 && ((BMP_FLAGS[code] as number) & SPACE) !== 0) index += 1
    else index = readToken(text, index, words, tally)
  }
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0)
  const paragraphs = text.split(/\n[ \t]*\n/u).map((block) => block.trim()).filter((block) => block.length > 0)
  const unspaced = tally.unspacedLetters > 0 && tally.unspacedLetters / Math.max(1, tally.letters) > 0.3
  return { tokens: tally.tokens, alphabeticTokens: tally.alphabeticTokens, words: words.builder.result(), distinct: words.builder, wordCharacters: words.characters, hashes: occurrences(text, '#'), ellipses: occurrences(text, '...') + occurrences(text, '…'), lines, paragraphs, unspaced }
}

function stopWordCount(shape: GopherText, stopWords: readonly string[]): number {
  const isStop = new Uint8Array(shape.distinct.size)
  for (const word of stopWords) {
    // Words in the text are lowercase; idOf folds A–Z, so a list word with capitals must not match.
    if (/[A-Z]/.test(word)) continue
    const id = shape.distinct.idOf(word)
    if (id >= 0) isStop[id] = 1
  }
  let found = 0
  for (const id of shape.words.ids) found += isStop[id] as number
  return found
}

function wordMeasures(shape: GopherText, settings: GopherSettings, lang: string | undefined): Measure[] {
  const words = shape.words.ids.length
  const meanLength = fraction(shape.wordCharacters, words)
  const hashes = fraction(shape.hashes, words)
  const ellipses = fraction(shape.ellipses, words)
  const symbols = Math.max(hashes, ellipses)
  const alphabetic = fraction(shape.alphabeticTokens, shape.tokens)
  const out: Measure[] = [
    { rule: 'quality-filter/gopher-word-count', stat: 'gopher.words', value: words, failed: words < settings.minWords || words > settings.maxWords, reason: `${words} words, outside ${settings.minWords}–${settings.maxWords}.` },
    { rule: 'quality-filter/gopher-mean-word-length', stat: 'gopher.meanWordLength', value: meanLength, failed: meanLength < settings.minMeanWordLength || meanLength > settings.maxMeanWordLength, reason: `Mean word length ${meanLength.toFixed(2)}, outside ${settings.minMeanWordLength}–${settings.maxMeanWordLength}.` },
    { rule: 'quality-filter/gopher-symbol-ratio', stat: 'gopher.symbolRatio', value: symbols, failed: symbols > settings.maxSymbolRatio, reason: `${symbols.toFixed(3)} ${hashes >= ellipses ? '"#"' : 'ellipses'} per word (maximum ${settings.maxSymbolRatio}).` },
    { rule: 'quality-filter/gopher-alphabetic-words', stat: 'gopher.alphabeticWords', value: alphabetic, failed: alphabetic < settings.minAlphabeticWords, reason: `${percent(alphabetic)} of words contain a letter (minimum ${percent(settings.minAlphabeticWords)}).` },
  ]
  const stopWords = lang === undefined ? undefined : settings.stopWords[lang]
  if (stopWords !== undefined) {
    const found = stopWordCount(shape, stopWords)
    out.push({ rule: 'quality-filter/gopher-stop-words', stat: 'gopher.stopWords', value: found, failed: found < settings.minStopWords, reason: `${found} stop words of the "${lang}" list (minimum ${settings.minStopWords}).` })
  }
  return out
}

function lineMeasures(shape: GopherText, settings: GopherSettings): Measure[] {
  const bullets = fraction(shape.lines.filter((line) => BULLET_LINE.test(line)).length, shape.lines.length)
  // Lines are trimmed, so "ends with an ellipsis and optional spaces" is a plain suffix test.
  const ellipsisLines = fraction(shape.lines.filter((line) => line.endsWith('...') || line.endsWith('…')).length, shape.lines.length)
  const lines = duplicateShare(shape.lines)
  const paragraphs = duplicateShare(shape.paragraphs)
  const checks = [
    ['quality-filter/gopher-bullet-lines', 'gopher.bulletLines', bullets, settings.maxBulletLines, 'of lines start with a bullet'],
    ['quality-filter/gopher-ellipsis-lines', 'gopher.ellipsisLines', ellipsisLines, settings.maxEllipsisLines, 'of lines end with an ellipsis'],
    ['quality-filter/gopher-duplicate-lines', 'gopher.duplicateLines', lines.elements, settings.maxDuplicateLines, 'of lines repeat an earlier line'],
    ['quality-filter/gopher-duplicate-paragraphs', 'gopher.duplicateParagraphs', paragraphs.elements, settings.maxDuplicateParagraphs, 'of paragraphs repeat an earlier paragraph'],
    ['quality-filter/gopher-duplicate-line-characters', 'gopher.duplicateLineCharacters', lines.characters, settings.maxDuplicateLineCharacters, 'of characters sit in repeated lines'],
    ['quality-filter/gopher-duplicate-paragraph-characters', 'gopher.duplicateParagraphCharacters', paragraphs.characters, settings.maxDuplicateParagraphCharacters, 'of characters sit in repeated paragraphs'],
  ] as const
  return checks.map(([rule, stat, value, limit, what]) => ({ rule, stat, value, failed: value > limit, reason: `${percent(value)} ${what} (maximum ${percent(limit)}).` }))
}

function ngramMeasures(shape: GopherText, settings: GopherSettings): Measure[] {
  const tops = Object.entries(settings.maxTopNgram)
  const duplicates = Object.entries(settings.maxDuplicateNgrams)
  const shares = ngramShares(shape.words, tops.map(([n]) => Number(n)), duplicates.map(([n]) => Number(n)))
  const top = tops.map(([n, limit]): Measure => {
    const value = shares.top.get(Number(n)) ?? 0
    return { rule: 'quality-filter/gopher-top-ngram', stat: `gopher.top${n}gram`, value, failed: value > limit, reason: `The most frequent ${n}-gram covers ${percent(value)} of the characters (maximum ${percent(limit)}).` }
  })
  const repeated = duplicates.map(([n, limit]): Measure => {
    const value = shares.duplicate.get(Number(n)) ?? 0
    return { rule: 'quality-filter/gopher-duplicate-ngrams', stat: `gopher.duplicate${n}grams`, value, failed: value > limit, reason: `Repeated ${n}-grams cover ${percent(value)} of the characters (maximum ${percent(limit)}).` }
  })
  return [...top, ...repeated]
}

/**
 * Every Gopher measure of `text`, failed or not. Word rules are skipped for text in scripts
 * written without spaces (whitespace words mean nothing there); the stop-word rule applies only
 * to languages with a list (`lang` is the primary subtag, undefined when unknown).
 */
export function gopherMeasures(text: string, settings: GopherSettings, lang: string | undefined): Measure[] {
  const shape = gopherText(text)
  const words = shape.unspaced ? [] : [...wordMeasures(shape, settings, lang), ...ngramMeasures(shape, settings)]
  return [...words, ...lineMeasures(shape, settings)]
}
