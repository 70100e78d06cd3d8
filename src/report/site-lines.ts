/**
 * Recurring lines of a site's pages in bounded memory, for spotting a layout change (a cookie
 * banner or a "subscribe" line that suddenly sits on most pages). Each kept page contributes
 * its first and last `EDGE_LINES` distinct non-blank lines (page furniture lives at the edges),
 * normalised (lowercase, digits folded to 0) and hashed. A Space-Saving summary of
 * `CAPACITY` counters keeps every line that appears on more than (lines fed) / CAPACITY pages,
 * that is on more than 40/128 ≈ 31% of the pages at most, with a known overestimate `error`.
 */
import { excerpt } from '../core/message.ts'
import { splitLines } from '../text/lines.ts'
import { detachedCopy } from '../text/detached-copy.ts'
import { lineFingerprint } from '../text/line-fingerprint.ts'
import type { SiteLine, SiteReport } from './health-types.ts'

/** Lines taken from each end of a page. */
export const EDGE_LINES = 20
/** Counters per site. */
export const CAPACITY = 128
/** Lines stored in the report per site. */
export const STORED_LINES = 24
const SAMPLE_LIMIT = 100

/** A line's fingerprint (see line-fingerprint.ts) as the hex string the report shows. */
export function lineHash(line: string): string | undefined {
  return lineFingerprint(line)?.toString(16).padStart(8, '0')
}

/** The first `count` non-blank lines of a text without `\r`, and where the line after them starts. */
function leadingLines(text: string, count: number): { lines: string[]; end: number } {
  const lines: string[] = []
  let start = 0
  while (start <= text.length && lines.length < count) {
    const found = text.indexOf('\n', start)
    const end = found === -1 ? text.length : found
    const line = text.slice(start, end)
    if (line.trim() !== '') lines.push(line)
    start = end + 1
  }
  return { lines, end: start }
}

/** Up to `count` non-blank lines at the end of a text without `\r` that start at `from` or later, in text order. */
function trailingLines(text: string, count: number, from: number): string[] {
  const lines: string[] = []
  for (let end = text.length; end >= from && lines.length < count; ) {
    const start = Math.max(text.lastIndexOf('\n', end - 1) + 1, from)
    const line = text.slice(start, end)
    if (line.trim() !== '') lines.push(line)
    end = start - 1
  }
  return lines.reverse()
}

/** The first and last `count` non-blank lines of `text`, or all of them when there are no more than twice as many. */
function endLines(text: string, count: number): string[] {
  if (text.includes('\r')) {
    const lines = splitLines(text).filter((line) => line.trim() !== '')
    return lines.length <= 2 * count ? lines : [...lines.slice(0, count), ...lines.slice(-count)]
  }
  // Only the ends are cut into lines, not the whole page.
  const leading = leadingLines(text, count)
  return leading.end > text.length ? leading.lines : [...leading.lines, ...trailingLines(text, count, leading.end)]
}

/**
 * Distinct fingerprinted lines at both ends of `text`, with a sample of each: the first and
 * last {@link EDGE_LINES} non-blank lines, or all of them when there are no more than twice that.
 */
export function edgeLines(text: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const line of endLines(text, EDGE_LINES)) {
    const hash = lineHash(line)
    if (hash !== undefined && !result.has(hash)) result.set(hash, line)
  }
  return result
}

interface Counter {
  hash: string
  count: number
  error: number
  text: string
  /** Position in the min-heap. */
  at: number
}

/** A Space-Saving summary of line fingerprints. */
export interface LineSummary {
  addPage(text: string): void
  /** The `STORED_LINES` most frequent lines and the bound for every other line. */
  top(): { lines: SiteLine[]; bound: number }
  /** The live counters (plain data), for a checkpoint; `createLineSummary(state)` restores them. */
  snapshot(): LineSummaryState
}

/** A summary's counters as a checkpoint saves them. */
export interface LineSummaryState {
  heap: Counter[]
}

function less(a: Counter, b: Counter): boolean {
  return a.count < b.count || (a.count === b.count && a.hash > b.hash)
}

/** Restores the min-heap below `index` after its count grew (counts only ever grow). */
function siftDown(heap: Counter[], index: number): void {
  let at = index
  for (;;) {
    const left = 2 * at + 1
    const right = left + 1
    let smallest = at
    if (left < heap.length && less(heap[left] as Counter, heap[smallest] as Counter)) smallest = left
    if (right < heap.length && less(heap[right] as Counter, heap[smallest] as Counter)) smallest = right
    if (smallest === at) return
    const [a, b] = [heap[at] as Counter, heap[smallest] as Counter]
    ;[heap[at], heap[smallest], a.at, b.at] = [b, a, smallest, at]
    at = smallest
  }
}

function siftUp(heap: Counter[], index: number): void {
  let at = index
  while (at > 0) {
    const parent = (at - 1) >> 1
    const [a, b] = [heap[at] as Counter, heap[parent] as Counter]
    if (!less(a, b)) return
    ;[heap[at], heap[parent], a.at, b.at] = [b, a, parent, at]
    at = parent
  }
}

/** A counter's sample of its line, not tied to the document the line was cut from. */
const sample = (line: string): string => detachedCopy(line.slice(0, 2 * SAMPLE_LIMIT))

function countLine(counters: Map<string, Counter>, heap: Counter[], hash: string, line: string): void {
  const counter = counters.get(hash)
  if (counter !== undefined) {
    counter.count += 1
    siftDown(heap, counter.at)
  } else if (heap.length < CAPACITY) {
    const fresh = { hash, count: 1, error: 0, text: sample(line), at: heap.length }
    counters.set(hash, fresh)
    heap.push(fresh)
    siftUp(heap, fresh.at)
  } else {
    // Space-Saving: the new line takes over the smallest counter and inherits its count as error.
    const smallest = heap[0] as Counter
    counters.delete(smallest.hash)
    const fresh = { hash, count: smallest.count + 1, error: smallest.count, text: sample(line), at: 0 }
    counters.set(hash, fresh)
    heap[0] = fresh
    siftDown(heap, 0)
  }
}

/** Creates an empty summary, or one restored from a checkpoint's {@link LineSummaryState}. */
export function createLineSummary(restored?: LineSummaryState): LineSummary {
  const heap: Counter[] = restored?.heap ?? []
  const counters = new Map<string, Counter>(heap.map((counter) => [counter.hash, counter]))
  return {
    snapshot: () => ({ heap }),
    addPage(text) {
      for (const [hash, line] of edgeLines(text)) countLine(counters, heap, hash, line)
    },
    top() {
      const sorted = [...heap].sort((a, b) => b.count - a.count || (a.hash < b.hash ? -1 : 1))
      const lines = sorted.slice(0, STORED_LINES).map(({ hash, count, error, text }) => ({ hash, count, error, text: excerpt(text, SAMPLE_LIMIT) }))
      const floor = heap.length < CAPACITY ? 0 : (heap[0] as Counter).count
      const next = sorted[STORED_LINES]
      return { lines, bound: next === undefined ? floor : Math.max(floor, next.count) }
    },
  }
}

/** A line on at least this share of a site's kept pages is listed as recurring (leftover chrome or a layout change). */
export const RECURRING_LINE_SHARE = 0.5
/** Sites need this many kept pages before their recurring lines are listed. */
export const RECURRING_MIN_PAGES = 3

/** Lines on at least {@link RECURRING_LINE_SHARE} of a site's kept pages (by the lower estimate), most frequent first. */
export function recurringLines(site: Pick<SiteReport, 'lines' | 'linePages'>, limit = 3): SiteLine[] {
  if (site.linePages < RECURRING_MIN_PAGES) return []
  return site.lines.filter((line) => line.count - line.error >= RECURRING_LINE_SHARE * site.linePages).slice(0, limit)
}
