/**
 * Finds the main body of a text dump: the densest run of prose lines. Prose lines score their
 * word count, other lines a small penalty (chrome phrases a larger one), and the best-scoring
 * contiguous range (maximum subarray) is the body. Reader comments come after the article, so
 * the search stops at the first comment heading that follows enough prose.
 */
import type { LineInfo } from './features.ts'

/** An inclusive range of line indices. */
export interface LineRange {
  start: number
  end: number
}

/** Weights of the body search. */
export interface BodyWeights {
  shortLinePenalty: number
  chromeLinePenalty: number
  minWordsBeforeComments: number
}

function lineScore(line: LineInfo, weights: BodyWeights): number {
  if (line.blank) return 0
  if (line.prose) return line.words
  return line.kind === undefined ? -weights.shortLinePenalty : -weights.chromeLinePenalty
}

/** Maximum-sum contiguous range over `[0, limit)`; undefined when no prose scores above zero. */
export function densestRange(lines: readonly LineInfo[], limit: number, weights: BodyWeights): LineRange | undefined {
  let best: LineRange | undefined
  let bestScore = 0
  let start = 0
  let score = 0
  for (let index = 0; index < limit; index += 1) {
    const line = lines[index] as LineInfo
    if (score <= 0) {
      start = index
      score = 0
    }
    score += lineScore(line, weights)
    if (score > bestScore && line.prose) {
      bestScore = score
      best = { start, end: index }
    }
  }
  if (best === undefined) return undefined
  let first = best.start
  while (first < best.end && !(lines[first] as LineInfo).prose) first += 1
  return { start: first, end: best.end }
}

/**
 * Index of the line that opens the comments: the first comment heading or comment-form line
 * after at least `minWordsBeforeComments` words of prose. `lines.length` when there is none.
 */
export function commentsStart(lines: readonly LineInfo[], weights: BodyWeights): number {
  let proseWords = 0
  for (const line of lines) {
    if (line.prose) proseWords += line.words
    const opens = line.kind === 'comments' || line.kind === 'comment-form'
    if (opens && proseWords >= weights.minWordsBeforeComments) return line.index
  }
  return lines.length
}
