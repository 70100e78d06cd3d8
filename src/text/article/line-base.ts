/**
 * The features of one line that depend on its text alone (given the chrome matcher and the prose
 * thresholds): its key, word count, sentence end, chrome kind, prose status, comment-meta shape
 * and list marker. They are computed once per document: dedupe-headers hands its results to drop-chrome in a
 * {@link LineHandover} instead of both stages scanning every line.
 */
import { endsLikeSentence, lineKey, wordCount, wordsOf } from '../lines.ts'
import type { LineKey } from '../lines.ts'
import type { ProseThresholds } from '../prose.ts'
import { reachesStopwordShare, stopwordRatio } from '../stopwords.ts'
import { isCommentMetaShaped } from '../chrome-match.ts'
import type { ChromeKind, ChromeMatcher } from '../chrome-match.ts'

/** What one line is, before its neighbours are looked at. */
export interface LineBase {
  /** `comparable(text)`, for comparing lines. */
  readonly key: string
  readonly words: number
  /** Ends like a sentence. */
  readonly terminal: boolean
  /** Running prose: long enough, sentence-like, full of function words, not chrome. */
  readonly prose: boolean
  readonly kind: ChromeKind | undefined
  /** Shaped like a comment signature, timestamp or reply button. */
  readonly meta: boolean
  /** Starts with a list marker written in the text ("- ", "• ", "1. "). */
  readonly listItem: boolean
}

/** A list marker typed into the text: a dash, bullet or star, or a number with a period or bracket. */
const LIST_MARKER = /^(?:[-–—•·*▪►✓]|\d{1,2}[.)])\s+\S/u

/**
 * Running prose (as `isProseLine`): long, full of function words, ending like a sentence (or very
 * long). When lowercasing kept the words in place (`aligned`), the words of the key are the
 * lowercased words of the line and serve the stopword count; otherwise the line is tokenised again.
 */
function isProse(text: string, key: LineKey, words: number, terminal: boolean, thresholds: ProseThresholds): boolean {
  if (words < thresholds.minProseWords || !(terminal || words >= thresholds.minProseWords * 2)) return false
  return key.aligned ? reachesStopwordShare(key.flat, words, thresholds.minStopwordRatio) : stopwordRatio(wordsOf(text)) >= thresholds.minStopwordRatio
}

/** The features of one non-blank, trimmed line. */
export function lineBase(text: string, match: ChromeMatcher, thresholds: ProseThresholds): LineBase {
  const key = lineKey(text)
  const words = key.aligned ? key.words : wordCount(text)
  const terminal = endsLikeSentence(text)
  const kind = match.shaped(text, key)
  const prose = kind === undefined && isProse(text, key, words, terminal, thresholds)
  return { key: key.flat, words, terminal, prose, kind, meta: isCommentMetaShaped(text, key), listItem: LIST_MARKER.test(text) }
}

/**
 * The base features of the non-blank lines one stage kept, in order, for the next stage on the
 * same text: dedupe-headers only removes lines (and may rewrite the title line), so the n-th
 * non-blank line drop-chrome reads is the n-th one handed over, unless its text says otherwise.
 */
export interface LineHandover {
  /** Names the matcher and thresholds the features were computed with. */
  readonly config: string
  /** Trimmed texts of the non-blank lines, in order. */
  readonly texts: readonly string[]
  readonly bases: readonly LineBase[]
}

/** Where dedupe-headers leaves its {@link LineHandover} in `doc.meta`; drop-chrome takes it out again. */
export const LINE_HANDOVER_META = 'lineFeatures'

/** Names a matcher and thresholds: features are only handed over between equal settings. */
export function featureConfig(match: ChromeMatcher, thresholds: ProseThresholds): string {
  return `${match.signature}|${thresholds.minProseWords}|${thresholds.minStopwordRatio}`
}

/** `value` when it is a handover made for these settings (e.g. one left in `doc.meta` by an earlier stage). */
export function usableHandover(value: unknown, match: ChromeMatcher, thresholds: ProseThresholds): LineHandover | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const handover = value as Partial<LineHandover>
  const fits = handover.config === featureConfig(match, thresholds) && Array.isArray(handover.texts) && Array.isArray(handover.bases)
  return fits ? (handover as LineHandover) : undefined
}
