/**
 * Maximum-sum ranges over per-line scores (Kadane): the densest run of good lines, with bad
 * lines as negative scores. Shared by the stages that look for the main body of a text dump.
 */

/** An inclusive range of indexes and its total score. */
export interface ScoredRange {
  start: number
  end: number
  score: number
}

/**
 * The range of `[from, to)` with the highest total score that ends on an index where
 * `canEnd` holds; undefined when no such range scores above zero.
 */
export function maxScoreRange(scores: readonly number[], from: number, to: number, canEnd: (index: number) => boolean): ScoredRange | undefined {
  let best: ScoredRange | undefined
  let start = from
  let score = 0
  for (let index = from; index < to; index += 1) {
    if (score <= 0) {
      start = index
      score = 0
    }
    score += scores[index] ?? 0
    if (score > (best?.score ?? 0) && canEnd(index)) best = { start, end: index, score }
  }
  return best
}

/** The best-scoring range that starts exactly at `from` and ends where `canEnd` holds, before `to`. */
export function bestPrefixRange(scores: readonly number[], from: number, to: number, canEnd: (index: number) => boolean): ScoredRange | undefined {
  let best: ScoredRange | undefined
  let score = 0
  for (let index = from; index < to; index += 1) {
    score += scores[index] ?? 0
    if (score > (best?.score ?? 0) && canEnd(index)) best = { start: from, end: index, score }
  }
  return best
}
