/**
 * The per-site health, drift and threshold parts of the report. A "site" is the host of a
 * document's url, or the top folder of its source path when it has none: the unit a scraper
 * breaks in, so the unit the report answers "which sites broke last night, and how?" for.
 */

/** One document kept as an example, with its `explain` trace (its messages, in stage order). */
export interface SiteExample {
  id: string
  source: string
  status: 'kept' | 'rejected'
  /** The rule that rejected it. */
  rule?: string
  /** Characters of the final text (of the text at the moment it was dropped, when rejected). */
  length: number
  /** The first characters of that text, for a look without opening clean.jsonl. */
  excerpt: string
  messages: { stage: string; rule: string; severity: 'fatal' | 'warn' | 'info'; reason: string; line?: number; actual?: string }[]
  /** How many messages the document had beyond the ones listed. */
  messagesOmitted: number
}

/** A line that recurs across a site's pages: its fingerprint, how many kept pages held it, and a sample. */
export interface SiteLine {
  hash: string
  /** Kept pages holding the line (an upper estimate: Space-Saving counts, see `site-lines.ts`). */
  count: number
  /** How much `count` may overstate the true number. */
  error: number
  text: string
}

/** Health of one site in one run. Shares are 0–1; lengths are characters of the final text. */
export interface SiteReport {
  site: string
  /** Higher is worse; see `troubleScore` in `site-stats.ts`. Sites are listed worst first. */
  trouble: number
  documents: number
  kept: number
  rejected: number
  /** Rejected documents per rule that rejected them. */
  rejectedByRule: Record<string, number>
  /** Kept documents carrying a warning, per warning rule (a document counts once per rule). */
  warnedByRule: Record<string, number>
  /** Median and 10th percentile length of kept documents (from a log histogram, ±4.4%). */
  medianLength: number
  p10Length: number
  /** Lines removed as chrome / (removed + remaining non-blank lines), over all documents. */
  chromeShare: number
  chromeLines: number
  /** Kept documents with at least one `fix-garbled/*` warning. */
  garbled: number
  /** Documents whose final text is under 200 characters (empty pages, stubs), kept or not. */
  nearEmpty: number
  /** Kept documents without the field. */
  missing: { title: number; published: number; author: number }
  /** Documents whose bytes or characters were repaired (`decode/charset`, `decode/mojibake-repaired`). */
  encodingRepairs: number
  /** Documents rejected as exact duplicates of an earlier one. */
  duplicates: number
  /** Documents with at least one scraper record check message (`check-record/*`, `check-urls/*`). */
  recordIssues: number
  /** Kept documents whose lines were counted in `lines`. */
  linePages: number
  /** The most frequent lines of kept pages, for layout-change detection in the next run. */
  lines: SiteLine[]
  /** Upper bound of the page count of any line not in `lines`. */
  linesBound: number
  examples: SiteExample[]
}

/** Length histogram of the run: `edges[i]` ≤ length < `edges[i + 1]` (the last bin is open). */
export interface LengthHistogram {
  edges: number[]
  kept: number[]
  rejected: number[]
}

/** What a drift flag is about. */
export type DriftKind = 'kept-ratio' | 'median-length' | 'chrome-share' | 'new-line' | 'site-vanished' | 'site-appeared'

/** One thing that moved beyond a threshold between the baseline run and this one. */
export interface DriftFlag {
  site: string
  kind: DriftKind
  /** The value in the baseline run and in this one (a share, a length, or a line's page share). */
  from: number | null
  to: number | null
  /** One sentence: what changed, from what to what. */
  message: string
  /** True when the kind is in `thresholds.failOn`: the run exits 1. */
  breach: boolean
  /** Ids of example documents in this run (anchors in report.html). */
  examples: string[]
}

/** The comparison with a previous run. */
export interface DriftReport {
  baseline: { path: string; startedAt: string; configHash: string }
  flags: DriftFlag[]
  /** Sites compared (both runs had at least `minSiteDocuments` documents). */
  compared: number
}
