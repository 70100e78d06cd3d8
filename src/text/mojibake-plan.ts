/**
 * Decides, for one line and one code page, which mojibake candidates to repair. Candidates are
 * grouped by word ("clusters": all sequences inside one whitespace-delimited word, or words
 * joined by a space that stood for a no-break space); each cluster is weighed by how much the
 * repair lowers its badness (mojibake-cost.ts). A cluster is repaired when the drop is clear
 * (≥ {@link STRONG_GAIN}), or when it is positive and the same line already has a clear one:
 * mojibake rarely comes alone, and the line is the unit in which text was mis-decoded.
 */
import { rarityOf } from './char-class.ts'
import { CODE_PAGES } from './codepages.ts'
import type { CodePage } from './codepages.ts'
import { mojibakeCost } from './mojibake-cost.ts'
import { scanSequences } from './mojibake-scan.ts'
import type { SequenceMatch } from './mojibake-scan.ts'

/** Badness a cluster must lose to be repaired on its own evidence. */
const STRONG_GAIN = 2

/** The repairs chosen for one line in one code page, with their total gain. */
export interface LinePlan {
  page: CodePage
  matches: SequenceMatch[]
  gain: number
  /**
   * Every non-ASCII character of the line was part of a candidate, all were taken and left
   * flawless text: the line reads consistently in this code page and no other needs trying.
   */
  complete: boolean
}

interface Cluster {
  start: number
  end: number
  matches: SequenceMatch[]
  gain: number
  /** Badness after the repair (and any deeper layers). */
  after: number
}

/** Layers of mojibake looked through when weighing a repair (three covers "Ã¢â‚¬â„¢"-style triples). */
const LOOKAHEAD = 2

/** Code pages rarely behind web mojibake: their repairs must produce flawless text. */
const STRICT_PAGES = new Set(['macintosh', 'cp437'])

const WINDOWS_1252 = CODE_PAGES[0] as CodePage

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t'
}

function wordStart(line: string, index: number): number {
  let start = index
  while (start > 0 && !isBlank(line[start - 1])) start -= 1
  return start
}

function wordEnd(line: string, index: number): number {
  let end = index
  while (end < line.length && !isBlank(line[end])) end += 1
  return end
}

/** Groups matches by word: a gap with a space or tab starts a new cluster. */
function clustersOf(line: string, matches: readonly SequenceMatch[]): Cluster[] {
  const clusters: Cluster[] = []
  let current: Cluster | undefined
  for (const match of matches) {
    const gap = current === undefined ? ' ' : line.slice(current.end, match.start)
    if (current !== undefined && !/[ \t]/.test(gap)) {
      current.matches.push(match)
      current.end = match.end
      continue
    }
    current = { start: match.start, end: match.end, matches: [match], gain: 0, after: 0 }
    clusters.push(current)
  }
  for (const cluster of clusters) {
    cluster.start = wordStart(line, cluster.start)
    cluster.end = wordEnd(line, cluster.end)
  }
  return clusters
}

/** The text of `cluster` with its matches replaced. */
function repairedText(line: string, cluster: Cluster): string {
  let result = ''
  let at = cluster.start
  for (const match of cluster.matches) {
    result += line.slice(at, match.start) + match.text
    at = match.end
  }
  return result + line.slice(at, cluster.end)
}

const CLITIC = /^(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/u

/**
 * Extra cost of a repair that eats punctuation standing where writing puts it: an apostrophe
 * before an English clitic ("A’s", "DON’T") or an ellipsis that ends a word ("VOCÊ…").
 */
function destroyedPunctuation(line: string, match: SequenceMatch): number {
  const last = line[match.end - 1]
  const rest = line.slice(match.end, match.end + 4)
  if ((last === '’' || last === "'") && CLITIC.test(rest)) return 2
  if (last === '…' && !/^[\p{L}\p{N}]/u.test(rest)) return 1
  return 0
}

/** Evidence that stands on its own: all bytes present or lost to U+FFFD, no stand-in space or "?". */
function isSolid(match: SequenceMatch): boolean {
  return !match.question && !match.space
}

/**
 * Prior evidence of a match beyond badness: three- and four-byte sequences are long coincidences
 * in real text (a vowel and two particular symbols), most of all when they decode to punctuation,
 * symbols or emoji, the characters most often mangled this way.
 */
function sequenceBonus(match: SequenceMatch): number {
  if (!isSolid(match) || match.lossy || match.end - match.start < 3) return 0
  const code = match.text.codePointAt(0) ?? 0
  return (code >= 0x2000 && code <= 0x2bff) || (code >= 0xff00 && code <= 0xffef) || code >= 0x1f000 ? 2 : 1
}

/** Repairs every solid match of `page` in `text`, used to look one layer deeper. */
function repairAll(text: string, page: CodePage): string {
  let result = ''
  let at = 0
  for (const match of scanSequences(text, page)) {
    if (!isSolid(match)) continue
    result += text.slice(at, match.start) + match.text
    at = match.end
  }
  return at === 0 ? text : result + text.slice(at)
}

/**
 * Badness of `text` once any further layers are undone: the middle layer of double mojibake
 * ("Â£" between "Г‚ВЈ" and "£") is no better than the outside, only the inside is. Looks in the
 * same code page and in windows-1252, the usual partners, up to {@link LOOKAHEAD} layers.
 */
function settledCost(text: string, page: CodePage, depth = LOOKAHEAD): number {
  const cost = mojibakeCost(text)
  if (cost === 0 || depth === 0) return cost
  let best = cost
  for (const next of page === WINDOWS_1252 ? [page] : [page, WINDOWS_1252]) {
    const deeper = repairAll(text, next)
    if (deeper !== text) best = Math.min(best, settledCost(deeper, next, depth - 1))
  }
  return best
}

function evaluate(line: string, cluster: Cluster, page: CodePage): void {
  const before = mojibakeCost(line.slice(cluster.start, cluster.end))
  cluster.after = settledCost(repairedText(line, cluster), page)
  const penalty = cluster.matches.reduce((sum, match) => sum + destroyedPunctuation(line, match), 0)
  const bonus = cluster.matches.reduce((sum, match) => sum + sequenceBonus(match), 0)
  cluster.gain = before - cluster.after - penalty + bonus
}

/** Non-ASCII text outside every match: the line is partly correct, so be stricter. */
function hasCleanNonAscii(line: string, matches: readonly SequenceMatch[]): boolean {
  let at = 0
  for (const match of [...matches, { start: line.length, end: line.length }]) {
    if (/[^\u0000-\u009F\u00A0\uFFFD]/.test(line.slice(at, match.start))) return true
    at = match.end
  }
  return false
}

/**
 * Repairs never produce unassigned, private-use or other characters no text is made of. C1
 * controls (weight 4) stay candidates: they are the middle layer of double mojibake.
 */
function isImplausible(match: SequenceMatch): boolean {
  return rarityOf(match.text.codePointAt(0) ?? 0) === 3
}

/** Matches that would only turn "Ã" + space into "à": the à rule in mojibake.ts handles those. */
function isSpacedAGrave(match: SequenceMatch): boolean {
  return match.space && match.text === 'à'
}

/**
 * Plans the repairs of `line` in `page`: clusters with a clear gain, plus weaker ones when a
 * clear one exists. In a line that also holds correct non-ASCII text, a single two-byte pair is
 * not enough evidence (a real "Ã¥" next to a real "–" is as likely a name as a mistake).
 */
export function planLine(line: string, page: CodePage, repairedBefore: boolean): LinePlan | undefined {
  const matches = scanSequences(line, page).filter((match) => !isSpacedAGrave(match) && !isImplausible(match))
  if (matches.length === 0) return undefined
  const clusters = clustersOf(line, matches)
  for (const cluster of clusters) evaluate(line, cluster, page)
  const strict = STRICT_PAGES.has(page.name)
  const strong = clusters.some((cluster) => cluster.gain >= STRONG_GAIN && cluster.matches.some(isSolid) && (!strict || cluster.after <= 1))
  if (!strong) return undefined
  const accepted = clusters.filter((cluster) => acceptable(cluster) && (!strict || cluster.after <= 1))
  const chosen = accepted.flatMap((cluster) => cluster.matches)
  if (chosen.length === 0) return undefined
  if (!repairedBefore && hasCleanNonAscii(line, matches.filter(isSolid)) && !isEnoughForMixedLine(chosen)) return undefined
  const complete = accepted.length === clusters.length && accepted.every((cluster) => cluster.after === 0) && !hasCleanNonAscii(line, matches)
  return { page, matches: chosen, gain: accepted.reduce((sum, cluster) => sum + cluster.gain, 0), complete }
}

/** A weaker cluster next to a clear one: any gain, or none when the result is flawless. */
function acceptable(cluster: Cluster): boolean {
  if (!cluster.matches.some(isSolid)) {
    if (cluster.matches.some((match) => match.question)) return false
    return cluster.gain >= 0
  }
  return cluster.gain > 0 || (cluster.gain === 0 && cluster.after === 0)
}

function isEnoughForMixedLine(chosen: readonly SequenceMatch[]): boolean {
  const solid = chosen.filter(isSolid)
  return solid.length >= 2 || solid.some((match) => match.end - match.start >= 3)
}

/** Applies the planned matches to `line`. */
export function applyPlan(line: string, plan: LinePlan): string {
  let result = ''
  let at = 0
  for (const match of plan.matches) {
    result += line.slice(at, match.start) + match.text
    at = match.end
  }
  return result + line.slice(at)
}
