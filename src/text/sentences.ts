/**
 * Sentence splitting by rule, in the spirit of the "golden rules" of rule-based segmenters:
 * every period, question mark, exclamation mark, ellipsis and CJK full stop is a candidate, and
 * the words around it decide (abbreviations, initials, numbers, lists, URLs, quotes after the
 * stop). No model and no per-language switch: the tables in `abbreviations.ts` cover
 * en/de/fr/es/it/pt/nl and CJK stops need no space after them.
 */
import { BMP_FLAGS, flagsAt, SPACE as WHITESPACE } from './char-flags.ts'
import { isTerminatorBoundary } from './sentence-rules.ts'
import { listBreaks } from './sentence-lists.ts'

/** Terminator runs: spaced ellipses (". . ." and ". . . ."), then any run of stops. */
const TERMINATOR = /\.(?:[ \u00A0]\.){2,3}|[.!?\u203D\u2026\u3002\uFF01\uFF1F]+/gu
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set([...'"\'\u201D\u2019\u00BB\u203A)]}\u300D\u300F\u3011\u3015\uFF09'].map((char) => char.charCodeAt(0)))
/** Bullet characters that open a list item in the middle of a line. */
const BULLET = /(?<=\s)[\u2022\u25E6\u25AA\u2023\u2043\u2219\u25CF]/gu
/** Any bullet character: most texts have none, and skip the look-behind scan. */
const ANY_BULLET = /[\u2022\u25E6\u25AA\u2023\u2043\u2219\u25CF]/u
/** A line break followed by something that is not a lowercase continuation. */
const LINE_BREAK = /\n(?=\s*[^\s\p{Ll}])/gu

/** End of the closers at `index`: closing quotes and brackets, and a space before a closing guillemet. */
function closersEnd(text: string, index: number): number {
  let end = index
  for (;;) {
    const code = text.charCodeAt(end)
    if (CLOSERS.has(code)) end += 1
    else if ((code === 0x20 || code === 0xa0 || code === 0x202f) && (text.charCodeAt(end + 1) === 0xbb || text.charCodeAt(end + 1) === 0x203a)) end += 1
    else return end
  }
}

/** End of the run of whitespace (`space` true) or of non-whitespace code units starting at `index`. */
function runEnd(text: string, index: number, space: boolean): number {
  let end = index
  while (end < text.length && (((BMP_FLAGS[text.charCodeAt(end)] as number) & WHITESPACE) !== 0) === space) end += 1
  return end
}

/** Boundaries that do not depend on a terminator: bullets, list markers, new lines. */
function structuralBreaks(text: string): { breaks: number[]; markerStops: Set<number> } {
  const lists = listBreaks(text)
  const breaks = [...lists.breaks]
  if (ANY_BULLET.test(text)) for (const match of text.matchAll(BULLET)) breaks.push(match.index)
  if (text.includes('\n')) for (const match of text.matchAll(LINE_BREAK)) breaks.push(match.index)
  return { breaks: breaks.length > 1 ? breaks.sort((left, right) => left - right) : breaks, markerStops: lists.markerStops }
}

/** Offsets where sentences end (exclusive), in increasing order, ending with `text.length`. */
export function sentenceBoundaries(text: string): number[] {
  const { breaks, markerStops } = structuralBreaks(text)
  const result: number[] = []
  let pointer = 0
  let last = 0
  for (const match of text.matchAll(TERMINATOR)) {
    const start = match.index
    while (pointer < breaks.length && (breaks[pointer] as number) <= start) {
      last = Math.max(last, breaks[pointer] as number)
      pointer += 1
    }
    if (markerStops.has(start)) continue
    const closed = closersEnd(text, start + match[0].length)
    const gapEnd = runEnd(text, closed, true)
    const next = text.slice(gapEnd, runEnd(text, gapEnd, false))
    if (isTerminatorBoundary({ text, start, terminator: match[0], closersEnd: closed, gap: text.slice(closed, gapEnd), next, sentenceStart: last })) {
      result.push(closed)
      last = closed
    }
  }
  return mergeOffsets(result, breaks, text.length)
}

/** The sorted union of two increasing offset lists and `end`, without duplicates and 0. */
function mergeOffsets(stops: readonly number[], breaks: readonly number[], end: number): number[] {
  if (breaks.length === 0 && (stops.length === 0 || (stops[stops.length - 1] as number) < end)) {
    // Stops are increasing and positive (each ends after its stop character): only `end` may be 0.
    const offsets = stops.slice()
    if (end > 0) offsets.push(end)
    return offsets
  }
  const all = [...new Set([...stops, ...breaks, end])].sort((left, right) => left - right)
  return all.filter((offset) => offset > 0)
}

/** True when `text[start, end)` has a character that is not whitespace. */
function hasVisible(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if ((flagsAt(text, index) & WHITESPACE) === 0) return true
  return false
}

/** The number of sentences {@link splitSentences} returns, without making them. */
export function countSentences(text: string): number {
  let count = 0
  let start = 0
  for (const end of sentenceBoundaries(text)) {
    if (hasVisible(text, start, end)) count += 1
    start = end
  }
  return count
}

/** Splits `text` into trimmed, non-empty sentences; their concatenation keeps every word. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const end of sentenceBoundaries(text)) {
    const sentence = text.slice(start, end).trim()
    if (sentence.length > 0) sentences.push(sentence)
    start = end
  }
  return sentences
}

/** A sentence with its offsets in the text it came from (for messages that point at a place). */
export interface SentenceSpan {
  start: number
  end: number
  text: string
}

/** Like {@link splitSentences}, with offsets of the trimmed sentences. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let start = 0
  for (const end of sentenceBoundaries(text)) {
    const raw = text.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed.length > 0) spans.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed })
    start = end
  }
  return spans
}
