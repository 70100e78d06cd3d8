/**
 * Pure helpers of the "no silent loss" audit: which raw lines carry article text but are missing
 * from the output, and whether a message's excerpt names such a line.
 */
import { tokenize } from './score.ts'

/** A line counts as article text when it shares a run of this many tokens with the truth. */
export const MIN_RUN = 8

function runs(tokens: readonly string[], n = MIN_RUN): string[] {
  const out: string[] = []
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '))
  return out
}

/** Raw lines carrying truth text of which more than half the truth runs are not in the output. */
export function lostLines(raw: string, truth: string, output: string): { line: string; tokens: string[] }[] {
  const truthRuns = new Set(runs(tokenize(truth)))
  const outputRuns = new Set(runs(tokenize(output)))
  const lost: { line: string; tokens: string[] }[] = []
  for (const line of raw.split('\n')) {
    const tokens = tokenize(line)
    const found = runs(tokens).filter((run) => truthRuns.has(run))
    if (found.length === 0) continue
    const missing = found.filter((run) => !outputRuns.has(run)).length
    if (missing * 2 > found.length) lost.push({ line, tokens })
  }
  return lost
}

/** True when a message's excerpt and the line start the same way (excerpts are capped with "…" and may span lines). */
export function mentions(actual: string | undefined, lineTokens: readonly string[], rawLine = ''): boolean {
  if (actual === undefined) return false
  const flat = rawLine.replace(/\s+/g, ' ').trim()
  if (flat !== '' && (actual === flat || (actual.endsWith('…') && flat.startsWith(actual.slice(0, -1))))) return true
  const tokens = tokenize(actual)
  if (actual.trimEnd().endsWith('…')) tokens.pop()
  // An excerpt must share a whole run with the line: a one-word excerpt names no line.
  const size = Math.min(MIN_RUN, lineTokens.length)
  if (size === 0 || tokens.length < size) return false
  const line = ` ${lineTokens.join(' ')} `
  const excerpt = ` ${tokens.join(' ')} `
  return line.includes(` ${tokens.slice(0, size).join(' ')} `) || excerpt.includes(` ${lineTokens.slice(0, size).join(' ')} `)
}
