/**
 * Paragraphs whose lines stand apart though they end without a stop: verse, lists and
 * addresses. The line joins (garble-lines.ts) leave such a paragraph as it is.
 */
import { endsWithStop, reachesStop } from './line-ends.ts'
import { wordRuns } from './word-runs.ts'

/** A quote's or comment's signature under a finished line: a dash and a name ("--Kenneth Burke"), or a name alone ("Larry Sheldon"). */
const SIGNATURE = /^(?:(?:--?|[–—])\s*\p{Lu}[^.!?]*|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u

/** Verse, lists and addresses: three or more lines, all of them short, most without a stop; a signature under the last one is not a line of verse. */
export function looksLikeVerse(all: readonly string[]): boolean {
  const signed = all.length >= 2 && SIGNATURE.test((all[all.length - 1] as string).trim()) && reachesStop((all[all.length - 2] as string).trimEnd())
  const lines = signed ? all.slice(0, -1) : all
  if (lines.length < 3) return false
  const longest = Math.max(...lines.map(wordRuns))
  const stopped = lines.filter((line) => endsWithStop(line.trimEnd(), '.!?', '"\'”’)]')).length
  return longest < 12 && stopped * 2 < lines.length
}
