/**
 * Gopher's quality and repetition rules (Rae et al. 2021, "Scaling Language Models: Methods,
 * Analysis & Insights from Training Gopher", §A.1.1 and Table A1), with the published thresholds
 * as defaults. Measures are computed once; each rule compares one measure with its threshold and
 * says which value fired it.
 */
import { z } from 'zod'
import { duplicateNgramShare, duplicateShare, topNgramShare } from '../../text/repetition.ts'
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
const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/u
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
/** Scripts written without spaces between words, where whitespace words mean nothing. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/gu

/** The words and lines Gopher's measures are taken over. */
export interface GopherText {
  tokens: string[]
  /** Tokens without edge punctuation, lowercased, empty ones removed. */
  words: string[]
  lines: string[]
  paragraphs: string[]
  /** True when most letters belong to a script written without spaces. */
  unspaced: boolean
}

/** Splits `text` once for every Gopher measure. */
export function gopherText(text: string): GopherText {
  const tokens = text.split(/\s+/u).filter((token) => token.length > 0)
  const words = tokens.map((token) => token.replace(EDGE_PUNCTUATION, '').toLowerCase()).filter((word) => word.length > 0)
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0)
  const paragraphs = text.split(/\n[ \t]*\n/u).map((block) => block.trim()).filter((block) => block.length > 0)
  UNSPACED.lastIndex = 0
  const unspaced = UNSPACED.test(text) && (text.match(UNSPACED) ?? []).length / Math.max(1, (text.match(/\p{L}/gu) ?? []).length) > 0.3
  return { tokens, words, lines, paragraphs, unspaced }
}

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length

function wordMeasures(text: string, shape: GopherText, settings: GopherSettings, lang: string | undefined): Measure[] {
  const words = shape.words.length
  const meanLength = fraction(shape.words.reduce((sum, word) => sum + [...word].length, 0), words)
  const hashes = fraction(count(text, /#/gu), words)
  const ellipses = fraction(count(text, /\.\.\.|…/gu), words)
  const symbols = Math.max(hashes, ellipses)
  const alphabetic = fraction(shape.tokens.filter((token) => /\p{L}/u.test(token)).length, shape.tokens.length)
  const out: Measure[] = [
    { rule: 'quality-filter/gopher-word-count', stat: 'gopher.words', value: words, failed: words < settings.minWords || words > settings.maxWords, reason: `${words} words, outside ${settings.minWords}–${settings.maxWords}.` },
    { rule: 'quality-filter/gopher-mean-word-length', stat: 'gopher.meanWordLength', value: meanLength, failed: meanLength < settings.minMeanWordLength || meanLength > settings.maxMeanWordLength, reason: `Mean word length ${meanLength.toFixed(2)}, outside ${settings.minMeanWordLength}–${settings.maxMeanWordLength}.` },
    { rule: 'quality-filter/gopher-symbol-ratio', stat: 'gopher.symbolRatio', value: symbols, failed: symbols > settings.maxSymbolRatio, reason: `${symbols.toFixed(3)} ${hashes >= ellipses ? '"#"' : 'ellipses'} per word (maximum ${settings.maxSymbolRatio}).` },
    { rule: 'quality-filter/gopher-alphabetic-words', stat: 'gopher.alphabeticWords', value: alphabetic, failed: alphabetic < settings.minAlphabeticWords, reason: `${percent(alphabetic)} of words contain a letter (minimum ${percent(settings.minAlphabeticWords)}).` },
  ]
  const stopWords = lang === undefined ? undefined : settings.stopWords[lang]
  if (stopWords !== undefined) {
    const list = new Set(stopWords)
    const found = shape.words.filter((word) => list.has(word)).length
    out.push({ rule: 'quality-filter/gopher-stop-words', stat: 'gopher.stopWords', value: found, failed: found < settings.minStopWords, reason: `${found} stop words of the "${lang}" list (minimum ${settings.minStopWords}).` })
  }
  return out
}

function lineMeasures(shape: GopherText, settings: GopherSettings): Measure[] {
  const bullets = fraction(shape.lines.filter((line) => BULLET_LINE.test(line)).length, shape.lines.length)
  const ellipsisLines = fraction(shape.lines.filter((line) => ELLIPSIS_END.test(line)).length, shape.lines.length)
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
  const top = Object.entries(settings.maxTopNgram).map(([n, limit]): Measure => {
    const value = topNgramShare(shape.words, Number(n))
    return { rule: 'quality-filter/gopher-top-ngram', stat: `gopher.top${n}gram`, value, failed: value > limit, reason: `The most frequent ${n}-gram covers ${percent(value)} of the characters (maximum ${percent(limit)}).` }
  })
  const repeated = Object.entries(settings.maxDuplicateNgrams).map(([n, limit]): Measure => {
    const value = duplicateNgramShare(shape.words, Number(n))
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
  const words = shape.unspaced ? [] : [...wordMeasures(text, shape, settings, lang), ...ngramMeasures(shape, settings)]
  return [...words, ...lineMeasures(shape, settings)]
}
