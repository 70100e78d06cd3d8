/**
 * Runs the safe repairs of `fix-garbled` to a fixed point: line joins (hyphenation, broken
 * sentences) and in-line repairs (glued sentences and words, doubled function words, spacing
 * before punctuation), repeated until nothing changes so that repairing twice equals repairing
 * once. Pure: text in, text and the list of repairs out.
 */
import { repairLine } from './garble-inline.ts'
import type { InlineContext, InlineResult } from './garble-inline.ts'
import { joinLines, numberLines } from './garble-lines.ts'
import type { NumberedLine, Repair } from './garble-lines.ts'
import type { JoinWords } from './line-continuation.ts'

/** The repaired text as numbered lines (numbers point into the input) and every repair made. */
export interface RepairOutcome {
  lines: NumberedLine[]
  repairs: Repair[]
}

const MAX_PASSES = 4

/** How often each letter token occurs in `text`, case-sensitively. */
export function countTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [token] of text.matchAll(/\p{L}+/gu)) counts.set(token, (counts.get(token) ?? 0) + 1)
  return counts
}

/**
 * Runs the in-line repairs on every line. `seen` keeps each line's result for the next pass:
 * a line no pass changed comes back with the same text, and the repairs are a pure function of it.
 */
function repairLines(lines: readonly NumberedLine[], context: InlineContext, repairs: Repair[], seen: Map<string, InlineResult>): NumberedLine[] {
  return lines.map((line) => {
    const result = seen.get(line.text) ?? repairLine(line.text, context)
    seen.set(line.text, result)
    const actual = line.text
    if (result.glue > 0) repairs.push({ rule: 'glue-split', line: line.line, actual })
    if (result.repeated > 0) repairs.push({ rule: 'repeated-word', line: line.line, actual })
    if (result.spacing > 0) repairs.push({ rule: 'punctuation-spacing', line: line.line, actual })
    return result.text === line.text ? line : { ...line, text: result.text }
  })
}

/** Repairs `text`; `words` are given only for English text (dictionary-backed repairs). */
export function repairText(text: string, words: JoinWords | undefined): RepairOutcome {
  // Only a camel-case glue candidate needs the token counts, so they are counted on first use.
  let counts: Map<string, number> | undefined
  const context: InlineContext = {
    lexicon: words?.lexicon,
    get tokenCounts(): ReadonlyMap<string, number> {
      return (counts ??= countTokens(text))
    },
  }
  const repairs: Repair[] = []
  const seen = new Map<string, InlineResult>()
  let lines = numberLines(text)
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const before = repairs.length
    lines = repairLines(joinLines(lines, words, repairs), context, repairs, seen)
    if (repairs.length === before) break
  }
  return { lines, repairs }
}
