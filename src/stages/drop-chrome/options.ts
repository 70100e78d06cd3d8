/**
 * Options of drop-chrome, checked once at config time. Every threshold has a documented
 * default measured on the development corpus (500 real pages, see the README).
 */
import { z } from 'zod'
import { DEFAULT_BACKFILL_GAP, DEFAULT_BODY_WEIGHTS } from '../../text/article/body.ts'
import { DEFAULT_FEATURES } from '../../text/article/line-features.ts'
import { dropChromeRules } from './rules.ts'

const KINDS = ['ui', 'read-more', 'share', 'cookie', 'skip', 'advertisement', 'related', 'comments', 'comment-count', 'comment-form', 'copyright', 'feed-footer', 'newsletter', 'tags', 'breadcrumb'] as const

const ruleList = z.array(z.string()).superRefine((rules, context) => {
  for (const rule of rules) {
    if ((dropChromeRules as readonly string[]).includes(rule)) continue
    context.addIssue({ code: 'custom', message: `Unknown rule \`${rule}\` in \`disable\`: use one of ${dropChromeRules.join(', ')}` })
  }
})

const share = (name: string) =>
  z.number({ error: `Expected \`${name}\` to be a number between 0 and 1` }).min(0, { error: `Expected \`${name}\` to be 0 or more` }).max(1, { error: `Expected \`${name}\` to be 1 or less` })

const count = (name: string) => z.number({ error: `Expected \`${name}\` to be a number` }).int({ error: `Expected \`${name}\` to be an integer` }).min(0, { error: `Expected \`${name}\` to be 0 or more` })

/** The zod schema of drop-chrome options. */
export const DropChromeSchema = z
  .object({
    /** Rule ids to switch off: lines they would remove are kept (used by `--ablate`). */
    disable: ruleList.default([]),
    /** Extra whole-line phrases per kind (`{ui: ['Mehr laden']}`), matched case- and punctuation-insensitively. */
    phrases: z.partialRecord(z.enum(KINDS), z.array(z.string().min(1))).default({}),
    /**
     * Whole lines known to be chrome of the sites in this batch (e.g. learnt from an earlier run),
     * removed wherever they appear, compared case- and punctuation-insensitively.
     */
    knownChrome: z.array(z.string().min(1)).default([]),
    /** A prose line has at least this many words (default 10). */
    minProseWords: count('minProseWords').default(DEFAULT_FEATURES.minProseWords),
    /** …and at least this share of function words (default 0.15). */
    minStopwordRatio: share('minStopwordRatio').default(DEFAULT_FEATURES.minStopwordRatio),
    /** Body search: a prose line scores its words minus this (default 10), so one-line teasers barely count. */
    proseOffset: count('proseOffset').default(DEFAULT_BODY_WEIGHTS.proseOffset),
    /** Blocks (lines between blank lines) of at least this many lines, mostly short, hold no prose (default 5; 0: off). */
    menuBlockLines: count('menuBlockLines').default(DEFAULT_FEATURES.menuBlockLines),
    /** Body search: cost of a short non-prose line (default 3 words' worth). */
    shortLinePenalty: count('shortLinePenalty').default(DEFAULT_BODY_WEIGHTS.shortLinePenalty),
    /** Body search: cost of a comment signature, timestamp or reply line (default 20). */
    metaLinePenalty: count('metaLinePenalty').default(DEFAULT_BODY_WEIGHTS.metaLinePenalty),
    /** A comment heading opens the comments when at least this many of those lines follow (default 2). */
    minCommentMeta: count('minCommentMeta').default(DEFAULT_BODY_WEIGHTS.minCommentMeta),
    /** …or when text scoring at least this much precedes it (default 100). */
    commentsAfterScore: count('commentsAfterScore').default(DEFAULT_BODY_WEIGHTS.commentsAfterScore),
    /** Body search: cost of an item of a related-articles block (default 3, as a short line). */
    relatedItemPenalty: count('relatedItemPenalty').default(DEFAULT_BODY_WEIGHTS.relatedItemPenalty),
    /** Body search: cost of a line matching a chrome phrase (default 20). */
    chromeLinePenalty: count('chromeLinePenalty').default(DEFAULT_BODY_WEIGHTS.chromeLinePenalty),
    /** Text before a comment heading is the article when it scores this share of the best part (default 0.15). */
    minSegmentShare: share('minSegmentShare').default(DEFAULT_BODY_WEIGHTS.minSegmentShare),
    /** …or scores this much (about as many words of prose; default 60), whichever is lower. */
    articleScore: count('articleScore').default(DEFAULT_BODY_WEIGHTS.articleScore),
    /** The prose right below the title line is the body when it scores this share of the densest run (default 0.3). */
    titleAnchorShare: share('titleAnchorShare').default(0.3),
    /** A paragraph this many non-prose lines (or fewer) above the body still starts it (default 3). */
    backfillGap: count('backfillGap').default(DEFAULT_BACKFILL_GAP),
    /** Non-blank lines above the body searched for the title line (default 8). */
    headLookback: count('headLookback').default(8),
    /** Non-blank lines below the body that may still close the article: short sentences, a signature (default 3). */
    tailLookahead: count('tailLookahead').default(3),
    /** Lines of at most this many words, without sentence punctuation, are menu items (default 6). */
    navLineMaxWords: count('navLineMaxWords').default(6),
  })
  .strict()

/** Options of drop-chrome as users write them. */
export type DropChromeOptions = z.input<typeof DropChromeSchema>
/** Options of drop-chrome with defaults filled. */
export type DropChromeSettings = z.output<typeof DropChromeSchema>
