/**
 * drop-chrome — removes page chrome (menus, buttons, share bars, cookie banners, related-links
 * blocks and teasers, comment sections and forms, copyright and feed footers) from text dumps
 * and extracted text alike.
 *
 * Changes: lines are removed; kept lines keep their paragraph breaks. `title` is only read.
 * How: a pure line classifier (`drop-chrome/classify.ts`) scores every line (prose, short,
 * chrome phrase, comment signature), finds the main body as the densest run of prose before the
 * reader comments (or below a trusted title), extends it up to the headline and byline and down
 * over closing lines, and judges every other line by position (head, tail, comments) and by the
 * phrase tables in en, de, fr, es, it, pt and nl (`src/text/chrome-phrases.ts`).
 * Line features handed over by dedupe-headers (`meta.lineFeatures`, same matcher and thresholds)
 * are reused for the lines whose text is unchanged, and taken out of `meta`.
 * Rules: one `info` per run of lines one rule removed (blank lines do not end a run), with
 * `place.line` (1-based line of this stage's input where the run starts), the count and range
 * in the sentence, and the run's first line as `actual`; the catalogue is `dropChromeRules`,
 * one rule per reason, so `disable: ['drop-chrome/nav-run']` switches one reason off.
 * Drops: `drop-chrome/nothing-left` when no text remains.
 * Batch learning: `knownChrome` (lines known as site chrome) is the hook for a later step that
 * learns repeated lines per site across a run.
 */
import { lineRunExtra } from '../core/message.ts'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Stage, StageContext } from '../core/stage.ts'
import { createChromeMatcher } from '../text/chrome-match.ts'
import { lineRuns } from '../text/line-runs.ts'
import { comparable, joinKeptLines, splitLines } from '../text/lines.ts'
import { LINE_HANDOVER_META, usableHandover } from '../text/article/line-base.ts'
import { classifyLines } from './drop-chrome/classify.ts'
import type { Decisions } from './drop-chrome/classify.ts'
import { DropChromeSchema } from './drop-chrome/options.ts'
import type { DropChromeOptions } from './drop-chrome/options.ts'
import { dropChromeRules, removedReason } from './drop-chrome/rules.ts'
import type { DropChromeRule } from './drop-chrome/rules.ts'

export { dropChromeRules } from './drop-chrome/rules.ts'
export type { DropChromeOptions } from './drop-chrome/options.ts'

/** Creates the drop-chrome stage; unknown options or rule ids fail here, at config time. */
export function dropChrome(options: DropChromeOptions = {}): Stage<DropChromeRule> {
  const settings = parseStageOptions('drop-chrome', DropChromeSchema, options)
  const match = createChromeMatcher(settings.phrases)
  const disabled = new Set<string>(settings.disable)
  const knownChrome = new Set(settings.knownChrome.map(comparable))
  return {
    name: 'drop-chrome',
    rules: dropChromeRules,
    options: settings,
    run(doc, context) {
      const lines = splitLines(doc.text)
      const anchor = doc.meta.titleEvidence !== 'headline'
      const { [LINE_HANDOVER_META]: handed, ...meta } = doc.meta
      const handover = usableHandover(handed, match, settings)
      const decisions = classifyLines(lines, { ...settings, match, disabled, title: doc.title, anchor, knownChrome, ...(handover === undefined ? {} : { handover }) })
      const removed = reportRuns(lines, decisions, context)
      if (removed === 0) return handed === undefined ? doc : { ...doc, meta }
      const text = joinKeptLines(lines, decisions.map((rule) => rule === undefined))
      if (text.trim() === '') return context.drop('drop-chrome/nothing-left', `Nothing but chrome was left: all ${removed} non-blank lines were removed.`)
      return { ...doc, text, meta }
    },
  }
}

/** One message per run of removed lines with the same rule; returns how many lines were removed. */
function reportRuns(lines: readonly string[], decisions: Decisions, context: StageContext<DropChromeRule>): number {
  let removed = 0
  for (const run of lineRuns(lines, decisions)) {
    context.info(run.rule, removedReason(run.rule, run.count, run.first + 1, run.last + 1), lineRunExtra(lines, run))
    removed += run.count
  }
  return removed
}
