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
 * Any character that could make the mojibake repair, NFC or control removal change the text:
 * a character outside ASCII text, Latin-1 and Latin Extended letters (less the soft hyphen) and
 * the general punctuation and currency blocks NFC leaves alone (unicode.ts), two non-ASCII
 * characters in a row (every mojibake pair, mojibake.ts) or "Ã ". Nearly all pages and dumps
 * have none, and one scan saying so replaces the five the three steps make (a quarter of the
 * time of cleaning an HTML page). Keep it in step with NFC_STABLE and REMOVABLE (unicode.ts) and
 * mayContainMojibake (mojibake.ts); the property test in tests/text/clean-text.test.ts checks it.
 */
const MAY_CHANGE = /[^\t\n\r\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u20A0-\u20BF]|[^\x00-\x7F]{2}|Ã /

/** True when the mojibake repair, normalisation and control removal would all leave `text` as it is. */
export function untouchedByRepairs(text: string, normalization: NormalForm): boolean {
  return normalization !== 'NFKC' && !MAY_CHANGE.test(text)
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
  if (untouchedByRepairs(text, options.normalization)) {
    const result = spaced(text, options.spacing)
    report.whitespace ||= result !== text
    return { text: result, settled: settled && !(options.repairMojibake && result.includes('Ã ')) }
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
