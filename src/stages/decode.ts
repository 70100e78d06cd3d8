/**
 * decode — turns whatever a source read into clean Unicode text, first in the pipeline.
 *
 * Changes, in order:
 * 1. `raw` bytes → string (BOM, declared charset, detection; text/charset.ts) into `html` for
 *    HTML sources, else into `text`; `raw` is released.
 * 2. In `text` and `title`: HTML character references left in text ("&amp;", "&#8217;",
 *    double-escaped "&amp;amp;"). They are decoded before the mojibake repair because a
 *    reference can hide half of a mojibake pair ("Î&frac14;" is "μ"); `html` is left to the parser.
 * 3. In `text`, `html` and `title`: mojibake (UTF-8 read as windows-1252, Latin-1, other code
 *    pages, once or several times; text/mojibake.ts).
 * 4. Unicode normal form (NFC by default), control and invisible junk characters removed.
 * 5. In `text` and `title`: whitespace ("\n" line ends, single spaces, no trailing spaces, at
 *    most one blank line; text/whitespace.ts). Single line breaks are kept.
 * Rules: `decode/charset` (info, non-UTF-8 input), `decode/invalid-bytes` (warn),
 * `decode/mojibake-repaired`, `decode/entities-decoded`, `decode/normalized-nfc` or
 * `decode/normalized-nfkc`, `decode/control-removed`, `decode/whitespace` (info), and drops
 * `decode/binary` (mostly control or replacement characters) and `decode/empty`.
 * Idempotent: a second run finds nothing to do.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Doc } from '../core/doc.ts'
import { excerpt } from '../core/message.ts'
import type { Drop, Stage, StageContext } from '../core/stage.ts'
import { decodeBytes } from '../text/charset.ts'
import { cleanText } from '../text/clean-text.ts'
import type { CleanTextOptions, CleanTextReport } from '../text/clean-text.ts'
import { textRatio } from '../text/text-ratio.ts'

const Options = z
  .object({
    /** Repair UTF-8 that was decoded with the wrong code page ("cafÃ©" → "café"). */
    repairMojibake: z.boolean().default(true),
    /** Unicode normal form: NFC (default), NFKC (also folds full-width forms and ligatures), or none. */
    normalization: z.enum(['NFC', 'NFKC', 'none']).default('NFC'),
    /**
     * Least share of real text characters (not control or replacement characters) a document
     * needs to be kept. Small on purpose: decode only rejects what is clearly not text; judging
     * poor text is the validate stage's job.
     */
    minTextRatio: z.number().min(0).max(1).default(0.5),
  })
  .strict()

/** Options of {@link decode} as users write them. */
export type DecodeOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

/** Rule ids of the decode stage. */
export const decodeRules = [
  'decode/charset',
  'decode/invalid-bytes',
  'decode/binary',
  'decode/empty',
  'decode/mojibake-repaired',
  'decode/entities-decoded',
  'decode/normalized-nfc',
  'decode/normalized-nfkc',
  'decode/control-removed',
  'decode/whitespace',
] as const

type Rule = (typeof decodeRules)[number]
type Context = StageContext<Rule>
type Field = 'text' | 'html' | 'title'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Step 1: bytes to a string in the field the source format calls for. */
function decodeRaw(doc: Doc, context: Context): Doc {
  if (doc.raw === undefined) return doc
  const decoded = decodeBytes(doc.raw, { format: doc.source.format })
  if (decoded.encoding !== 'utf-8') context.info('decode/charset', `Decoded as ${decoded.encoding} (${decoded.method === 'bom' ? 'byte-order mark' : decoded.method === 'declared' ? 'declared by the file' : 'detected'}).`)
  if (decoded.invalidBytes > 0) context.warn('decode/invalid-bytes', `${plural(decoded.invalidBytes, 'byte')} could not be decoded in ${decoded.encoding} and became U+FFFD.`)
  const target = doc.source.format === 'html' ? 'html' : 'text'
  return { ...doc, raw: undefined, [target]: decoded.text }
}

function optionsFor(field: Field, settings: Settings): CleanTextOptions {
  const base = { repairMojibake: settings.repairMojibake, normalization: settings.normalization }
  if (field === 'html') return { ...base, entities: false, spacing: 'none' }
  return { ...base, entities: true, spacing: field === 'title' ? 'line' : 'text' }
}

/** Before → after around the first difference, for `sluice explain`. */
function change(before: string, after: string): string {
  let start = 0
  while (start < before.length && before[start] === after[start]) start += 1
  const from = Math.max(0, start - 30)
  return `${excerpt(before.slice(from, start + 40), 75)} → ${excerpt(after.slice(from, start + 40), 75)}`
}

function reportMojibake(field: Field, report: CleanTextReport, context: Context): void {
  const [first] = report.mojibake
  if (first === undefined) return
  const encodings = [...new Set(report.mojibake.flatMap((repair) => repair.encodings))].join(', ')
  const lines = plural(report.mojibake.length, 'line')
  context.info('decode/mojibake-repaired', `Repaired mojibake in ${field} on ${lines} (text had been decoded as ${encodings}).`, {
    place: { line: first.line + 1 },
    actual: change(first.before, first.after),
  })
}

function report(field: Field, result: CleanTextReport, settings: Settings, context: Context): void {
  reportMojibake(field, result, context)
  if (result.entities > 0) context.info('decode/entities-decoded', `Decoded ${plural(result.entities, 'HTML character reference')} in ${field}.`)
  if (result.normalized) context.info(settings.normalization === 'NFKC' ? 'decode/normalized-nfkc' : 'decode/normalized-nfc', `Normalised ${field} to Unicode ${settings.normalization}.`)
  if (result.controls > 0) context.info('decode/control-removed', `Removed ${plural(result.controls, 'control or invisible character')} from ${field}.`)
  if (result.whitespace && field !== 'title') context.info('decode/whitespace', `Normalised whitespace in ${field} (spaces, blank lines).`)
}

/** Steps 2–5 on one field; returns the cleaned value. */
function cleanField(field: Field, value: string, settings: Settings, context: Context): string {
  const { text, report: result } = cleanText(value, optionsFor(field, settings))
  report(field, result, settings, context)
  return text
}

function checkBinary(doc: Doc, settings: Settings, context: Context): Drop | undefined {
  const content = doc.html ?? doc.text
  const ratio = textRatio(content)
  if (content.length === 0 || ratio >= settings.minTextRatio) return undefined
  return context.drop('decode/binary', `Only ${Math.round(ratio * 100)}% of the characters are text (at least ${Math.round(settings.minTextRatio * 100)}% needed): binary data, or text in an encoding that could not be decoded.`)
}

function run(doc: Doc, settings: Settings, context: Context): Doc | Drop {
  const decoded = decodeRaw(doc, context)
  const binary = checkBinary(decoded, settings, context)
  if (binary !== undefined) return binary
  const result: Doc = { ...decoded, text: cleanField('text', decoded.text, settings, context) }
  if (decoded.html !== undefined) result.html = cleanField('html', decoded.html, settings, context)
  if (decoded.title !== undefined) {
    const title = cleanField('title', decoded.title, settings, context)
    if (title === '') delete result.title
    else result.title = title
  }
  if (result.text === '' && (result.html ?? '').trim() === '') return context.drop('decode/empty', 'Nothing is left after decoding: the input is empty or only whitespace and control characters.')
  return result
}

/** Creates the decode stage; invalid options fail here, at config time. */
export function decode(options: DecodeOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('decode', Options, options)
  return {
    name: 'decode',
    rules: decodeRules,
    options: settings,
    run: (doc, context) => run(doc, settings, context),
  }
}
