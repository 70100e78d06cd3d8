/**
 * Options of drop-chrome, checked once at config time. Every threshold has a documented
 * default measured on the development corpus (500 real pages, see the README).
 */
import { z } from 'zod'
import { dropChromeRules } from './rules.ts'

const KINDS = ['ui', 'share', 'cookie', 'skip', 'advertisement', 'related', 'comments', 'comment-form', 'copyright', 'feed-footer', 'newsletter', 'tags', 'breadcrumb'] as const

const ruleList = z.array(z.string()).superRefine((rules, context) => {
  for (const rule of rules) {
    if ((dropChromeRules as readonly string[]).includes(rule)) continue
    context.addIssue({ code: 'custom', message: `Unknown rule \`${rule}\` in \`disable\`: use one of ${dropChromeRules.join(', ')}` })
  }
})

const count = (name: string) => z.number({ error: `Expected \`${name}\` to be a number` }).int({ error: `Expected \`${name}\` to be an integer` }).min(0, { error: `Expected \`${name}\` to be 0 or more` })

/** The zod schema of drop-chrome options. */
export const DropChromeSchema = z
  .object({
    /** Rule ids to switch off: lines they would remove are kept (used by `--ablate`). */
    disable: ruleList.default([]),
    /** Extra whole-line phrases per kind (`{ui: ['Mehr laden']}`), matched case- and punctuation-insensitively. */
    phrases: z.partialRecord(z.enum(KINDS), z.array(z.string().min(1))).default({}),
    /** A prose line has at least this many words (default 10). */
    minProseWords: count('minProseWords').default(10),
    /** …and at least this share of function words (default 0.2). */
    minStopwordRatio: z.number().min(0).max(1).default(0.2),
    /** Body search: cost of a short non-prose line (default 3 words' worth). */
    shortLinePenalty: count('shortLinePenalty').default(3),
    /** Body search: cost of a line matching a chrome phrase (default 10). */
    chromeLinePenalty: count('chromeLinePenalty').default(10),
    /** A comment heading opens the comments only after this many words of prose (default 50). */
    minWordsBeforeComments: count('minWordsBeforeComments').default(50),
    /** Non-blank lines above the body searched for the title line (default 8). */
    headLookback: count('headLookback').default(8),
    /** Lines of at most this many words, without sentence punctuation, are menu items (default 6). */
    navLineMaxWords: count('navLineMaxWords').default(6),
  })
  .strict()

/** Options of drop-chrome as users write them. */
export type DropChromeOptions = z.input<typeof DropChromeSchema>
/** Options of drop-chrome with defaults filled. */
export type DropChromeSettings = z.output<typeof DropChromeSchema>
