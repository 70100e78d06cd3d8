/**
 * quality-filter — Gopher and C4 quality rules for training corpora, with the published
 * thresholds: Rae et al. 2021 ("Scaling Language Models: Methods, Analysis & Insights from
 * Training Gopher", §A.1.1 and Table A1) and Raffel et al. 2020 ("Exploring the Limits of
 * Transfer Learning with a Unified Text-to-Text Transformer", §2.2, the C4 rules).
 *
 * Modes:
 * - `annotate` (default): nothing changes and nothing is dropped. Every measure goes to `stats`
 *   (`gopher.*`, `c4.*`, `c4.linesRemoved`), and each failed page rule is a warning with the
 *   value that fired it. Line rules only count: almost every page has a headline without a
 *   final stop, and a warning on every document would drown the report.
 * - `drop`: C4 line rules remove lines (info per line), and the first failed page rule rejects
 *   the document (fatal), naming the other failed rules too.
 * Gopher rules (page): `gopher-word-count` (50–100,000 words), `gopher-mean-word-length` (3–10),
 * `gopher-symbol-ratio` (`#` or ellipses per word ≤ 0.1), `gopher-bullet-lines` (≤ 90% of lines),
 * `gopher-ellipsis-lines` (≤ 30%), `gopher-alphabetic-words` (≥ 80% of words have a letter),
 * `gopher-stop-words` (≥ 2 of the, be, to, of, and, that, have, with; English only unless
 * `gopher.stopWords` adds lists), `gopher-duplicate-lines` / `-paragraphs` (≤ 30%),
 * `gopher-duplicate-line-characters` / `-paragraph-characters` (≤ 20%), `gopher-top-ngram`
 * (2/3/4-grams ≤ 20/18/16% of characters), `gopher-duplicate-ngrams` (5…10-grams ≤ 15…10%).
 * Word rules are skipped for scripts written without spaces. C4 rules: lines `c4-short-line`
 * (< 3 words), `c4-terminal-punctuation`, `c4-javascript`, `c4-policy` (cookie/terms notices);
 * page `c4-lorem-ipsum`, `c4-curly-brace`, `c4-too-few-sentences` (< 5 after the line rules).
 * Rule ids are prefixed `quality-filter/`. `skip` turns rules off; `gopher: false` or `c4: false`
 * a whole family. The default preset runs it after validate and detect-language (stop words
 * need `lang`); in drop mode it rebuilds `paragraphs` and the word and character counts.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Doc } from '../core/doc.ts'
import { lineRunExtra } from '../core/message.ts'
import type { Drop, Stage, StageContext } from '../core/stage.ts'
import { primaryLanguage } from '../text/language-tag.ts'
import { lineRuns } from '../text/line-runs.ts'
import { joinKeptLines } from '../text/lines.ts'
import { splitParagraphs } from '../text/paragraphs.ts'
import { countCharacters, countWords } from '../text/words.ts'
import { c4Lines, c4Measures, C4Options } from './quality-filter/c4.ts'
import type { C4LineRule } from './quality-filter/c4.ts'
import type { Measure } from './quality-filter/finding.ts'
import { gopherMeasures, GopherOptions } from './quality-filter/gopher.ts'

/** Rule ids of the quality-filter stage. */
export const qualityFilterRules = [
  'quality-filter/gopher-word-count',
  'quality-filter/gopher-mean-word-length',
  'quality-filter/gopher-symbol-ratio',
  'quality-filter/gopher-bullet-lines',
  'quality-filter/gopher-ellipsis-lines',
  'quality-filter/gopher-alphabetic-words',
  'quality-filter/gopher-stop-words',
  'quality-filter/gopher-duplicate-lines',
  'quality-filter/gopher-duplicate-paragraphs',
  'quality-filter/gopher-duplicate-line-characters',
  'quality-filter/gopher-duplicate-paragraph-characters',
  'quality-filter/gopher-top-ngram',
  'quality-filter/gopher-duplicate-ngrams',
  'quality-filter/c4-short-line',
  'quality-filter/c4-terminal-punctuation',
  'quality-filter/c4-javascript',
  'quality-filter/c4-policy',
  'quality-filter/c4-lorem-ipsum',
  'quality-filter/c4-curly-brace',
  'quality-filter/c4-too-few-sentences',
] as const
type Rule = (typeof qualityFilterRules)[number]

const Options = z
  .object({
    /** `annotate` records scores and warns; `drop` removes C4 lines and rejects failing pages. */
    mode: z.enum(['annotate', 'drop']).default('annotate'),
    /** Gopher thresholds (published defaults), or `false` to skip the family. */
    gopher: z.union([z.literal(false), GopherOptions]).prefault({}),
    /** C4 settings (published defaults), or `false` to skip the family. */
    c4: z.union([z.literal(false), C4Options]).prefault({}),
    /** Rule ids to leave out (e.g. `quality-filter/c4-terminal-punctuation`). */
    skip: z.array(z.enum(qualityFilterRules)).default([]),
    /** Record every measure in `stats` (off: only messages). */
    scores: z.boolean().default(true),
  })
  .strict()

/** Options of {@link qualityFilter} as users write them. */
export type QualityFilterOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

function withScores(doc: Doc, measures: readonly Measure[], removedLines: number, settings: Settings): Doc {
  if (!settings.scores) return doc
  const stats = { ...doc.stats }
  for (const measure of measures) stats[measure.stat] = Math.round(measure.value * 1000) / 1000
  if (settings.c4 !== false) stats['c4.linesRemoved'] = removedLines
  return { ...doc, stats }
}

/** Drop mode: one info per run of lines a C4 rule removed (annotate mode counts them in `c4.linesRemoved` only). */
function reportLines(lines: readonly string[], removed: readonly (C4LineRule | undefined)[], context: StageContext<Rule>): void {
  for (const run of lineRuns(lines, removed)) {
    const reason = run.count === 1 ? 'Removed a line (C4 line rule).' : `Removed ${run.count} lines (C4 line rule), lines ${run.first + 1}–${run.last + 1}.`
    context.info(run.rule, reason, lineRunExtra(lines, run))
  }
}

function decide(doc: Doc, text: string, failed: readonly Measure[], settings: Settings, context: StageContext<Rule>): Doc | Drop {
  if (settings.mode === 'annotate') {
    for (const measure of failed) context.warn(measure.rule as Rule, measure.reason)
    return doc
  }
  const [first, ...others] = failed
  if (first !== undefined) {
    const also = others.length === 0 ? '' : ` Also failed: ${[...new Set(others.map((measure) => measure.rule.slice('quality-filter/'.length)))].join(', ')}.`
    return context.drop(first.rule as Rule, `${first.reason}${also}`)
  }
  if (text === doc.text) return doc
  const paragraphs = doc.paragraphs === undefined ? undefined : splitParagraphs(text)
  const counts: Record<string, number> = paragraphs === undefined ? {} : { paragraphs: paragraphs.length, words: countWords(text), characters: countCharacters(text) }
  return { ...doc, text, paragraphs, stats: { ...doc.stats, ...counts } }
}

/** Creates the quality-filter stage; bad thresholds fail here, at config time. */
export function qualityFilter(options: QualityFilterOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('quality-filter', Options, options)
  const skip = new Set<string>(settings.skip)
  return {
    name: 'quality-filter',
    rules: qualityFilterRules,
    options: settings,
    run(doc, context) {
      const c4 = settings.c4 === false ? undefined : c4Lines(doc.text, settings.c4)
      const removed = (c4?.removed ?? []).map((rule) => (rule !== undefined && !skip.has(rule) ? rule : undefined))
      const keptText = c4 === undefined || removed.every((rule) => rule === undefined) ? doc.text : joinKeptLines(c4.lines, removed.map((rule) => rule === undefined))
      const measures = [
        ...(settings.gopher === false ? [] : gopherMeasures(doc.text, settings.gopher, primaryLanguage(doc.lang))),
        ...(settings.c4 === false ? [] : c4Measures(doc.text, keptText, settings.c4)),
      ].filter((measure) => !skip.has(measure.rule))
      if (settings.mode === 'drop') reportLines(c4?.lines ?? [], removed, context)
      const scored = withScores(doc, measures, removed.filter((rule) => rule !== undefined).length, settings)
      return decide(scored, keptText, measures.filter((measure) => measure.failed), settings, context)
    },
  }
}
