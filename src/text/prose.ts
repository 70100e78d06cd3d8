/**
 * What a line of running text looks like, as opposed to a heading, a byline or a menu item.
 * Shared by dedupe-headers (finding the title above the first paragraph) and drop-chrome
 * (finding the main body).
 */
import { endsLikeSentence, wordsOf } from './lines.ts'
import { stopwordRatio } from './stopwords.ts'

/** Thresholds that decide what counts as prose. */
export interface ProseThresholds {
  /** A prose line has at least this many words. */
  minProseWords: number
  /** …and at least this share of function words. */
  minStopwordRatio: number
}

/** Defaults measured on the development corpus. */
export const DEFAULT_PROSE: ProseThresholds = { minProseWords: 10, minStopwordRatio: 0.15 }

/** True for a line of running prose: long, full of function words, ending like a sentence (or very long). `words` saves a second tokenisation. */
export function isProseLine(text: string, thresholds: ProseThresholds = DEFAULT_PROSE, words: readonly string[] = wordsOf(text)): boolean {
  if (words.length < thresholds.minProseWords) return false
  if (stopwordRatio(words) < thresholds.minStopwordRatio) return false
  return endsLikeSentence(text) || words.length >= thresholds.minProseWords * 2
}

const MONTHS = 'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus'
const DATE = new RegExp(`\\b(${MONTHS})\\.?\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b\\d{1,2}\\.?\\s+(${MONTHS})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b`, 'iu')
const BYLINE = /^(?:(?:by|posted|written|published|updated|von|par|por|di|door|veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\b|(?:author|autor|auteur)\s?:)\s*\S/iu
/** A credit naming its writer: "Text by Jane Doe", "Words by …" (a capital after "by", so "Story by story, …" stays prose). */
const CREDIT = /^(?:[Tt]ext|[Ww]ords|[Ss]tory|[Rr]eporting)\s+by:?\s+\p{Lu}/u
const RELATIVE_TIME = /\b\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b/i
/** Parts of a time of day: "PM", "p.m."; a zone in capitals ending in T ("EDT", "BST", "GMT+2") or UTC. */
const MERIDIEM = String.raw`[AaPp]\.?\s?[Mm]\.?(?!\p{L})`
const ZONE = String.raw`(?:(?:[A-Z]{1,4}T|UTC)(?:[+-]\d{1,2})?)`
/** A line that is only a time of day ("01:52 PM EDT", "3:24 pm |", "13.10 BST"): with a dot, only with a meridiem or zone ("12.50" is a price). */
const CLOCK = new RegExp(String.raw`^\d{1,2}(?::\d{2}(?::\d{2})?\s*(?:${MERIDIEM})?\s*${ZONE}?|\.\d{2}\s*(?:${MERIDIEM}\s*${ZONE}?|${ZONE}))[\s|•·–—-]*$`, 'u')

/** Every date form has a digit: lines without one (most) skip the long month alternation. */
const DIGIT = /\d/

/** True when the text carries a calendar date ("July 24, 2012", "24 juillet", "2012-07-24", "24.07.2012"). */
export function hasDate(text: string): boolean {
  return DIGIT.test(text) && DATE.test(text)
}

/** True for a byline ("By Jane Doe", "Posted by …"), a short line carrying a date, or a time of day alone. */
export function isBylineOrDate(text: string): boolean {
  const trimmed = text.trim()
  if (BYLINE.test(trimmed) || CREDIT.test(trimmed)) return wordsOf(trimmed).length <= 16
  return DIGIT.test(trimmed) && (DATE.test(trimmed) || RELATIVE_TIME.test(trimmed) || CLOCK.test(trimmed)) && wordsOf(trimmed).length <= 14
}

/** True for a line shaped like a headline: a few words, not ending in a period, no byline or date. */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim()
  const count = wordsOf(trimmed).length
  if (count < 2 || count > 25) return false
  if (/[.,;:]$/.test(trimmed)) return false
  return !isBylineOrDate(trimmed)
}
