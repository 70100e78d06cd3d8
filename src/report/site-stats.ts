/**
 * Per-site health, folded one document at a time in bounded memory: counters, a fixed log
 * histogram for median and p10 length (`length-histogram.ts`), a Space-Saving summary of
 * recurring lines (`site-lines.ts`) and a few examples (`site-examples.ts`) per site. At most
 * `MAX_SITES` sites are tracked one by one; later new sites share the `(other sites)` entry.
 *
 * Trouble score (sites are listed worst first):
 *   trouble = (rejected − ½·duplicates + ½·keptWithWarnings) / (documents + 5)
 * i.e. the share of documents with a problem, where a duplicate or a warning weighs half a
 * rejection, shrunk toward 0 for small sites (+5), so one bad page out of one does not outrank
 * 40 bad pages out of 100. Drift breaches add 1 each (`drift.ts`), putting drifted sites first.
 */
import type { Doc } from '../core/doc.ts'
import { changeCount, firstFatal } from '../core/message.ts'
import { murmur3 } from '../text/hash32.ts'
import type { LengthHistogram, SiteReport } from './health-types.ts'
import { addLength, createFineHistogram, displayBin, DISPLAY_EDGES, quantile } from './length-histogram.ts'
import type { FineHistogram } from './length-histogram.ts'
import { createExamplePicker } from './site-examples.ts'
import type { ExamplePicker, ExamplePickerState } from './site-examples.ts'
import { createLineSummary } from './site-lines.ts'
import type { LineSummary, LineSummaryState } from './site-lines.ts'
import { siteOf } from '../core/site-key.ts'

/** Sites tracked one by one. */
export const MAX_SITES = 500
/** The entry that collects sites beyond {@link MAX_SITES}. */
export const OTHER_SITES = '(other sites)'
/** Final text shorter than this (characters, trimmed) counts as an empty or near-empty extraction. */
export const NEAR_EMPTY_CHARACTERS = 200
const ENCODING_RULES = new Set(['decode/charset', 'decode/mojibake-repaired'])
const RECORD_STAGES = new Set(['check-record', 'check-urls'])

type Counts = Omit<SiteReport, 'site' | 'trouble' | 'medianLength' | 'p10Length' | 'chromeShare' | 'lines' | 'linesBound' | 'examples'>

interface SiteState extends Counts {
  textLines: number
  keptWithWarnings: number
  histogram: FineHistogram
  summary: LineSummary
  picker: ExamplePicker
}

function createSite(): SiteState {
  return {
    documents: 0, kept: 0, rejected: 0, rejectedByRule: {}, warnedByRule: {}, chromeLines: 0, textLines: 0, garbled: 0, nearEmpty: 0,
    missing: { title: 0, published: 0, author: 0 }, encodingRepairs: 0, duplicates: 0, recordIssues: 0, linePages: 0, keptWithWarnings: 0,
    histogram: createFineHistogram(), summary: createLineSummary(), picker: createExamplePicker(),
  }
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1
}

function countLines(text: string): number {
  let lines = 0
  for (const line of text.split('\n')) if (line.trim() !== '') lines += 1
  return lines
}

/** Folds the messages of one document into its site's counters. */
function addMessages(site: SiteState, doc: Doc, dropped: boolean): void {
  const warned = new Set<string>()
  let garbled = false
  let encoding = false
  let record = false
  for (const message of doc.messages) {
    if (message.stage === 'drop-chrome' && message.severity === 'info') site.chromeLines += changeCount(message)
    if (message.severity === 'warn') warned.add(message.rule)
    if (message.severity === 'warn' && message.rule.startsWith('fix-garbled/')) garbled = true
    if (ENCODING_RULES.has(message.rule)) encoding = true
    if (RECORD_STAGES.has(message.stage)) record = true
  }
  if (encoding) site.encodingRepairs += 1
  if (record) site.recordIssues += 1
  if (dropped) return
  if (garbled) site.garbled += 1
  if (warned.size > 0) site.keptWithWarnings += 1
  for (const rule of warned) increment(site.warnedByRule, rule)
}

function addDocumentTo(site: SiteState, doc: Doc, dropped: boolean): void {
  site.documents += 1
  site.textLines += countLines(doc.text)
  if (doc.text.trim().length < NEAR_EMPTY_CHARACTERS) site.nearEmpty += 1
  addMessages(site, doc, dropped)
  site.picker.offer(doc, dropped)
  if (dropped) {
    const rule = firstFatal(doc.messages)?.rule ?? 'unknown'
    site.rejected += 1
    increment(site.rejectedByRule, rule)
    if (rule === 'dedupe-docs/duplicate') site.duplicates += 1
    return
  }
  site.kept += 1
  addLength(site.histogram, doc.text.length)
  site.summary.addPage(doc.text)
  site.linePages += 1
  if (doc.title === undefined || doc.title === '') site.missing.title += 1
  if (doc.published === undefined || doc.published === '') site.missing.published += 1
  if (doc.author === undefined || doc.author === '') site.missing.author += 1
}

/** The trouble score documented at the top of this file. */
export function troubleScore(site: Pick<SiteReport, 'documents' | 'rejected' | 'duplicates'> & { keptWithWarnings: number }): number {
  const problems = site.rejected - 0.5 * site.duplicates + 0.5 * site.keptWithWarnings
  return Math.round((1000 * problems) / (site.documents + 5)) / 1000
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((10000 * part) / whole) / 10000
}

function finishSite(name: string, state: SiteState): SiteReport {
  const { textLines, keptWithWarnings, histogram, summary, picker, ...counts } = state
  const { lines, bound } = summary.top()
  return {
    site: name,
    trouble: troubleScore(state),
    ...counts,
    medianLength: quantile(histogram, 0.5),
    p10Length: quantile(histogram, 0.1),
    chromeShare: share(state.chromeLines, state.chromeLines + textLines),
    lines,
    linesBound: bound,
    examples: picker.list(),
  }
}

/** Orders sites worst first; ties by size, then name, so the order is stable. */
export function compareTrouble(a: SiteReport, b: SiteReport): number {
  return b.trouble - a.trouble || b.documents - a.documents || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0)
}

/** Per-site health for the report. */
export interface SiteTracker {
  add(doc: Doc, dropped: boolean): void
  finish(): { sites: SiteReport[]; sitesOmitted: number; lengths: LengthHistogram }
  /** Everything tracked so far as plain data, for a checkpoint; `createSiteTracker(state)` restores it. */
  snapshot(): SiteTrackerState
}

/** A tracker's state as a checkpoint saves it. */
export interface SiteTrackerState {
  sites: [string, Omit<SiteState, 'summary' | 'picker'> & { summary: LineSummaryState; picker: ExamplePickerState }][]
  omitted: number[]
  lengths: LengthHistogram
}

function restoreSites(state: SiteTrackerState | undefined): Map<string, SiteState> {
  const entries = (state?.sites ?? []).map(([name, site]): [string, SiteState] => [name, { ...site, summary: createLineSummary(site.summary), picker: createExamplePicker(site.picker) }])
  return new Map(entries)
}

/** Creates an empty tracker for one run, or one restored from a checkpoint. */
export function createSiteTracker(restored?: SiteTrackerState): SiteTracker {
  const sites = restoreSites(restored)
  const omitted = new Set<number>(restored?.omitted)
  const lengths: LengthHistogram = restored?.lengths ?? { edges: DISPLAY_EDGES, kept: DISPLAY_EDGES.map(() => 0), rejected: DISPLAY_EDGES.map(() => 0) }
  return {
    snapshot: () => ({
      sites: [...sites].map(([name, site]) => [name, { ...site, summary: site.summary.snapshot(), picker: site.picker.snapshot() }]),
      omitted: [...omitted],
      lengths,
    }),
    add(doc, dropped) {
      let name = siteOf(doc)
      if (!sites.has(name) && sites.size >= MAX_SITES) {
        omitted.add(murmur3(name))
        name = OTHER_SITES
      }
      const site = sites.get(name) ?? createSite()
      sites.set(name, site)
      addDocumentTo(site, doc, dropped)
      const bins = dropped ? lengths.rejected : lengths.kept
      const bin = displayBin(doc.text.length)
      bins[bin] = (bins[bin] ?? 0) + 1
    },
    finish() {
      const list = [...sites].map(([name, state]) => finishSite(name, state)).sort(compareTrouble)
      const other = list.findIndex((site) => site.site === OTHER_SITES)
      if (other !== -1) list.push(...list.splice(other, 1))
      return { sites: list, sitesOmitted: omitted.size, lengths }
    },
  }
}
