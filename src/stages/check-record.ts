/**
 * check-record — checks scraper records (JSON and JSONL inputs) before anything cleans them,
 * so a broken scraper shows up as rules with the record's line number.
 *
 * Warns (the document is kept; the report counts them per site):
 * `check-record/missing-field` (a field the `schema` option requires is absent),
 * `check-record/invalid-field` (present but rejected by the schema),
 * `check-record/malformed-url` (not an absolute http(s) url of a real host),
 * `check-record/unparseable-date` (`published` is not a date),
 * `check-record/future-date` (`published` is later than now plus `futureToleranceHours`),
 * `check-record/truncated` (the text ends with a cut marker or stops mid-sentence),
 * `check-record/html-text-mismatch` (under `minAgreement` of the text's words are in the html).
 * The schema sees the record as mapped by `fields` in the config: `{url, title, author,
 * published, lang, text, html}`, so it works whatever the scraper calls its fields. The same
 * url with different content is the `check-urls` stage's job (it needs input order).
 * Put this stage first: it must see the record before decode and extract change it.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Doc } from '../core/doc.ts'
import { excerpt } from '../core/message.ts'
import type { Stage, StageContext } from '../core/stage.ts'
import { agreement, dateProblem, truncation, urlProblem } from './check-record/checks.ts'

const isSchema = (value: unknown): value is z.ZodType => typeof (value as z.ZodType | null)?.safeParse === 'function'

const Options = z
  .object({
    /** A zod schema every record must satisfy; default: `url` and `title` are required. */
    schema: z.custom<z.ZodType>(isSchema, { error: 'Expected `checkRecord.schema` to be a zod schema, e.g. z.object({url: z.string(), title: z.string()})' }).optional(),
    /** "Now" for future dates (ISO string); default: when the stage is created. */
    now: z.iso.datetime({ offset: true }).optional(),
    /** A date up to this many hours ahead is not flagged (time zones, scheduled posts). */
    futureToleranceHours: z.number().nonnegative().default(24),
    /** Last paragraphs shorter than this (characters) are not judged for truncation. */
    minTruncationCharacters: z.number().int().nonnegative().default(40),
    /** Smallest share of the text's words that must appear in the html. */
    minAgreement: z.number().min(0).max(1).default(0.6),
  })
  .strict()

/** Options of {@link checkRecord} as users write them. */
export type CheckRecordOptions = z.input<typeof Options>

/** Rule ids of the check-record stage. */
export const checkRecordRules = [
  'check-record/missing-field',
  'check-record/invalid-field',
  'check-record/malformed-url',
  'check-record/unparseable-date',
  'check-record/future-date',
  'check-record/truncated',
  'check-record/html-text-mismatch',
] as const
type Rule = (typeof checkRecordRules)[number]

/** Where a message points: the record's line in its input file, when known. */
const at = (line: number | undefined): { place?: { line: number } } => (line === undefined ? {} : { place: { line } })

const DefaultSchema = z.object({ url: z.string().min(1), title: z.string().min(1) })
const HOUR = 3_600_000

/** The record as the schema sees it: the mapped fields, without the ones a record did not have. */
function recordView(doc: Doc): Record<string, string> {
  const view = { url: doc.url, title: doc.title, author: doc.author, published: doc.published, lang: doc.lang, text: doc.text === '' ? undefined : doc.text, html: doc.html }
  return Object.fromEntries(Object.entries(view).filter((entry): entry is [string, string] => entry[1] !== undefined))
}

function checkSchema(doc: Doc, schema: z.ZodType, context: StageContext<Rule>, line: number | undefined): void {
  const view = recordView(doc)
  const result = schema.safeParse(view)
  if (result.success) return
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'record'
    const value = issue.path.length === 1 ? view[String(issue.path[0])] : undefined
    if (value === undefined && issue.path.length === 1) context.warn('check-record/missing-field', `The record has no \`${field}\`, which the checkRecord schema requires.`, at(line))
    else context.warn('check-record/invalid-field', `The record's \`${field}\` does not satisfy the checkRecord schema: ${issue.message}.`, { ...at(line), ...(value === undefined ? {} : { actual: excerpt(value) }) })
  }
}

type Settings = Omit<z.output<typeof Options>, 'now' | 'schema'> & { now: number; schema: z.ZodType }

function checkFields(doc: Doc, settings: Settings, context: StageContext<Rule>, line: number | undefined): void {
  const urlIssue = doc.url === undefined ? undefined : urlProblem(doc.url)
  if (urlIssue !== undefined) context.warn('check-record/malformed-url', `The record's url is malformed: ${urlIssue}.`, { ...at(line), actual: excerpt(doc.url ?? '') })
  const date = doc.published === undefined ? undefined : dateProblem(doc.published, settings.now, settings.futureToleranceHours * HOUR)
  if (date === 'unparseable') context.warn('check-record/unparseable-date', 'The record\'s `published` date does not parse as a date.', { ...at(line), actual: excerpt(doc.published ?? '') })
  if (date === 'future') context.warn('check-record/future-date', `The record's \`published\` date is in the future (after ${new Date(settings.now).toISOString()}).`, { ...at(line), actual: excerpt(doc.published ?? '') })
  const cut = doc.text === '' ? undefined : truncation(doc.text, settings.minTruncationCharacters)
  if (cut !== undefined) context.warn('check-record/truncated', `The record's text looks truncated: ${cut}.`, { ...at(line), actual: excerpt(doc.text.slice(-160)) })
  const share = doc.text === '' || doc.html === undefined ? undefined : agreement(doc.text, doc.html)
  if (share !== undefined && share < settings.minAgreement) {
    context.warn('check-record/html-text-mismatch', `Only ${Math.round(100 * share)}% of the words of the record's text appear in its html: the two fields hold different content.`, { ...at(line), actual: excerpt(doc.text) })
  }
}

/** Creates the check-record stage; a bad option (or a schema that is not zod) fails here. */
export function checkRecord(options: CheckRecordOptions = {}): Stage<Rule> {
  const parsed = parseStageOptions('check-record', Options, options)
  const settings: Settings = { ...parsed, schema: parsed.schema ?? DefaultSchema, now: parsed.now === undefined ? Date.now() : Date.parse(parsed.now) }
  const schemaDescription = z.toJSONSchema(settings.schema, { unrepresentable: 'any' })
  return {
    name: 'check-record',
    rules: checkRecordRules,
    options: { ...parsed, schema: schemaDescription, now: parsed.now ?? null },
    run(doc, context) {
      if (doc.source.format !== 'json' && doc.source.format !== 'jsonl') return doc
      const line = doc.source.line
      checkSchema(doc, settings.schema, context, line)
      checkFields(doc, settings, context, line)
      return doc
    },
  }
}
