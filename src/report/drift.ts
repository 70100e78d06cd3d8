/**
 * Run-over-run drift: compares this run's per-site health with a baseline report and flags
 * what moved beyond the configured thresholds, each flag one sentence saying what changed,
 * from what to what. Pure: the caller reads the baseline file (`sinks/report-history.ts`).
 *
 * Flags per site, for sites with at least `minSiteDocuments` documents in both runs:
 * - `kept-ratio`: kept/documents moved by more than `maxSiteDrift` (share points);
 * - `median-length`: the median kept length fell below 1/(1 + maxSiteDrift) or rose above
 *   (1 + maxSiteDrift) times the baseline's (both runs need half of `minSiteDocuments` kept);
 * - `chrome-share`: the share of lines removed as chrome moved by more than `maxSiteDrift`;
 * - `new-line`: a line is on at least `layoutLineShare` of the kept pages now (lower estimate)
 *   and was on under half that share before (upper estimate): a layout change;
 * and `site-vanished` / `site-appeared` for a site with `minSiteDocuments` documents in one run
 * and none in the other.
 */
import { z } from 'zod'
import type { Thresholds } from '../config/schema.ts'
import type { DriftFlag, DriftKind, DriftReport, SiteReport } from './health-types.ts'
import { OTHER_SITES } from './site-stats.ts'

/** New-line flags per site; more would repeat one layout change line by line. */
const NEW_LINES_PER_SITE = 3

/** The parts of a baseline report drift needs; everything else in the file is ignored. */
const BaselineSchema = z.object({
  run: z.object({ startedAt: z.string(), configHash: z.string() }),
  sites: z.array(
    z.object({
      site: z.string(),
      documents: z.number(),
      kept: z.number(),
      medianLength: z.number(),
      chromeShare: z.number(),
      linePages: z.number(),
      linesBound: z.number(),
      lines: z.array(z.object({ hash: z.string(), count: z.number(), error: z.number(), text: z.string() })),
    }),
  ),
})

/** A baseline report as drift reads it. */
export type Baseline = z.output<typeof BaselineSchema>

/** Checks that `value` (a parsed report.json) can serve as a baseline; `label` names the file. */
export function parseBaseline(value: unknown, label: string): { ok: true; baseline: Baseline } | { ok: false; reason: string } {
  const parsed = BaselineSchema.safeParse(value)
  if (parsed.success) return { ok: true, baseline: parsed.data }
  const hasSites = typeof value === 'object' && value !== null && Array.isArray((value as { sites?: unknown }).sites)
  const why = hasSites ? `its per-site section does not match this version (${parsed.error.issues[0]?.path.join('.') ?? 'unknown field'})` : 'it has no per-site section (an older sluice wrote it)'
  return { ok: false, reason: `Cannot compare with ${label}: ${why}; this run's report.json will serve as the next baseline.` }
}

type BaselineSite = Baseline['sites'][number]

const percent = (value: number): string => `${Math.round(100 * value)}%`
const characters = (value: number): string => value.toLocaleString('en-US')

function flag(site: SiteReport | BaselineSite, kind: DriftKind, from: number | null, to: number | null, message: string, examples: string[], thresholds: Thresholds): DriftFlag {
  return { site: site.site, kind, from, to, message: `${site.site}: ${message}`, breach: thresholds.failOn.includes(kind), examples }
}

function exampleIds(site: SiteReport, status: 'kept' | 'rejected' | 'any'): string[] {
  const preferred = site.examples.filter((example) => status === 'any' || example.status === status)
  return (preferred.length > 0 ? preferred : site.examples).map((example) => example.id)
}

function topRejection(site: SiteReport): string {
  const [rule, count] = Object.entries(site.rejectedByRule).sort((a, b) => b[1] - a[1])[0] ?? []
  return rule === undefined ? '' : `; most rejected by ${rule} (${count})`
}

function keptRatio(now: SiteReport, before: BaselineSite, thresholds: Thresholds): DriftFlag[] {
  const [from, to] = [before.kept / before.documents, now.kept / now.documents]
  if (Math.abs(to - from) <= thresholds.maxSiteDrift) return []
  const verb = to < from ? 'fell' : 'rose'
  const message = `kept ratio ${verb} from ${percent(from)} (${before.kept} of ${before.documents}) to ${percent(to)} (${now.kept} of ${now.documents})${topRejection(now)}.`
  return [flag(now, 'kept-ratio', from, to, message, exampleIds(now, to < from ? 'rejected' : 'kept'), thresholds)]
}

function medianLength(now: SiteReport, before: BaselineSite, thresholds: Thresholds): DriftFlag[] {
  const enough = Math.ceil(thresholds.minSiteDocuments / 2)
  if (now.kept < enough || before.kept < enough || before.medianLength === 0) return []
  const [from, to] = [before.medianLength, now.medianLength]
  const limit = 1 + thresholds.maxSiteDrift
  if (to >= from / limit && to <= from * limit) return []
  const change = Math.round((100 * (to - from)) / from)
  const message = `median length ${to < from ? 'fell' : 'rose'} from ${characters(from)} to ${characters(to)} characters (${change > 0 ? '+' : ''}${change}%).`
  return [flag(now, 'median-length', from, to, message, exampleIds(now, 'kept'), thresholds)]
}

function chromeShare(now: SiteReport, before: BaselineSite, thresholds: Thresholds): DriftFlag[] {
  const [from, to] = [before.chromeShare, now.chromeShare]
  if (Math.abs(to - from) <= thresholds.maxSiteDrift) return []
  const message = `share of lines removed as chrome ${to > from ? 'rose' : 'fell'} from ${percent(from)} to ${percent(to)}.`
  return [flag(now, 'chrome-share', from, to, message, exampleIds(now, 'any'), thresholds)]
}

function newLines(now: SiteReport, before: BaselineSite, thresholds: Thresholds): DriftFlag[] {
  if (now.linePages < thresholds.minSiteDocuments || before.linePages < thresholds.minSiteDocuments) return []
  const earlier = new Map(before.lines.map((line) => [line.hash, line]))
  const flags: DriftFlag[] = []
  for (const line of now.lines) {
    const to = (line.count - line.error) / now.linePages
    if (to < thresholds.layoutLineShare) continue
    const old = earlier.get(line.hash)
    const from = (old === undefined ? before.linesBound : old.count) / before.linePages
    if (from >= thresholds.layoutLineShare / 2) continue
    const was = old === undefined ? `under ${percent(Math.max(from, 0.01))}` : percent(from)
    flags.push(flag(now, 'new-line', from, to, `a new line is on ${percent(to)} of kept pages (was ${was}): «${line.text}».`, exampleIds(now, 'kept'), thresholds))
    if (flags.length === NEW_LINES_PER_SITE) break
  }
  return flags
}

function presence(now: SiteReport | undefined, before: BaselineSite | undefined, thresholds: Thresholds): DriftFlag[] {
  if (now === undefined && before !== undefined && before.documents >= thresholds.minSiteDocuments) {
    return [flag(before, 'site-vanished', before.documents, 0, `vanished: no documents this run (the baseline had ${before.documents}, ${before.kept} kept).`, [], thresholds)]
  }
  if (before === undefined && now !== undefined && now.documents >= thresholds.minSiteDocuments) {
    return [flag(now, 'site-appeared', 0, now.documents, `appeared: ${now.documents} documents (${now.kept} kept), none in the baseline.`, exampleIds(now, 'any'), thresholds)]
  }
  return []
}

function compareSite(now: SiteReport, before: BaselineSite, thresholds: Thresholds): DriftFlag[] {
  if (now.documents < thresholds.minSiteDocuments || before.documents < thresholds.minSiteDocuments) return []
  return [...keptRatio(now, before, thresholds), ...medianLength(now, before, thresholds), ...chromeShare(now, before, thresholds), ...newLines(now, before, thresholds)]
}

/** Compares `sites` of this run with the baseline. `path` names the baseline in the report. */
export function compareRuns(sites: readonly SiteReport[], baseline: Baseline, path: string, thresholds: Thresholds): DriftReport {
  const current = new Map(sites.filter((site) => site.site !== OTHER_SITES).map((site) => [site.site, site]))
  const earlier = new Map(baseline.sites.filter((site) => site.site !== OTHER_SITES).map((site) => [site.site, site]))
  const flags: DriftFlag[] = []
  let compared = 0
  for (const [name, now] of current) {
    const before = earlier.get(name)
    if (before === undefined) flags.push(...presence(now, undefined, thresholds))
    else {
      if (now.documents >= thresholds.minSiteDocuments && before.documents >= thresholds.minSiteDocuments) compared += 1
      flags.push(...compareSite(now, before, thresholds))
    }
  }
  for (const [name, before] of earlier) if (!current.has(name)) flags.push(...presence(undefined, before, thresholds))
  return { baseline: { path, startedAt: baseline.run.startedAt, configHash: baseline.run.configHash }, flags, compared }
}
