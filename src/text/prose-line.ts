/**
 * What a line of prose looks like, as against a heading, a menu or a list of links: the line
 * joins (line-continuation.ts, line-asides.ts) ask it of the line a sentence would go on from.
 */
import { wordRuns } from './word-runs.ts'

/** Words of `line` that start in lowercase. */
export function lowercaseWords(line: string): number {
  return line.match(/(?:^|\s)\p{Ll}+/gu)?.length ?? 0
}

/** Lines that are not a sentence's first half: a separator bar or a URL (menus, bylines, tweets). */
export const NOT_PROSE = /\||:\/\//u

/** A line of at least five words of prose: not a title, no separator bar, no URL. */
export function proseLine(top: string): boolean {
  return wordRuns(top) >= 5 && !looksLikeTitle(top) && !NOT_PROSE.test(top)
}

/** Headings capitalise most words ("Cities In Ukraine Are Bombed"). */
export function looksLikeTitle(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? []
  return words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 > words.length
}
