/**
 * Title anchoring: the article follows its headline. When the title is known (metadata, or
 * found by dedupe-headers) and a line of the text equals it, the best run of prose right below
 * that line is the body, unless the densest run elsewhere is far stronger (a title repeated in
 * a teaser list must not pull the body away from the real article).
 */
import { comparable } from '../../text/lines.ts'
import type { BodyLayout, BodySearch, ScoredRange } from '../../text/article/body.ts'

/** The layout with its body moved below the title line when that run scores `share` of the body. */
export function anchorToTitle(search: BodySearch, layout: BodyLayout, title: string | undefined, share: number): BodyLayout {
  const lines = search.lines
  const body = layout.body
  const key = title === undefined ? '' : comparable(title)
  if (body === undefined || key === '') return layout
  let best: ScoredRange | undefined
  for (const line of lines) {
    if (line.blank || line.key !== key) continue
    const limit = layout.barriers.find((index) => index > line.index) ?? lines.length
    const range = search.prefix(line.index + 1, limit)
    if (range !== undefined && range.score > (best?.score ?? 0)) best = range
  }
  if (best === undefined || best.score < body.score * share) return layout
  const end = best.end
  return { ...layout, body: best, commentsStart: layout.barriers.find((index) => index > end) ?? lines.length }
}
