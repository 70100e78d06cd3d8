/**
 * Turns a run's report and its drift into the verdict a nightly cron needs: the list of
 * threshold breaches (each one sentence; any breach means exit 1) and sites re-ranked so the
 * ones that drifted come first. Pure: it returns a new report.
 */
import type { Thresholds } from '../config/schema.ts'
import type { DriftReport } from './health-types.ts'
import { compareTrouble } from './site-stats.ts'
import type { RunReport } from './types.ts'

/** Breach sentences listed in the final line before "and N more". */
const SUMMARY_LIMIT = 3

function rejectBreach(report: RunReport, thresholds: Thresholds): string[] {
  const { documents, rejected } = report.run.counts
  if (thresholds.maxRejectRatio === undefined || documents === 0) return []
  const ratio = rejected / documents
  if (ratio <= thresholds.maxRejectRatio) return []
  return [`Rejected ${Math.round(100 * ratio)}% of documents (${rejected} of ${documents}), above thresholds.maxRejectRatio ${Math.round(100 * thresholds.maxRejectRatio)}%.`]
}

/** Adds the drift section (when there is one) and the breaches to `report`. */
export function applyThresholds(report: RunReport, thresholds: Thresholds, drift?: DriftReport): RunReport {
  const flags = drift?.flags ?? []
  const penalty = new Map<string, number>()
  for (const flag of flags) if (flag.breach) penalty.set(flag.site, (penalty.get(flag.site) ?? 0) + 1)
  const sites = report.sites.map((site) => ({ ...site, trouble: site.trouble + (penalty.get(site.site) ?? 0) })).sort(compareTrouble)
  const breaches = [...rejectBreach(report, thresholds), ...flags.filter((flag) => flag.breach).map((flag) => flag.message)]
  return { ...report, sites, ...(drift === undefined ? {} : { drift }), breaches }
}

/** The last line a failed run prints: every reason, shortened after a few. */
export function breachSummary(breaches: readonly string[]): string {
  const shown = breaches.slice(0, SUMMARY_LIMIT).map((breach) => breach.replace(/\.$/u, ''))
  const more = breaches.length > SUMMARY_LIMIT ? `; and ${breaches.length - SUMMARY_LIMIT} more (see report.md)` : ''
  return `Threshold breached (exit 1): ${shown.join('; ')}${more}.`
}
