/**
 * Finds the title of a text dump from its lines, for documents without title metadata:
 * a headline-shaped line repeated near the top (an innerText dump often shows the title twice),
 * else the headline right above the article's first paragraph (the h1 after the menus), where
 * the article is found as drop-chrome finds it (`src/text/article/`) and the headline by walking
 * up over bylines, dates and chrome lines.
 */
import type { ChromeMatcher } from '../../text/chrome-match.ts'
import { headlineAbove } from '../../text/headline.ts'
import { comparable, wordCount } from '../../text/lines.ts'
import { isHeadingLike } from '../../text/prose.ts'
import { backfillStart, createBodySearch, DEFAULT_BACKFILL_GAP, DEFAULT_BODY_WEIGHTS, findBody } from '../../text/article/body.ts'
import type { DocLines } from '../../text/article/doc-lines.ts'

/** Where the title was found: the line index, its text, and which evidence found it. */
export interface TitleLine {
  index: number
  text: string
  /** `repeated`: shown twice near the top (strong); `headline`: the heading above the densest prose (a guess). */
  evidence: 'repeated' | 'headline'
}

/** How far to look: non-blank lines at the top, and non-blank lines above the first paragraph. */
export interface TitleSearch {
  topWindow: number
  aboveWindow: number
}

function repeatedAtTop(lines: readonly string[], match: ChromeMatcher, window: number): TitleLine | undefined {
  const seen = new Map<string, number>()
  let count = 0
  for (let index = 0; index < lines.length && count < window; index += 1) {
    const text = (lines[index] as string).trim()
    if (text === '') continue
    count += 1
    if (!isHeadingLike(text) || wordCount(text) < 4 || match(text) !== undefined) continue
    const key = comparable(text)
    const first = seen.get(key)
    if (first !== undefined) return { index: first, text: (lines[first] as string).trim(), evidence: 'repeated' }
    seen.set(key, index)
  }
  return undefined
}

/**
 * The headline above the article's first paragraph. A line the chrome matcher knows is never
 * the headline, even where the features let it be (a "Leave a comment!" link by the byline is
 * kept as a line when no comments follow, but it is no title).
 */
function aboveArticle(doc: DocLines, match: ChromeMatcher, window: number): TitleLine | undefined {
  const lines = doc.lines
  const infos = doc.features()
  const { body } = findBody(createBodySearch(infos, DEFAULT_BODY_WEIGHTS), DEFAULT_BODY_WEIGHTS, true)
  if (body === undefined) return undefined
  const start = backfillStart(infos, body.start, DEFAULT_BACKFILL_GAP)
  const found = headlineAbove(lines, start, window, (index) => infos[index]?.kind !== undefined || match((lines[index] as string).trim()) !== undefined)
  return found.headline === undefined ? undefined : { index: found.headline, text: (lines[found.headline] as string).trim(), evidence: 'headline' }
}

/** The title line of a text dump, or undefined when none is convincing; the article search uses the features of `doc`. */
export function findTitleLine(doc: DocLines, match: ChromeMatcher, search: TitleSearch): TitleLine | undefined {
  return repeatedAtTop(doc.lines, match, search.topWindow) ?? aboveArticle(doc, match, search.aboveWindow)
}
