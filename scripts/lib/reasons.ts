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

function extraReason(truth: TokenIndex, prediction: string, comments: string | undefined): string {
  const extra = absentLines(prediction, truth)
  const tokens = extra.reduce((sum, line) => sum + line.tokens, 0)
  const first = extra[0]
  let reason = `low precision: kept ${count(tokens, 'extra token')} in ${count(extra.length, 'line')}`
  if (comments !== undefined) {
    const index = indexText(comments)
    const fromComments = extra.filter((line) => coverage(tokenize(line.line), index) >= 0.5)
    if (fromComments.length > 0) reason += ` (${count(fromComments.length, 'line')} from the reader comments)`
  }
  return first === undefined ? reason : `${reason}; first: «${clip(first.line)}»`
}

function lossReason(truth: string, prediction: TokenIndex): string {
  const lost = absentLines(truth, prediction)
  const tokens = lost.reduce((sum, line) => sum + line.tokens, 0)
  const first = lost[0]
  const reason = `low recall: lost ${count(tokens, 'truth token')} in ${count(lost.length, 'line')}`
  return first === undefined ? reason : `${reason}; first: «${clip(first.line)}»`
}

/** Why a page scored badly, in one line. */
export function pageReason(page: PageScore, truth: string, prediction: string | undefined, comments: string | undefined, rejection: Rejection | undefined): string {
  if (rejection !== undefined) return `rejected: ${rejection.rule} — ${clip(rejection.reason, 90)}`
  if (prediction === undefined || tokenize(prediction).length === 0) return 'empty output'
  if (page.recall === null) return 'truth is empty: any output is extra'
  const precision = page.precision ?? 0
  if (precision <= page.recall) return extraReason(indexText(truth), prediction, comments)
  return lossReason(truth, indexText(prediction))
}
