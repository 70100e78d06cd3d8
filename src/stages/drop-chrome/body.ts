/**
 * Finds the main body of a text dump: the densest run of prose lines. Prose lines score their
 * word count, other lines a small penalty (chrome phrases a larger one), and the best-scoring
 * contiguous range (maximum subarray) is the body. Reader comments come after the article, so
 * comment headings split the search (see `findBody`).
 */
import { bestPrefixRange, maxScoreRange } from '../../text/ranges.ts'
import type { ScoredRange } from '../../text/ranges.ts'
import type { LineInfo } from './features.ts'

export type { ScoredRange } from '../../text/ranges.ts'

/** An inclusive range of line indices. */
export interface LineRange {
  start: number
  end: number
}


/** The body found, and the first line of the reader comments (`lines.length` when none). */
export interface BodyLayout {
  body: ScoredRange | undefined
  commentsStart: number
  /** Every line that opens comments, in order. */
  barriers: readonly number[]
}

/** Weights of the body search. */
export interface BodyWeights {
  /** Words a prose line needs before it adds to the body (short one-sentence teasers barely count). */
  proseOffset: number
  shortLinePenalty: number
  /** Extra cost per line of a run of non-prose lines (menus are runs, subheads are single). */
  runGrowth: number
  /** …capped at this much per line. */
  runCap: number
  /** Cost of an item of a related-articles block (its heading costs `chromeLinePenalty`). */
  relatedItemPenalty: number
  /** Cost of a comment signature, timestamp or reply line: it splits a run of comments into small pieces. */
  metaLinePenalty: number
  /** A comment heading opens the comments when this many comment meta lines follow it. */
  minCommentMeta: number
  /** …or when text scoring this much precedes it. */
  commentsAfterScore: number
  chromeLinePenalty: number
  /** A segment before a comment heading is the article when it scores this share of the best one. */
  minSegmentShare: number
  /** …or at least this score (about that many words of prose), whichever is lower. */
  articleScore: number
}

function lineScore(line: LineInfo, weights: BodyWeights): number {
  if (line.blank) return 0
  if (line.relatedItem) return -weights.relatedItemPenalty
  if (line.prose) return line.words - weights.proseOffset
  if (line.kind !== undefined) return -weights.chromeLinePenalty
  return line.meta ? -weights.metaLinePenalty : -weights.shortLinePenalty
}

/** Per-line scores of the body search. */
export function bodyScores(lines: readonly LineInfo[], weights: BodyWeights): number[] {
  let run = 0
  return lines.map((line) => {
    const score = lineScore(line, weights)
    if (line.blank) return 0
    if (line.prose) {
      run = 0
      return score
    }
    run += 1
    return score - Math.min(weights.runGrowth * (run - 1), weights.runCap)
  })
}

/** Moves the start of a range down to its first prose line. */
function trimToProse(lines: readonly LineInfo[], range: ScoredRange | undefined): ScoredRange | undefined {
  if (range === undefined) return undefined
  let first = range.start
  while (first < range.end && !(lines[first] as LineInfo).prose) first += 1
  return { ...range, start: first }
}

/** The best-scoring range that starts at `from` (a prefix), ending on a prose line before `to`. */
export function bestPrefix(lines: readonly LineInfo[], from: number, to: number, weights: BodyWeights): ScoredRange | undefined {
  return trimToProse(lines, bestPrefixRange(bodyScores(lines, weights), from, to, (index) => (lines[index] as LineInfo).prose))
}

/** Maximum-sum contiguous range over `[from, to)`, with its score; undefined when nothing scores above zero. */
export function densestRange(lines: readonly LineInfo[], from: number, to: number, weights: BodyWeights): ScoredRange | undefined {
  return trimToProse(lines, maxScoreRange(bodyScores(lines, weights), from, to, (index) => (lines[index] as LineInfo).prose))
}

/** Non-blank lines after a comment heading searched for comment signatures. */
const COMMENT_WINDOW = 12

/** Comment meta lines among the first `window` non-blank lines of `[from, to)`. */
function metaLinesAfter(lines: readonly LineInfo[], from: number, to: number, window: number): number {
  let meta = 0
  let seen = 0
  for (let index = from; index < to && seen < window; index += 1) {
    const line = lines[index] as LineInfo
    if (line.blank) continue
    seen += 1
    if (line.meta) meta += 1
  }
  return meta
}

/**
 * Lines that open the reader comments: comment-form lines ("Leave a Reply", "4 Responses to
 * “…”"), and comment headings or counts ("Comments", "Add a comment", "12 comments") when comment
 * signatures or timestamps follow them or a whole article precedes them. Otherwise such a line
 * is a link next to the byline.
 */
export function commentBarriers(lines: readonly LineInfo[], weights: BodyWeights): number[] {
  const headings = lines.filter((line) => line.kind === 'comments' || line.kind === 'comment-count' || line.kind === 'comment-form')
  const barriers: number[] = []
  headings.forEach((line, position) => {
    const next = headings[position + 1]?.index ?? lines.length
    const previous = barriers[barriers.length - 1] ?? -1
    const opens =
      line.kind === 'comment-form' ||
      metaLinesAfter(lines, line.index + 1, next, COMMENT_WINDOW) >= weights.minCommentMeta ||
      (densestRange(lines, previous + 1, line.index, weights)?.score ?? 0) >= weights.commentsAfterScore
    if (opens) barriers.push(line.index)
  })
  return barriers
}

/**
 * The main body and where the comments start. Comment headings split the text into segments;
 * the body is the densest range of the first segment that scores `articleScore` or at least
 * `minSegmentShare` of the best one (the article comes before its comments, but a heading above the article, such as
 * "4 Comments" in a byline, must not hide it), and the comments start at the next heading.
 */
export function findBody(lines: readonly LineInfo[], weights: BodyWeights, useComments: boolean): BodyLayout {
  const barriers = useComments ? commentBarriers(lines, weights) : []
  const bounds = [-1, ...barriers, lines.length]
  const ranges: ScoredRange[] = []
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const range = densestRange(lines, (bounds[index] as number) + 1, bounds[index + 1] as number, weights)
    if (range !== undefined) ranges.push(range)
  }
  const top = Math.max(0, ...ranges.map((range) => range.score))
  const enough = Math.min(weights.articleScore, top * weights.minSegmentShare)
  const body = ranges.find((range) => range.score >= enough)
  if (body === undefined) return { body: undefined, commentsStart: lines.length, barriers }
  return { body, commentsStart: barriers.find((index) => index > body.end) ?? lines.length, barriers }
}
