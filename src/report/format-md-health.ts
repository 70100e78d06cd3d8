/**
 * The report.md sections for per-site health: the verdict (threshold breaches), drift flags
 * against the baseline, and the sites table, worst first. Pure, like `format-md.ts`.
 */
import type { SiteReport } from './health-types.ts'
import { recurringLines } from './site-lines.ts'
import type { RunReport } from './types.ts'

/** Sites listed in report.md (report.json and report.html have them all). */
const SITE_LIMIT = 30

const percent = (value: number): string => `${Math.round(100 * value)}%`

function cell(value: string | number): string {
  return String(value).replace(/\|/g, '\\|').replace(/\s+/g, ' ')
}

function table(header: string[], rows: (string | number)[][]): string[] {
  if (rows.length === 0) return ['_none_', '']
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), '']
}

function verdict(report: RunReport): string[] {
  if (report.breaches.length === 0) return []
  return ['## Threshold breaches (exit 1)', '', ...report.breaches.map((breach) => `- ${breach}`), '']
}

function drift(report: RunReport): string[] {
  const { drift: section } = report
  if (section === undefined) return []
  const head = `Compared ${section.compared} sites with \`${section.baseline.path}\` (run of ${section.baseline.startedAt}).`
  const rows = section.flags.map((flag) => [flag.breach ? '✗' : '·', flag.kind, flag.message.slice(flag.site.length + 2), flag.site])
  return ['## Drift since the baseline', '', head, '', ...table(['', 'kind', 'what changed', 'site'], rows)]
}

function topRejection(site: SiteReport): string {
  const [rule, count] = Object.entries(site.rejectedByRule).sort((a, b) => b[1] - a[1])[0] ?? []
  return rule === undefined ? '' : `${rule} ${count}`
}

function siteRow(site: SiteReport): (string | number)[] {
  const share = (part: number, whole: number): string => (whole === 0 ? '–' : percent(part / whole))
  return [
    site.site, site.trouble.toFixed(2), site.documents, share(site.kept, site.documents), topRejection(site), `${site.medianLength} / ${site.p10Length}`,
    percent(site.chromeShare), share(site.garbled, site.kept), site.nearEmpty, `${site.missing.title} / ${site.missing.published} / ${site.missing.author}`,
    site.encodingRepairs, site.duplicates, site.recordIssues,
  ]
}

function sites(report: RunReport): string[] {
  const header = ['site', 'trouble', 'docs', 'kept', 'top rejection', 'median / p10 chars', 'chrome', 'garbled', 'near-empty', 'no title / date / author', 'encoding fixes', 'duplicates', 'record issues']
  const more = report.sites.length > SITE_LIMIT ? [`…and ${report.sites.length - SITE_LIMIT} more sites in report.json and report.html.`, ''] : []
  return ['## Sites, worst first', '', ...table(header, report.sites.slice(0, SITE_LIMIT).map(siteRow)), ...more, ...recurring(report)]
}

function recurring(report: RunReport): string[] {
  const rows = report.sites.flatMap((site) => recurringLines(site).map((line) => [site.site, line.text, `${line.count - line.error}–${line.count} of ${site.linePages}`]))
  if (rows.length === 0) return []
  return ['Lines on most of a site\'s kept pages (chrome that survived cleaning, or a layout change):', '', ...table(['site', 'line', 'kept pages'], rows.slice(0, SITE_LIMIT))]
}

/** Verdict, drift and sites, in that order. */
export function healthSections(report: RunReport): string[] {
  return [...verdict(report), ...drift(report), ...sites(report)]
}
