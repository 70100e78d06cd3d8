/**
 * normalize-quotes — makes quote characters consistent.
 *
 * Changes: curly, angle and low-9 quotes, primes and modifier-letter apostrophes.
 * - `ascii` (default): all of them become `"` or `'`.
 * - `smart`: straight quotes become curly ones, chosen by context (opening after space or
 *   an opening bracket, closing otherwise; apostrophes inside words).
 * - `keep`: nothing changes (the stage stays in the list so presets keep their shape).
 * Rules: `normalize-quotes/replaced` (info, with the count). Never drops. Idempotent in every mode.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Stage } from '../core/stage.ts'
import { toAsciiQuotes, toSmartQuotes } from '../text/quotes.ts'

const Options = z
  .object({
    /** `ascii` straightens, `smart` curls, `keep` leaves the text alone. */
    mode: z.enum(['ascii', 'smart', 'keep']).default('ascii'),
  })
  .strict()

/** Options of {@link normalizeQuotes} as users write them. */
export type NormalizeQuotesOptions = z.input<typeof Options>

/** Rule ids of the normalize-quotes stage. */
export const normalizeQuotesRules = ['normalize-quotes/replaced'] as const

/** Creates the normalize-quotes stage; an unknown mode fails here, at config time. */
export function normalizeQuotes(options: NormalizeQuotesOptions = {}): Stage<(typeof normalizeQuotesRules)[number]> {
  const settings = parseStageOptions('normalize-quotes', Options, options)
  const convert = settings.mode === 'ascii' ? toAsciiQuotes : settings.mode === 'smart' ? toSmartQuotes : undefined
  return {
    name: 'normalize-quotes',
    rules: normalizeQuotesRules,
    options: settings,
    run(doc, context) {
      if (convert === undefined) return doc
      const { text, count } = convert(doc.text)
      if (count === 0) return doc
      context.info('normalize-quotes/replaced', `Replaced ${count} quote character${count === 1 ? '' : 's'} (${settings.mode}).`)
      const title = doc.title === undefined ? undefined : convert(doc.title).text
      return { ...doc, text, title }
    },
  }
}
