/**
 * redact-pii — replaces personal data with placeholders: e-mail addresses → `<EMAIL>`, IPv4 and
 * IPv6 addresses → `<IP>`, phone numbers → `<PHONE>`. Off in the default preset (turn it on with
 * `defaultStages({redactPii: {}})`); put it before segment. E-mails go first (their digits are
 * not phone numbers), then IP addresses (a dotted IPv4 is not a phone number), then phones.
 * What is NOT redacted, on purpose: version numbers (`v1.2.3.4`, `1.2.3.4.5`, octets over 255
 * or with leading zeros), dates, prices, ISBNs, year ranges, order and reference numbers, plain
 * digit runs without a `+`, parentheses or grouping (see `src/text/pii.ts`).
 * Rules: `redact-pii/email`, `redact-pii/ip`, `redact-pii/phone` (info, with the count). Never drops.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Stage } from '../core/stage.ts'
import { findEmails, findIpAddresses, findPhoneNumbers, replaceSpans } from '../text/pii.ts'
import type { Span } from '../text/pii.ts'

const Options = z
  .object({
    email: z.boolean().default(true),
    ip: z.boolean().default(true),
    phone: z.boolean().default(true),
    /** Replacement text per kind. */
    placeholders: z.object({ email: z.string().default('<EMAIL>'), ip: z.string().default('<IP>'), phone: z.string().default('<PHONE>') }).strict().prefault({}),
  })
  .strict()

/** Options of {@link redactPii} as users write them. */
export type RedactPiiOptions = z.input<typeof Options>

/** Rule ids of the redact-pii stage. */
export const redactPiiRules = ['redact-pii/email', 'redact-pii/ip', 'redact-pii/phone'] as const
type Rule = (typeof redactPiiRules)[number]

const KINDS = [
  { kind: 'email', rule: 'redact-pii/email', find: findEmails, noun: 'e-mail address' },
  { kind: 'ip', rule: 'redact-pii/ip', find: findIpAddresses, noun: 'IP address' },
  { kind: 'phone', rule: 'redact-pii/phone', find: findPhoneNumbers, noun: 'phone number' },
] as const satisfies readonly { kind: string; rule: Rule; find: (text: string) => Span[]; noun: string }[]

/** Creates the redact-pii stage; unknown options fail here, at config time. */
export function redactPii(options: RedactPiiOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('redact-pii', Options, options)
  return {
    name: 'redact-pii',
    rules: redactPiiRules,
    options: settings,
    run(doc, context) {
      let text = doc.text
      for (const { kind, rule, find, noun } of KINDS) {
        if (!settings[kind]) continue
        const found = find(text)
        if (found.length === 0) continue
        text = replaceSpans(text, found, settings.placeholders[kind])
        const plural = noun.endsWith('s') ? `${noun}es` : `${noun}s`
        context.info(rule, `Replaced ${found.length} ${found.length === 1 ? noun : plural} with ${settings.placeholders[kind]}.`)
      }
      return text === doc.text ? doc : { ...doc, text }
    },
  }
}
