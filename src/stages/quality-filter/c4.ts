/**
 * C4's page cleaning rules (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with
 * a Unified Text-to-Text Transformer", §2.2), with the published settings as defaults. Line
 * rules remove lines (first failing rule wins, in C4's order): fewer than 3 words, no terminal
 * punctuation, the word "javascript", a cookie/terms/privacy notice. Page rules reject: "lorem
 * ipsum", a curly brace (code), fewer than 5 sentences left after the line rules.
 * Terminal punctuation is widened from C4's `. ! ? "` to ellipses, CJK stops and closing quotes.
 */
import { z } from 'zod'
import { splitLines } from '../../text/lines.ts'
import { countSentences } from '../../text/sentences.ts'
import { hasWords } from '../../text/words.ts'
import type { Measure } from './finding.ts'

/** C4 settings; defaults are the published ones. */
export const C4Options = z
  .object({
    minWordsPerLine: z.number().int().nonnegative().default(3),
    minSentences: z.number().int().nonnegative().default(5),
    /** Lowercase phrases that mark a line as a policy or cookie notice (C4's list). */
    policyPhrases: z.array(z.string().min(1)).default(['terms of use', 'privacy policy', 'cookie policy', 'uses cookies', 'use of cookies', 'use cookies']),
  })
  .strict()

/** Resolved C4 settings. */
export type C4Settings = z.output<typeof C4Options>

/** Rules that remove one line. */
export type C4LineRule = 'quality-filter/c4-short-line' | 'quality-filter/c4-terminal-punctuation' | 'quality-filter/c4-javascript' | 'quality-filter/c4-policy'

const STOPS = new Set([...'.!?…。！？'].map((char) => char.charCodeAt(0)))
const CLOSERS = new Set([...'"\'”’»)]'].map((char) => char.charCodeAt(0)))

/**
 * True when `line` ends with terminal punctuation, optionally followed by closing quotes or
 * brackets, or with a double quote (the regex `(?:[.!?…。！？]["'”’»)\]]*|["”])$`, read from the end).
 */
function endsWithTerminal(line: string): boolean {
  let end = line.length
  while (end > 0 && CLOSERS.has(line.charCodeAt(end - 1))) end -= 1
  if (end > 0 && STOPS.has(line.charCodeAt(end - 1))) return true
  const last = line.charCodeAt(line.length - 1)
  return last === 0x22 || last === 0x201d
}

/** The first C4 line rule `line` fails, or undefined when it stays (blank lines always stay). */
export function c4LineRule(line: string, settings: C4Settings): C4LineRule | undefined {
  const trimmed = line.trim()
  if (trimmed === '') return undefined
  if (!hasWords(trimmed, settings.minWordsPerLine)) return 'quality-filter/c4-short-line'
  if (!endsWithTerminal(trimmed)) return 'quality-filter/c4-terminal-punctuation'
  const lower = trimmed.toLowerCase()
  if (lower.includes('javascript')) return 'quality-filter/c4-javascript'
  if (settings.policyPhrases.some((phrase) => lower.includes(phrase))) return 'quality-filter/c4-policy'
  return undefined
}

/** The lines of `text` and, per line, the rule that removes it. */
export function c4Lines(text: string, settings: C4Settings): { lines: string[]; removed: (C4LineRule | undefined)[] } {
  const lines = splitLines(text)
  return { lines, removed: lines.map((line) => c4LineRule(line, settings)) }
}

/** C4's page measures: lorem ipsum and braces on the whole page, sentences on the kept lines. */
export function c4Measures(text: string, keptText: string, settings: C4Settings): Measure[] {
  const lorem = /lorem ipsum/iu.test(text) ? 1 : 0
  const braces = (text.match(/[{}]/gu) ?? []).length
  const sentences = keptText.trim() === '' ? 0 : countSentences(keptText)
  return [
    { rule: 'quality-filter/c4-lorem-ipsum', stat: 'c4.loremIpsum', value: lorem, failed: lorem > 0, reason: 'The page contains "lorem ipsum" placeholder text.' },
    { rule: 'quality-filter/c4-curly-brace', stat: 'c4.curlyBraces', value: braces, failed: braces > 0, reason: `The page contains ${braces} curly brace${braces === 1 ? '' : 's'} (code, not prose).` },
    { rule: 'quality-filter/c4-too-few-sentences', stat: 'c4.sentences', value: sentences, failed: sentences < settings.minSentences, reason: `${sentences} sentence${sentences === 1 ? '' : 's'} left after the C4 line rules (minimum ${settings.minSentences}).` },
  ]
}
