/**
 * dedupe-headers — finds the title and removes its repeats.
 *
 * Changes:
 * - `title`: taken from metadata, else found in the text (a heading repeated near the top, or
 *   the heading right above the first paragraph); a site name cut off ("Title | Site",
 *   "Title - Site", "Site: Title").
 * - text: the title (with or without its site suffix) is kept once, at the occurrence nearest
 *   above the article, with the suffix cut; other lines equal to it go; a subhead repeated on
 *   the next line goes.
 * - `meta.lineFeatures`: when it classified the lines (to find the title above the article), the
 *   features of the lines it kept, which drop-chrome reuses instead of classifying them again.
 * Rules (info): `dedupe-headers/title-found`, `dedupe-headers/title-suffix-removed`,
 * `dedupe-headers/title-line-removed`, `dedupe-headers/repeated-subhead-removed`. Never drops.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { excerpt } from '../core/message.ts'
import { hostOf } from '../core/site-key.ts'
import type { Stage, StageContext } from '../core/stage.ts'
import { createChromeMatcher } from '../text/chrome-match.ts'
import { comparable, joinKeptLines, splitLines, wordCount } from '../text/lines.ts'
import { docLines } from '../text/article/doc-lines.ts'
import { DEFAULT_FEATURES, handOver } from '../text/article/line-features.ts'
import { featureConfig, LINE_HANDOVER_META } from '../text/article/line-base.ts'
import { isHeadingLike, isProseLine } from '../text/prose.ts'
import { cleanTitle } from '../text/title.ts'
import { findTitleLine } from './dedupe-headers/find-title.ts'

const lineCount = (name: string) => z.number({ error: `Expected \`${name}\` to be a number of lines` }).int({ error: `Expected \`${name}\` to be a whole number of lines` }).min(0, { error: `Expected \`${name}\` to be 0 or more` })

/** A title of fewer words ("News") is too common a line to remove its repeats. */
const MIN_TITLE_WORDS = 2

const Options = z
  .object({
    /** Non-blank lines at the top searched for a repeated title (default 12). */
    topWindow: lineCount('topWindow').default(12),
    /** Non-blank lines above the first paragraph searched for the title (default 6). */
    aboveWindow: lineCount('aboveWindow').default(6),
    /** Set the title found in the text when metadata had none (default true). */
    titleFromText: z.boolean().default(true),
  })
  .strict()

/** Options of {@link dedupeHeaders} as users write them. */
export type DedupeHeadersOptions = z.input<typeof Options>

/** Rule ids of the dedupe-headers stage. */
export const dedupeHeadersRules = [
  'dedupe-headers/title-found',
  'dedupe-headers/title-suffix-removed',
  'dedupe-headers/title-line-removed',
  'dedupe-headers/repeated-subhead-removed',
] as const

type Rule = (typeof dedupeHeadersRules)[number]

/**
 * A metadata title found verbatim in the text normally stays whole (headlines contain dashes and
 * colons), but " | " separates a site name in practice everywhere, so such a title is still cut.
 */
const SITE_PIPE = /\s\|\s/

/**
 * How the title was found, left in `doc.meta.titleEvidence` for later stages: drop-chrome lets
 * a `metadata` or `repeated` title pick the article, but not a `headline` guess.
 */
export type TitleEvidence = 'metadata' | 'repeated' | 'headline'

/** The line of the title to keep: the last occurrence above the first prose line, else the first. */
function keptTitleIndex(lines: readonly string[], matches: readonly number[]): number | undefined {
  const firstProse = lines.findIndex((line) => isProseLine(line))
  const above = matches.filter((index) => firstProse < 0 || index < firstProse)
  return above.length > 0 ? above[above.length - 1] : matches[0]
}

/** Indexes of the non-blank lines whose key is one of `keys` (compared directly: most keys differ in length at once). */
function linesWithKey(lines: readonly string[], lineKeys: readonly string[], keys: readonly string[]): number[] {
  const matches: number[] = []
  lineKeys.forEach((key, index) => {
    if (keys.includes(key) && (lines[index] as string).trim() !== '') matches.push(index)
  })
  return matches
}

function removeTitleRepeats(lines: string[], lineKeys: string[], keep: boolean[], keys: readonly string[], title: string, context: StageContext<Rule>): void {
  const matches = linesWithKey(lines, lineKeys, keys)
  const kept = keptTitleIndex(lines, matches)
  for (const index of matches) {
    const line = lines[index] as string
    if (index !== kept) {
      keep[index] = false
      context.info('dedupe-headers/title-line-removed', 'Removed a repeat of the title.', { place: { line: index + 1 }, actual: excerpt(line) })
    } else if (lineKeys[index] !== comparable(title)) {
      lines[index] = title
      lineKeys[index] = comparable(title)
      context.info('dedupe-headers/title-suffix-removed', `Cut the site name from the title line, leaving "${excerpt(title, 80)}".`, { place: { line: index + 1 }, actual: excerpt(line) })
    }
  }
}

function removeRepeatedSubheads(lines: readonly string[], lineKeys: readonly string[], keep: boolean[], context: StageContext<Rule>): void {
  let previous: string | undefined
  lines.forEach((line, index) => {
    if (line.trim() === '' || keep[index] !== true) return
    const key = lineKeys[index] as string
    if (key === previous && isHeadingLike(line)) {
      keep[index] = false
      context.info('dedupe-headers/repeated-subhead-removed', 'Removed a heading repeated on the next line.', { place: { line: index + 1 }, actual: excerpt(line) })
    }
    previous = key
  })
}

/** Creates the dedupe-headers stage; unknown options fail here, at config time. */
export function dedupeHeaders(options: DedupeHeadersOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('dedupe-headers', Options, options)
  const match = createChromeMatcher()
  const config = featureConfig(match, DEFAULT_FEATURES)
  return {
    name: 'dedupe-headers',
    rules: dedupeHeadersRules,
    options: settings,
    run(doc, context) {
      const lines = splitLines(doc.text)
      const view = docLines(lines, match, DEFAULT_FEATURES)
      let raw = doc.title?.trim()
      const fromMetadata = raw !== undefined && raw !== ''
      let evidence: TitleEvidence | undefined = fromMetadata ? 'metadata' : undefined
      if ((raw === undefined || raw === '') && settings.titleFromText) {
        const found = findTitleLine(view, match, settings)
        if (found !== undefined) {
          raw = found.text
          evidence = found.evidence
          context.info('dedupe-headers/title-found', 'Found the title in the text.', { place: { line: found.index + 1 }, actual: excerpt(found.text) })
        }
      }
      const title = raw === undefined || raw === '' ? undefined : cleanTitle(raw, lines, fromMetadata && !SITE_PIPE.test(raw), view.keys(), hostOf(doc.url))
      if (raw !== undefined && title !== undefined && title !== raw.replace(/\s+/g, ' ')) {
        context.info('dedupe-headers/title-suffix-removed', `Cut the site name from the title, leaving "${excerpt(title, 80)}".`, { actual: excerpt(raw) })
      }
      const keep = lines.map(() => true)
      if (title !== undefined && wordCount(title) >= MIN_TITLE_WORDS) removeTitleRepeats(lines, view.keys(), keep, [comparable(title), comparable(raw ?? title)], title, context)
      removeRepeatedSubheads(lines, view.keys(), keep, context)
      const text = keep.every(Boolean) ? lines.join('\n') : joinKeptLines(lines, keep)
      const infos = view.computed()
      const handover = infos === undefined ? {} : { [LINE_HANDOVER_META]: handOver(infos, keep, config) }
      const meta = evidence === undefined && infos === undefined ? doc.meta : { ...doc.meta, ...(evidence === undefined ? {} : { titleEvidence: evidence }), ...handover }
      return { ...doc, text, title, meta }
    },
  }
}
