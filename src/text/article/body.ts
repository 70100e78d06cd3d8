/**
 * Finds the main body of a text dump (shared by dedupe-headers and drop-chrome): the densest run of prose lines. A prose line scores its
 * words minus `proseOffset` (so one-sentence teasers barely count), other lines cost a penalty
 * by kind, and the best-scoring contiguous range (maximum subarray) is the body. Reader
 * comments come after the article, so comment headings split the search (see `findBody`).
 */
import { bestPrefixRange, maxScoreRange } from '../ranges.ts'
import type { ScoredRange } from '../ranges.ts'
import type { LineInfo } from './line-features.ts'

export type { ScoredRange } from '../ranges.ts'

/** The body found, and the first line of the reader comments (`lines.length` when none). */
export interface BodyLayout {
  body: ScoredRange | undefined
  commentsStart: number
  /** Every line that opens comments, in order. */
  barriers: readonly number[]
}

/** Weights of the body search (drop-chrome exposes them as options, with these defaults). */
export interface BodyWeights {
  /** Words a prose line needs before it adds to the body, so one-sentence teasers barely count. */
  proseOffset: number
  /** Cost of a short non-prose line. */
  shortLinePenalty: number
  /** Cost of an item of a related-articles block or a teaser (its heading costs `chromeLinePenalty`). */
  relatedItemPenalty: number
  /** Cost of a comment signature, timestamp or reply line: it splits a run of comments into small pieces. */
  metaLinePenalty: number
  /** Cost of a line matching a chrome phrase. */
  chromeLinePenalty: number
  /** A comment heading opens the comments when this many comment meta lines follow it… */
  minCommentMeta: number
  /** …or when text scoring this much precedes it. */
  commentsAfterScore: number
  /** Text before a comment barrier is the article when it scores this share of the best part… */
  minSegmentShare: number
  /** …or this much (about as many words of prose), whichever is lower. */
  articleScore: number
}

/** Defaults measured on the development corpus (500 real pages, txt track). */
export const DEFAULT_BODY_WEIGHTS: Readonly<BodyWeights> = {
  proseOffset: 10,
  shortLinePenalty: 3,
  relatedItemPenalty: 3,
  metaLinePenalty: 20,
  chromeLinePenalty: 20,
  minCommentMeta: 2,
  commentsAfterScore: 100,
  minSegmentShare: 0.15,
  articleScore: 60,
}

/** Dense-range queries over one document, with the line scores computed once. */
export interface BodySearch {
  readonly lines: readonly LineInfo[]
  /** The body-search score of one line. */
  score(index: number): number
  /** Maximum-sum range of `[from, to)` ending on prose, started at its first prose line. */
  densest(from: number, to: number): ScoredRange | undefined
  /** Best range starting at `from` and ending on prose before `to`, started at its first prose line. */
  prefix(from: number, to: number): ScoredRange | undefined
}

/** A line's score: prose adds, other lines cost; typed list items are neutral, so a list does not split an article. */
function lineScore(line: LineInfo, weights: BodyWeights): number {
  if (line.blank) return 0
  if (line.relatedItem) return -weights.relatedItemPenalty
  if (line.prose) return line.words - weights.proseOffset
  if (line.kind !== undefined) return -weights.chromeLinePenalty
  if (line.listItem) return 0
  return line.meta ? -weights.metaLinePenalty : -weights.shortLinePenalty
}

/** Prepares the dense-range queries of one document. */
export function createBodySearch(lines: readonly LineInfo[], weights: BodyWeights): BodySearch {
  const scores = lines.map((line) => lineScore(line, weights))
  const isProse = (index: number): boolean => (lines[index] as LineInfo).prose
  const toProse = (range: ScoredRange | undefined): ScoredRange | undefined => {
    if (range === undefined) return undefined
    let first = range.start
    while (first < range.end && !isProse(first)) first += 1
    return { ...range, start: first }
  }
  return {
    lines,
    score: (index) => scores[index] ?? 0,
    densest: (from, to) => toProse(maxScoreRange(scores, from, to, isProse)),
    prefix: (from, to) => toProse(bestPrefixRange(scores, from, to, isProse)),
  }
}

/** Non-blank lines after a comment heading searched for comment signatures. */
const COMMENT_WINDOW = 12

/** Comment meta lines among the first `window` non-blank lines from `from`, up to the next comment heading. */
function metaLinesAfter(lines: readonly LineInfo[], from: number, window: number): number {
  let meta = 0
  let seen = 0
  for (let index = from; index < lines.length && seen < window; index += 1) {
    const line = lines[index] as LineInfo
    if (line.blank) continue
    if (line.kind === 'comments' || line.kind === 'comment-count' || line.kind === 'comment-form') break
    seen += 1
    if (line.meta) meta += 1
  }
  return meta
}

/** Running maximum-subarray state, for scanning once while barriers reset it. */
interface Running {
  sum: number
  best: number
}

/**
 * Lines that open the reader comments: comment-form lines ("Leave a Reply", "4 Responses to
 * “…”"), and comment headings or counts ("Comments", "Add a comment", "12 comments") when comment
 * signatures or timestamps follow them or a whole article precedes them (since the previous
 * barrier). Otherwise such a line is a link next to the byline. One pass over the lines.
 */
export function commentBarriers(search: BodySearch, weights: BodyWeights): number[] {
  const lines = search.lines
  const barriers: number[] = []
  const running: Running = { sum: 0, best: 0 }
  for (const line of lines) {
    const heading = line.kind === 'comments' || line.kind === 'comment-count' || line.kind === 'comment-form'
    if (heading && opensComments(search, line, running.best, weights)) {
      barriers.push(line.index)
      running.sum = 0
      running.best = 0
      continue
    }
    running.sum = Math.max(0, running.sum) + search.score(line.index)
    if (line.prose) running.best = Math.max(running.best, running.sum)
  }
  return barriers
}

function opensComments(search: BodySearch, line: LineInfo, scoreBefore: number, weights: BodyWeights): boolean {
  if (line.kind === 'comment-form' || scoreBefore >= weights.commentsAfterScore) return true
  return metaLinesAfter(search.lines, line.index + 1, COMMENT_WINDOW) >= weights.minCommentMeta
}

/**
 * The main body and where the comments start. Comment barriers split the text into segments;
 * the body is the densest range of the first segment that scores `articleScore`, or at least
 * `minSegmentShare` of the best segment, whichever is lower (the article comes before its
 * comments, but a small blurb above a "4 Comments" link must not take its place), and the
 * comments start at the next barrier.
 */
export function findBody(search: BodySearch, weights: BodyWeights, useComments: boolean): BodyLayout {
  const size = search.lines.length
  const barriers = useComments ? commentBarriers(search, weights) : []
  const bounds = [-1, ...barriers, size]
  const ranges: ScoredRange[] = []
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const range = search.densest((bounds[index] as number) + 1, bounds[index + 1] as number)
    if (range !== undefined) ranges.push(range)
  }
  const top = Math.max(0, ...ranges.map((range) => range.score))
  const enough = Math.min(weights.articleScore, top * weights.minSegmentShare)
  const body = ranges.find((range) => range.score >= enough)
  if (body === undefined) return { body: undefined, commentsStart: size, barriers }
  return { body, commentsStart: barriers.find((index) => index > body.end) ?? size, barriers }
}

/** Non-prose lines a paragraph above the body may be away and still join it (see {@link backfillStart}). */
export const DEFAULT_BACKFILL_GAP = 3

/**
 * Moves a body start up over small gaps: while a prose line sits within `gap` non-blank lines
 * above the start, with only short or meta lines between (a subhead, an event date, a caption),
 * the body starts there. The densest range can begin a paragraph late when such a gap costs
 * more than the first paragraph scores.
 */
export function backfillStart(lines: readonly LineInfo[], start: number, gap: number): number {
  let first = start
  let seen = 0
  for (let index = start - 1; index >= 0 && seen <= gap; index -= 1) {
    const line = lines[index] as LineInfo
    if (line.blank) continue
    if (line.kind !== undefined || line.relatedItem) break
    if (line.prose) {
      first = index
      seen = 0
    } else seen += 1
  }
  return first
}
