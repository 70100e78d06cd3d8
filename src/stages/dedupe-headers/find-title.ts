/**
 * Finds the title of a text dump from its lines, for documents without title metadata:
 * a heading-like line repeated near the top (an innerText dump often shows the title twice),
 * else the last heading-like line right above the first paragraph of prose (the h1 above the
 * article, after the menus), skipping bylines, dates and chrome lines in between.
 */
import type { ChromeMatcher } from '../../text/chrome-match.ts'
import { comparable, wordsOf } from '../../text/lines.ts'
import { isBylineOrDate, isHeadingLike, isProseLine } from '../../text/prose.ts'

/** Where the title was found: the line index and its text. */
export interface TitleLine {
  index: number
  text: string
}

/** How far to look: non-blank lines at the top, and non-blank lines above the first paragraph. */
export interface TitleSearch {
  topWindow: number
  aboveWindow: number
}

function nonBlankIndexes(lines: readonly string[]): number[] {
  const out: number[] = []
  lines.forEach((line, index) => {
    if (line.trim() !== '') out.push(index)
  })
  return out
}

function repeatedAtTop(lines: readonly string[], indexes: readonly number[], match: ChromeMatcher, window: number): TitleLine | undefined {
  const seen = new Map<string, number>()
  for (const index of indexes.slice(0, window)) {
    const text = (lines[index] as string).trim()
    if (!isHeadingLike(text) || wordsOf(text).length < 4 || match(text) !== undefined) continue
    const key = comparable(text)
    const first = seen.get(key)
    if (first !== undefined) return { index: first, text: (lines[first] as string).trim() }
    seen.set(key, index)
  }
  return undefined
}

function aboveFirstProse(lines: readonly string[], indexes: readonly number[], match: ChromeMatcher, window: number): TitleLine | undefined {
  const first = indexes.findIndex((index) => isProseLine(lines[index] as string) && match(lines[index] as string) === undefined)
  if (first < 0) return undefined
  for (let position = first - 1; position >= 0 && position >= first - window; position -= 1) {
    const index = indexes[position] as number
    const text = (lines[index] as string).trim()
    if (match(text) !== undefined || isBylineOrDate(text)) continue
    if (isHeadingLike(text)) return { index, text }
  }
  return undefined
}

/** The title line of a text dump, or undefined when none is convincing. */
export function findTitleLine(lines: readonly string[], match: ChromeMatcher, search: TitleSearch): TitleLine | undefined {
  const indexes = nonBlankIndexes(lines)
  return repeatedAtTop(lines, indexes, match, search.topWindow) ?? aboveFirstProse(lines, indexes, match, search.aboveWindow)
}
