/**
 * The ScrapingHub article-extraction-benchmark metric, exactly as the reference scorer
 * `../shared/tools/score.py` implements it, so eval figures compare with published ones and with
 * that script to the last decimal:
 *
 * - tokens: every match of `\w+` with Python's Unicode semantics. Python's `\w` is
 *   `str.isalnum()` plus `_`: letters (L*) and numbers (N*), but NOT combining marks (M*).
 *   JavaScript's `\w` is ASCII-only, so we use `[\p{L}\p{N}_]`; checked code point by code
 *   point against Python 3.11: the two differ only on code points Python's older Unicode
 *   database leaves unassigned.
 * - per page: multisets of 4-token shingles; tp/fp/fn divided by tp+fp+fn.
 * - precision = mean page precision over pages with a non-empty prediction; recall = mean page
 *   recall over pages with a non-empty truth; F1 = 2PR/(P+R) of the means.
 * - accuracy = share of pages whose token sequence equals the truth's.
 */
import { createMt19937 } from './mt19937.ts'

/** Python's `\w+` (re.UNICODE) in JavaScript: letters, numbers and underscore. */
export const WORD_RE = /[\p{L}\p{N}_]+/gu

/** The benchmark's shingle size. */
export const NGRAM = 4

/** Splits a text into word tokens; punctuation and whitespace only separate. */
export function tokenize(text: string | undefined | null): string[] {
  if (!text) return []
  return text.match(WORD_RE) ?? []
}

/** Multiset of n-token shingles; fewer than n tokens give one shorter shingle, none give none. */
export function shingles(tokens: readonly string[], n = NGRAM): Map<string, number> {
  const out = new Map<string, number>()
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n)
    if (shingle.length === 0) continue
    // Tokens never contain a space, so joining with one is a faithful tuple key.
    const key = shingle.join(' ')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

/** Normalised true positives, false positives and false negatives of one page. */
export interface PageCounts {
  tp: number
  fp: number
  fn: number
}

/** Counts one page from token lists (tokenize once, reuse for accuracy). */
export function countTokens(truth: readonly string[], prediction: readonly string[], n = NGRAM): PageCounts {
  const t = shingles(truth, n)
  const p = shingles(prediction, n)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0
    const pc = p.get(key) ?? 0
    tp += Math.min(tc, pc)
    fp += Math.max(0, pc - tc)
    fn += Math.max(0, tc - pc)
  }
  const sum = tp + fp + fn
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn }
}

/** Counts one page from texts. */
export function pageCounts(truth: string, prediction: string, n = NGRAM): PageCounts {
  return countTokens(tokenize(truth), tokenize(prediction), n)
}

/** Page precision: 1 when nothing is extra or missing, 0 when nothing was predicted. */
export function precisionScore({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fp === 0) return 0
  return tp / (tp + fp)
}

/** Page recall: 1 when nothing is extra or missing, 0 when the truth is empty. */
export function recallScore({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fn === 0) return 0
  return tp / (tp + fn)
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** The three headline figures. NaN where a mean has no pages (JSON: null). */
export interface Metrics {
  f1: number
  precision: number
  recall: number
}

/** Macro precision and recall over the pages where each is defined, F1 of those means. */
export function aggregate(counts: readonly PageCounts[]): Metrics {
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(precisionScore))
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(recallScore))
  if (precision + recall > 0) return { f1: (2 * precision * recall) / (precision + recall), precision, recall }
  return { f1: Number.isNaN(precision) || Number.isNaN(recall) ? Number.NaN : 0, precision, recall }
}

/** One page's score; null where score.py prints nan (nothing to measure). */
export interface PageScore {
  id: string
  precision: number | null
  recall: number | null
  f1: number | null
  exact: boolean
  missing: boolean
  counts: PageCounts
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index])
}

/** Scores one page the way score.py's `evaluate` does. */
export function scorePage(id: string, truth: string, prediction: string | undefined, n = NGRAM): PageScore {
  const t = tokenize(truth)
  const p = tokenize(prediction ?? '')
  const counts = countTokens(t, p, n)
  const precision = counts.tp + counts.fp > 0 ? precisionScore(counts) : null
  const recall = counts.tp + counts.fn > 0 ? recallScore(counts) : null
  let f1: number | null
  if (precision === null && recall === null) f1 = null
  else if (precision === null || recall === null || precision + recall === 0) f1 = 0
  else f1 = (2 * precision * recall) / (precision + recall)
  return { id, precision, recall, f1, exact: sameTokens(t, p), missing: prediction === undefined, counts }
}

/** Headline figures plus accuracy and, when asked, bootstrap standard deviations. */
export interface Summary extends Metrics {
  accuracy: number
  f1_std?: number
  precision_std?: number
  recall_std?: number
  accuracy_std?: number
}

/** Scores a run: every truth page, in id order; a page absent from `predictions` is empty. */
export function evaluate(truth: ReadonlyMap<string, string>, predictions: ReadonlyMap<string, string>, options: { bootstrap?: number; seed?: number } = {}): { summary: Summary; pages: PageScore[] } {
  const ids = [...truth.keys()].sort(comparePython)
  const pages = ids.map((id) => scorePage(id, truth.get(id) as string, predictions.get(id)))
  const counts = pages.map((page) => page.counts)
  const accuracies = pages.map((page) => (page.exact ? 1 : 0))
  const summary: Summary = { ...aggregate(counts), accuracy: mean(accuracies) }
  if ((options.bootstrap ?? 0) > 0) Object.assign(summary, bootstrap(counts, accuracies, options.bootstrap as number, options.seed ?? 0))
  return { summary, pages }
}

/** Python sorts strings by code point; JS `<` on strings compares UTF-16 units (same for BMP ids). */
export function comparePython(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function sampleStd(values: readonly number[]): number {
  const clean = values.filter((value) => !Number.isNaN(value))
  if (clean.length < 2) return 0
  const m = mean(clean)
  return Math.sqrt(clean.reduce((sum, value) => sum + (value - m) ** 2, 0) / (clean.length - 1))
}

/**
 * Standard deviation over bootstrap resamples of the pages, drawn with Python's Mersenne Twister
 * and `randrange` so the same seed resamples the same pages as score.py.
 */
export function bootstrap(counts: readonly PageCounts[], accuracies: readonly number[], resamples: number, seed: number): Required<Pick<Summary, 'f1_std' | 'precision_std' | 'recall_std' | 'accuracy_std'>> {
  const random = createMt19937(seed)
  const samples = { f1: [] as number[], precision: [] as number[], recall: [] as number[], accuracy: [] as number[] }
  const size = counts.length
  for (let r = 0; r < resamples; r++) {
    const index = Array.from({ length: size }, () => random.randrange(size))
    const metrics = aggregate(index.map((i) => counts[i] as PageCounts))
    samples.f1.push(metrics.f1)
    samples.precision.push(metrics.precision)
    samples.recall.push(metrics.recall)
    samples.accuracy.push(mean(index.map((i) => accuracies[i] as number)))
  }
  return { f1_std: sampleStd(samples.f1), precision_std: sampleStd(samples.precision), recall_std: sampleStd(samples.recall), accuracy_std: sampleStd(samples.accuracy) }
}
