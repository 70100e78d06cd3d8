/**
 * The chrome classifier: a pure function from lines to one decision per line (keep, or the rule
 * that removes it). Steps: features per line (shape, phrase kind, prose, menu blocks, teasers) →
 * comment barriers → main body (densest prose before the comments, or below a trusted title) →
 * article start (title, byline) and end (closing lines) → every line judged by its position
 * (head, body, tail, comments) and its phrase kind. Site learning plugs in through `knownChrome`.
 */
import type { ChromeMatcher } from '../../text/chrome-match.ts'
import { articleEnd, articleStart } from './head.ts'
import type { HeadSettings, TailSettings } from './head.ts'
import { anchorToTitle } from './anchor.ts'
import { createBodySearch, findBody } from '../../text/article/body.ts'
import type { BodyWeights } from '../../text/article/body.ts'
import { lineFeatures } from '../../text/article/line-features.ts'
import type { FeatureThresholds, LineInfo } from '../../text/article/line-features.ts'
import type { LineHandover } from '../../text/article/line-base.ts'
import { ruleOfKind } from './rules.ts'
import type { LineRule } from './rules.ts'

/** Everything the classifier needs besides the lines. */
export interface ClassifySettings extends FeatureThresholds, BodyWeights, HeadSettings, TailSettings {
  match: ChromeMatcher
  /** The run of prose below the title is the body when it scores this share of the densest run. */
  titleAnchorShare: number
  disabled: ReadonlySet<string>
  /** Short lines (fewer words) count as menu items in a navigation run. */
  navLineMaxWords: number
  /** Whether the title is trusted to pick the article (it came from metadata or repeats near the top). */
  anchor?: boolean
  /** Lines (in `comparable()` form) known to be chrome of this site, e.g. learnt across a batch. */
  knownChrome?: ReadonlySet<string>
  /** Features of the lines computed by an earlier stage with this matcher and these thresholds (dedupe-headers). */
  handover?: LineHandover
}

/** Lines with fewer words may repeat in an article (a refrain, a table cell); longer ones may not. */
const DUPLICATE_MIN_WORDS = 5

/** Per line: undefined to keep it, or the rule that removes it. */
export type Decisions = Array<LineRule | undefined>

function outsideRule(line: LineInfo, settings: ClassifySettings, fallback: LineRule): LineRule {
  if (line.kind !== undefined) return ruleOfKind(line.kind)
  if (line.relatedItem) return 'drop-chrome/related-links'
  if (fallback === 'drop-chrome/boilerplate-head' && line.words <= settings.navLineMaxWords && !line.terminal) return 'drop-chrome/nav-run'
  return fallback
}

function insideRule(line: LineInfo): LineRule | undefined {
  if (line.relatedItem) return 'drop-chrome/related-links'
  if (line.kind === undefined) return undefined
  return ruleOfKind(line.kind)
}

/** Classifies every line of a text dump. */
export function classifyLines(input: readonly string[], settings: ClassifySettings): Decisions {
  const lines = lineFeatures(input, settings.match, settings, settings.handover)
  const search = createBodySearch(lines, settings)
  const layout = findBody(search, settings, !settings.disabled.has('drop-chrome/comments-section'))
  const { body, commentsStart: cut } = settings.anchor === true ? anchorToTitle(search, layout, settings.title, settings.titleAnchorShare) : layout
  const decisions: Decisions = lines.map((line) => (line.blank ? undefined : insideRule(line)))
  if (body === undefined) return applyKnown(lines, decisions, settings)
  const start = articleStart(lines, body.start, settings)
  const end = articleEnd(lines, body.end, cut, settings)
  for (const line of lines) {
    if (line.blank) continue
    if (line.index < start) decisions[line.index] = outsideRule(line, settings, 'drop-chrome/boilerplate-head')
    else if (line.index >= cut) decisions[line.index] = line.kind === 'copyright' || line.kind === 'feed-footer' ? ruleOfKind(line.kind) : 'drop-chrome/comments-section'
    else if (line.index > end) decisions[line.index] = outsideRule(line, settings, 'drop-chrome/boilerplate-tail')
  }
  markDuplicates(lines, decisions, start, end)
  return applyKnown(lines, decisions, settings)
}

/** Longer lines repeated inside the article (a page rendering its text twice) are kept once. */
function markDuplicates(lines: readonly LineInfo[], decisions: Decisions, start: number, end: number): void {
  const seen = new Set<string>()
  for (let index = start; index <= end; index += 1) {
    const line = lines[index] as LineInfo
    if (line.blank || decisions[index] !== undefined || line.words < DUPLICATE_MIN_WORDS) continue
    const key = line.key
    if (seen.has(key)) decisions[index] = 'drop-chrome/duplicate-line'
    seen.add(key)
  }
}

function applyKnown(lines: readonly LineInfo[], decisions: Decisions, settings: ClassifySettings): Decisions {
  const known = settings.knownChrome
  return decisions.map((rule, index) => {
    const line = lines[index] as LineInfo
    if (rule === undefined && known !== undefined && known.size > 0 && !line.blank && known.has(line.key)) return 'drop-chrome/known-chrome'
    return rule !== undefined && settings.disabled.has(rule) ? undefined : rule
  })
}
