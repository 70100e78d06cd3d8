/**
 * Finds the title of a text dump from its lines, for documents without title metadata:
 * a headline-shaped line repeated near the top (an innerText dump often shows the title twice),
 * else the headline right above the densest run of prose (the h1 above the article, after the
 * menus), found by walking up over bylines, dates and chrome lines.
 */
import type { ChromeMatcher } from '../../text/chrome-match.ts'
import { headlineAbove } from '../../text/headline.ts'
import { comparable, wordsOf } from '../../text/lines.ts'
import { isHeadingLike, isProseLine } from '../../text/prose.ts'
import { maxScoreRange } from '../../text/ranges.ts'

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

/** Words a prose line needs before it counts toward the densest run (as in drop-chrome). */
const PROSE_OFFSET = 10
const OTHER_LINE_COST = 3

function repeatedAtTop(lines: readonly string[], match: ChromeMatcher, window: number): TitleLine | undefined {
  const seen = new Map<string, number>()
  let count = 0
  for (let index = 0; index < lines.length && count < window; index += 1) {
    const text = (lines[index] as string).trim()
    if (text === '') continue
    count += 1
    if (!isHeadingLike(text) || wordsOf(text).length < 4 || match(text) !== undefined) continue
    const key = comparable(text)
    const first = seen.get(key)
    if (first !== undefined) return { index: first, text: (lines[first] as string).trim(), evidence: 'repeated' }
    seen.set(key, index)
  }
  return undefined
}

function aboveDensestProse(lines: readonly string[], match: ChromeMatcher, window: number): TitleLine | undefined {
  const prose = lines.map((line) => line.trim() !== '' && match(line) === undefined && isProseLine(line))
  const scores = lines.map((line, index) => (prose[index] === true ? wordsOf(line).length - PROSE_OFFSET : line.trim() === '' ? 0 : -OTHER_LINE_COST))
  const range = maxScoreRange(scores, 0, lines.length, (index) => prose[index] === true)
  if (range === undefined) return undefined
  let start = range.start
  while (start < range.end && prose[start] !== true) start += 1
  const found = headlineAbove(lines, start, window, (index) => match(lines[index] as string) !== undefined)
  return found.headline === undefined ? undefined : { index: found.headline, text: (lines[found.headline] as string).trim(), evidence: 'headline' }
}

/** The title line of a text dump, or undefined when none is convincing. */
export function findTitleLine(lines: readonly string[], match: ChromeMatcher, search: TitleSearch): TitleLine | undefined {
  return repeatedAtTop(lines, match, search.topWindow) ?? aboveDensestProse(lines, match, search.aboveWindow)
}
