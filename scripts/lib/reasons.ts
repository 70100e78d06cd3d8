/**
 * One-line reasons for bad pages, so the worst-pages list says where to look: what was rejected,
 * which extra line came first (and whether it is reader comments), which truth line went missing.
 */
import { tokenize } from './score.ts'
import type { PageScore } from './score.ts'
import type { Rejection } from './systems.ts'

/** Token sequences of a text, indexed for "does this line occur in that text" questions. */
export interface TokenIndex {
  /** Space-joined tokens with a space on each side, for containment of short lines. */
  joined: string
  /** 4-grams of the text. */
  grams: Set<string>
}

const GRAM = 4

function grams(tokens: readonly string[], n: number): string[] {
  const out: string[] = []
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '))
  return out
}

/** Indexes a text's tokens once. */
export function indexText(text: string): TokenIndex {
  const tokens = tokenize(text)
  return { joined: ` ${tokens.join(' ')} `, grams: new Set(grams(tokens, GRAM)) }
}

/** Share of a line's 4-grams found in the index (a short line: 1 if contained whole, else 0). */
export function coverage(lineTokens: readonly string[], index: TokenIndex): number {
  if (lineTokens.length === 0) return 1
  if (lineTokens.length < GRAM) return index.joined.includes(` ${lineTokens.join(' ')} `) ? 1 : 0
  const own = grams(lineTokens, GRAM)
  return own.filter((gram) => index.grams.has(gram)).length / own.length
}

/** Lines of `text` that are mostly absent from `other` (coverage below one half). */
export function absentLines(text: string, other: TokenIndex): { line: string; tokens: number }[] {
  const out: { line: string; tokens: number }[] = []
  for (const line of text.split('\n')) {
    const tokens = tokenize(line)
    if (tokens.length > 0 && coverage(tokens, other) < 0.5) out.push({ line: line.trim(), tokens: tokens.length })
  }
  return out
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

/** Caps a line for a one-line reason. */
export function clip(text: string, limit = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}

function lineCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of text.split('\n')) {
    const key = tokenize(line).join(' ')
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Lines (of 4 tokens or more) the prediction has more often than the truth: text kept twice. */
export function repeatedLines(truth: string, prediction: string): string[] {
  const inTruth = lineCounts(truth)
  const seen = new Map<string, number>()
  const out: string[] = []
  for (const line of prediction.split('\n')) {
    const tokens = tokenize(line)
    const key = tokens.join(' ')
    if (tokens.length < 4) continue
    seen.set(key, (seen.get(key) ?? 0) + 1)
    if ((seen.get(key) as number) > Math.max(1, inTruth.get(key) ?? 0)) out.push(line.trim())
  }
  return out
}

function extraPart(truth: string, prediction: string, comments: string | undefined): string {
  const extra = absentLines(prediction, indexText(truth))
  const parts: string[] = []
  if (extra[0] !== undefined) {
    const tokens = extra.reduce((sum, line) => sum + line.tokens, 0)
    const index = comments === undefined ? undefined : indexText(comments)
    const fromComments = index === undefined ? 0 : extra.filter((line) => coverage(tokenize(line.line), index) >= 0.5).length
    const note = fromComments > 0 ? ` (${count(fromComments, 'line')} from the reader comments)` : ''
    parts.push(`kept ${count(tokens, 'extra token')} in ${count(extra.length, 'line')}${note}; first: «${clip(extra[0].line)}»`)
  }
  const repeated = repeatedLines(truth, prediction)
  if (repeated[0] !== undefined) parts.push(`${count(repeated.length, 'line')} kept twice, first: «${clip(repeated[0], 50)}»`)
  return parts.length === 0 ? 'extra text repeats parts of the article' : parts.join('; ')
}

function lossPart(truth: string, prediction: TokenIndex): string {
  const lost = absentLines(truth, prediction)
  const tokens = lost.reduce((sum, line) => sum + line.tokens, 0)
  // Name a sentence rather than a one-word heading when there is one.
  const first = lost.find((line) => line.tokens >= 8) ?? lost[0]
  const part = `lost ${count(tokens, 'truth token')} in ${count(lost.length, 'line')}`
  return first === undefined ? part : `${part}; first: «${clip(first.line)}»`
}

/** Why a page scored badly, in one line. */
export function pageReason(page: PageScore, truth: string, prediction: string | undefined, comments: string | undefined, rejection: Rejection | undefined): string {
  if (rejection !== undefined) return `rejected: ${rejection.rule} — ${clip(rejection.reason, 90)}`
  if (prediction === undefined || tokenize(prediction).length === 0) return 'empty output'
  if (page.recall === null) return 'truth is empty: any output is extra'
  const precision = page.precision ?? 0
  // Both low: the output is mostly some other block of the page.
  if (precision < 0.5 && page.recall < 0.5) return `wrong text: ${extraPart(truth, prediction, comments)}; ${lossPart(truth, indexText(prediction))}`
  if (precision <= page.recall) return `low precision: ${extraPart(truth, prediction, comments)}`
  return `low recall: ${lossPart(truth, indexText(prediction))}`
}
