/**
 * The decode stage's text clean-up as one pure function, so other stages that produce text
 * (extract, from HTML) can give it the same treatment: line ends, leftover HTML references,
 * mojibake, Unicode normal form, control and junk characters, whitespace. Runs to a fixed
 * point, so cleaning cleaned text changes nothing (removing a junk character can join the
 * two halves of a reference or of a mojibake sequence; the second pass catches that).
 */
import { decodeEntities } from './entities.ts'
import { repairMojibakeChecked } from './mojibake.ts'
import type { MojibakeRepair } from './mojibake.ts'
import { normalizeForm, removeControls } from './unicode.ts'
import type { NormalForm } from './unicode.ts'
import { collapseToLine, normalizeLineEnds, normalizeSpacing } from './whitespace.ts'

/** Which steps run. `spacing: 'line'` is for one-line fields (titles); `none` keeps whitespace. */
export interface CleanTextOptions {
  repairMojibake: boolean
  normalization: NormalForm
  entities: boolean
  spacing: 'text' | 'line' | 'none'
}

/** What the clean-up changed, for messages. */
export interface CleanTextReport {
  entities: number
  mojibake: MojibakeRepair[]
  normalized: boolean
  controls: number
  /** Spacing changed beyond line-end normalisation. */
  whitespace: boolean
}

/** Passes before giving up on a fixed point; real text needs one, adversarial text two. */
const MAX_PASSES = 3

function emptyReport(): CleanTextReport {
  return { entities: 0, mojibake: [], normalized: false, controls: 0, whitespace: false }
}

function spaced(text: string, spacing: CleanTextOptions['spacing']): string {
  if (spacing === 'none') return text
  return spacing === 'line' ? collapseToLine(text) : normalizeSpacing(text)
}

/**
 * One pass of every step. Returns the text and whether it is settled: a second pass could not
 * change it. That holds when no entity was decoded, the mojibake repair found no candidate,
 * normalisation and control removal changed nothing, and no "Ã " is left; spacing then was the
 * only change, and it only turns space characters into single spaces and drops spaces at line
 * ends: it never joins two other characters (no new reference, mojibake pair or composition),
 * touches no control or joiner, and every step is idempotent on its own output.
 */
function cleanOnce(input: string, options: CleanTextOptions, report: CleanTextReport): { text: string; settled: boolean } {
  let text = options.spacing === 'none' ? input : normalizeLineEnds(input)
  let settled = true
  if (options.entities) {
    const decoded = decodeEntities(text)
    report.entities += decoded.count
    settled &&= decoded.count === 0
    text = decoded.text
  }
  if (options.repairMojibake) {
    const repaired = repairMojibakeChecked(text)
    report.mojibake.push(...repaired.repairs)
    settled &&= !repaired.candidates
    text = repaired.text
  }
  const normalized = normalizeForm(text, options.normalization)
  report.normalized ||= normalized !== text
  const removed = removeControls(normalized)
  report.controls += removed.count
  const result = spaced(removed.text, options.spacing)
  report.whitespace ||= result !== removed.text
  settled &&= normalized === text && removed.count === 0 && !(options.repairMojibake && result.includes('Ã '))
  return { text: result, settled }
}

/** Cleans `text` as configured; returns the text and what changed. */
export function cleanText(text: string, options: CleanTextOptions): { text: string; report: CleanTextReport } {
  const report = emptyReport()
  let current = text
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const next = cleanOnce(current, options, report)
    if (next.text === current) break
    current = next.text
    if (next.settled) break
  }
  return { text: current, report }
}
