/**
 * Sentence splitting by rule, in the spirit of the "golden rules" of rule-based segmenters:
 * every period, question mark, exclamation mark, ellipsis and CJK full stop is a candidate, and
 * the words around it decide (abbreviations, initials, numbers, lists, URLs, quotes after the
 * stop). No model and no per-language switch: the tables in `abbreviations.ts` cover
 * en/de/fr/es/it/pt/nl and CJK stops need no space after them.
 */
import { isTerminatorBoundary } from './sentence-rules.ts'
import { listBreaks } from './sentence-lists.ts'

/** Terminator runs: spaced ellipses (". . ." and ". . . ."), then any run of stops. */
const TERMINATOR = /\.(?:[ \u00A0]\.){2,3}|[.!?\u203D\u2026\u3002\uFF01\uFF1F]+/gu
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = /(?:["'\u201D\u2019\u00BB\u203A)\]}\u300D\u300F\u3011\u3015\uFF09]|[ \u00A0\u202F](?=[\u00BB\u203A]))*/y
const SPACE = /\s*/y
const TOKEN = /\S*/y
/** Bullet characters that open a list item in the middle of a line. */
const BULLET = /(?<=\s)[\u2022\u25E6\u25AA\u2023\u2043\u2219\u25CF]/gu
/** A line break followed by something that is not a lowercase continuation. */
const LINE_BREAK = /\n(?=\s*[^\s\p{Ll}])/gu

function readAt(pattern: RegExp, text: string, index: number): string {
  pattern.lastIndex = index
  return pattern.exec(text)?.[0] ?? ''
}

/** Boundaries that do not depend on a terminator: bullets, list markers, new lines. */
function structuralBreaks(text: string): { breaks: number[]; markerStops: Set<number> } {
  const lists = listBreaks(text)
  const breaks = [...lists.breaks]
  for (const match of text.matchAll(BULLET)) breaks.push(match.index)
  for (const match of text.matchAll(LINE_BREAK)) breaks.push(match.index)
  return { breaks: breaks.sort((left, right) => left - right), markerStops: lists.markerStops }
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
    const closersEnd = start + match[0].length + readAt(CLOSERS, text, start + match[0].length).length
    const gap = readAt(SPACE, text, closersEnd)
    const next = readAt(TOKEN, text, closersEnd + gap.length)
    if (isTerminatorBoundary({ text, start, terminator: match[0], closersEnd, gap, next, sentenceStart: last })) {
      result.push(closersEnd)
      last = closersEnd
    }
  }
  const all = [...new Set([...result, ...breaks, text.length])].sort((left, right) => left - right)
  return all.filter((offset) => offset > 0)
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
