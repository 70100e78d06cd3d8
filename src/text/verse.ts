/**
 * Paragraphs whose lines stand apart though they end without a stop: verse, lists and
 * addresses. The line joins (garble-lines.ts) leave such a paragraph as it is.
 */
import { endsWithStop, reachesStop } from './line-ends.ts'
import { wordRuns } from './word-runs.ts'

/** A quote's or comment's signature under a finished line: a dash and a name ("--Kenneth Burke"), or a name alone ("Larry Sheldon"). */
const SIGNATURE = /^(?:(?:--?|[–—])\s*\p{Lu}[^.!?]*|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/u

/** Words two signed lines of prose hold at least; fewer is an address ("221B Baker St.⏎London") or a couplet. */
const SIGNED_PROSE_WORDS = 10

/**
 * Two lines and a signature under them ("The nature of⏎our terms affects … observations.⏎--Kenneth
 * Burke"): one sentence signed, not three lines of verse, when the second line reaches a stop, the
 * first ends without a mark (a couplet's first line ends in a comma: "Hope is the thing with
 * feathers,") and the two are long enough for prose. Longer signed poems stay verse by the count.
 */
function signedSentence(lines: readonly string[]): boolean {
  const [first, second, signature] = lines as [string, string, string]
  if (lines.length !== 3 || !SIGNATURE.test(signature.trim()) || !reachesStop(second.trimEnd())) return false
  return !/[,;:]$/u.test(first.trimEnd()) && wordRuns(first) + wordRuns(second) >= SIGNED_PROSE_WORDS
}

/** Verse, lists and addresses: three or more lines, all of them short, most without a stop; not one sentence and its signature. */
export function looksLikeVerse(lines: readonly string[]): boolean {
  if (lines.length < 3 || signedSentence(lines)) return false
  const longest = Math.max(...lines.map(wordRuns))
  const stopped = lines.filter((line) => endsWithStop(line.trimEnd(), '.!?', '"\'”’)]')).length
  return longest < 12 && stopped * 2 < lines.length
}
