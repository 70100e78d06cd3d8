/**
 * validate — the last check before a document becomes an output record.
 *
 * Rejects (fatal): `validate/empty` (no visible text), `validate/too-short` (fewer than
 * `minCharacters` characters or `minWords` words: defaults 200 and 25, so a short news brief
 * passes and a leftover menu or teaser does not), `validate/not-text` (letters under
 * `minLetterRatio` of visible characters: tables and CSV; code/markup symbols over
 * `maxCodeSymbolRatio`: source code; characters in 40+ character tokens over
 * `maxLongTokenRatio`: base64 and minified blobs), `validate/invalid-record` (the record does
 * not satisfy the output schema, e.g. paragraphs that do not join to `text`).
 * Repairs (warn, field removed, document kept): `validate/invalid-url` (not an absolute http(s)
 * URL), `validate/invalid-date` (`published` not a parseable date), `validate/invalid-lang`.
 * Fills `paragraphs` from blank lines when no earlier stage did.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Doc } from '../core/doc.ts'
import { excerpt } from '../core/message.ts'
import { isDrop } from '../core/stage.ts'
import type { Drop, Stage, StageContext } from '../core/stage.ts'
import { splitParagraphs } from '../text/paragraphs.ts'
import { textShape } from '../text/text-shape.ts'
import { countCharacters, countWords } from '../text/words.ts'

const Options = z
  .object({
    /** Fewer characters (code points) than this and the document is rejected as too short. */
    minCharacters: z.number().int().nonnegative().default(200),
    /** Fewer words than this and the document is rejected as too short. */
    minWords: z.number().int().nonnegative().default(25),
    /** Share of visible characters that must be letters (prose is about 0.8). */
    minLetterRatio: z.number().min(0).max(1).default(0.5),
    /** Largest share of code/markup symbols (`{}[]<>=;|\^~$_` and backquote); prose stays under 0.02. */
    maxCodeSymbolRatio: z.number().min(0).max(1).default(0.05),
    /** Largest share of characters in 40+ character tokens (base64, minified code). */
    maxLongTokenRatio: z.number().min(0).max(1).default(0.25),
  })
  .strict()

/** Options of {@link validate} as users write them. */
export type ValidateOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

/** Rule ids of the validate stage. */
export const validateRules = [
  'validate/empty',
  'validate/too-short',
  'validate/not-text',
  'validate/invalid-record',
  'validate/invalid-url',
  'validate/invalid-date',
  'validate/invalid-lang',
] as const
type Rule = (typeof validateRules)[number]

const HttpUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/u.test(new URL(value).protocol))
const DateText = z.string().refine((value) => !Number.isNaN(Date.parse(value)))
const LanguageTag = z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/u)

/** The output record's shape (the parts a stage could get wrong). */
const OutputRecord = z.object({
  text: z.string().min(1),
  paragraphs: z.array(z.string().min(1)),
  url: HttpUrl.optional(),
  title: z.string().optional(),
  author: z.string().optional(),
  published: DateText.optional(),
  lang: LanguageTag.optional(),
})

const OPTIONAL_FIELDS = [
  { field: 'url', schema: HttpUrl, rule: 'validate/invalid-url', what: 'an absolute http(s) URL' },
  { field: 'published', schema: DateText, rule: 'validate/invalid-date', what: 'a date' },
  { field: 'lang', schema: LanguageTag, rule: 'validate/invalid-lang', what: 'a language tag such as "en" or "pt-BR"' },
] as const

/** Removes metadata fields that fail their schema, with a warning each. */
function dropInvalidFields(doc: Doc, context: StageContext<Rule>): Doc {
  let result = doc
  for (const { field, schema, rule, what } of OPTIONAL_FIELDS) {
    const value = result[field]
    if (value === undefined || schema.safeParse(value).success) continue
    context.warn(rule, `Removed \`${field}\` because it is not ${what}.`, { actual: excerpt(String(value)) })
    const { [field]: _removed, ...rest } = result
    result = rest as Doc
  }
  return result
}

/** The reason a document is not prose, or undefined when it reads as text. */
function notTextReason(text: string, settings: Settings): string | undefined {
  const shape = textShape(text)
  const percent = (value: number): string => `${Math.round(value * 100)}%`
  if (shape.letters < settings.minLetterRatio) return `Only ${percent(shape.letters)} of the visible characters are letters (minimum ${percent(settings.minLetterRatio)}): looks like a table, numbers or symbols, not text.`
  if (shape.codeSymbols > settings.maxCodeSymbolRatio) return `${percent(shape.codeSymbols)} of the visible characters are code or markup symbols (maximum ${percent(settings.maxCodeSymbolRatio)}): looks like source code or markup, not text.`
  if (shape.longTokens > settings.maxLongTokenRatio) return `${percent(shape.longTokens)} of the visible characters sit in tokens of 40+ characters (maximum ${percent(settings.maxLongTokenRatio)}): looks like an encoded or minified blob, not text.`
  return undefined
}

function checkContent(doc: Doc, settings: Settings, context: StageContext<Rule>): Doc | Drop {
  if (doc.text.trim() === '') return context.drop('validate/empty', 'The document has no text left after cleaning.')
  const reason = notTextReason(doc.text, settings)
  if (reason !== undefined) return context.drop('validate/not-text', reason, { actual: excerpt(doc.text) })
  const characters = countCharacters(doc.text)
  const words = countWords(doc.text)
  if (characters < settings.minCharacters || words < settings.minWords) {
    return context.drop('validate/too-short', `The text has ${characters} characters and ${words} words; the minimum is ${settings.minCharacters} characters and ${settings.minWords} words (options \`minCharacters\`, \`minWords\`).`, { actual: excerpt(doc.text) })
  }
  return doc
}

/** Creates the validate stage; bad thresholds fail here, at config time. */
export function validate(options: ValidateOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('validate', Options, options)
  return {
    name: 'validate',
    rules: validateRules,
    options: settings,
    run(doc, context) {
      const checked = checkContent(doc, settings, context)
      if (isDrop(checked)) return checked
      const withParagraphs = checked.paragraphs === undefined ? { ...checked, paragraphs: splitParagraphs(checked.text) } : checked
      const result = dropInvalidFields(withParagraphs, context)
      const parsed = OutputRecord.safeParse(result)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return context.drop('validate/invalid-record', `The output record is invalid at \`${issue?.path.join('.') ?? '?'}\`: ${issue?.message ?? 'unknown issue'}.`)
      }
      if ((result.paragraphs ?? []).join('\n\n') !== result.text) {
        return context.drop('validate/invalid-record', 'The paragraphs do not join to the text; put the `segment` stage before `validate`.')
      }
      return result
    },
  }
}
