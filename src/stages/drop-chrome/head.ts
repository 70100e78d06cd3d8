/**
 * Where the article starts above its first paragraph. The known title wins when it sits within
 * `headLookback` lines above the body; otherwise the headline found by walking up over bylines,
 * dates and chrome lines (`headlineAbove`), else the topmost byline passed on the way.
 */
import { headlineAbove } from '../../text/headline.ts'
import { isBylineOrDate } from '../../text/prose.ts'
import { comparable } from '../../text/lines.ts'
import { backfillStart } from '../../text/article/body.ts'
import type { LineInfo } from '../../text/article/line-features.ts'

/** What the head search needs. */
export interface HeadSettings {
  /** Non-blank lines above the body searched for the title. */
  headLookback: number
  /** Non-blank non-prose lines a prose line above the body may be away and still join it. */
  backfillGap: number
  /** Known title of the document. */
  title?: string
}

function titleAbove(lines: readonly LineInfo[], bodyStart: number, settings: HeadSettings): number | undefined {
  const title = settings.title === undefined ? '' : comparable(settings.title)
  if (title === '') return undefined
  let seen = 0
  for (let index = bodyStart - 1; index >= 0 && seen < settings.headLookback; index -= 1) {
    const line = lines[index] as LineInfo
    if (line.blank) continue
    seen += 1
    if (line.key === title) return index
  }
  return undefined
}

/** The index of the first line of the article, at or above `bodyStart`. */
export function articleStart(lines: readonly LineInfo[], body: number, settings: HeadSettings): number {
  const bodyStart = backfillStart(lines, body, settings.backfillGap)
  const titled = titleAbove(lines, bodyStart, settings)
  if (titled !== undefined) return titled
  const texts = lines.map((line) => line.text)
  const found = headlineAbove(texts, bodyStart, settings.headLookback, (index) => (lines[index] as LineInfo).kind !== undefined)
  return found.headline ?? found.byline ?? bodyStart
}

/** Lines right after the last paragraph that still belong to it: short sentences, a list, a signature. */
function closesArticle(line: LineInfo): boolean {
  if (line.kind !== undefined || line.relatedItem || line.meta) return false
  const introducesList = line.words >= 2 && line.text.endsWith(':')
  return line.listItem || introducesList || (line.terminal && line.words >= 3) || isBylineOrDate(line.text)
}

/** The index of the last line of the article, at or below `bodyEnd` and before `limit` (list items do not count toward the lookahead). */
export function articleEnd(lines: readonly LineInfo[], bodyEnd: number, limit: number, settings: TailSettings): number {
  let end = bodyEnd
  let seen = 0
  for (let index = bodyEnd + 1; index < limit && seen < settings.tailLookahead; index += 1) {
    const line = lines[index] as LineInfo
    if (line.blank) continue
    if (!closesArticle(line)) break
    if (!line.listItem) seen += 1
    end = index
  }
  return end
}

/** What the tail search needs. */
export interface TailSettings {
  /** Non-blank lines below the body that may still close the article. */
  tailLookahead: number
}
