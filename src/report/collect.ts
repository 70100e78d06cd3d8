/**
 * Folds processed documents into a `RunReport`, one document at a time, so the report never
 * needs the whole batch in memory. Pure: no I/O, no clock (the caller passes timings in).
 */
import { sourceLabel } from '../core/doc.ts'
import type { Doc } from '../core/doc.ts'
import { firstFatal } from '../core/message.ts'
import type { StageStep } from '../core/process.ts'
import { countSteps } from '../core/stats.ts'
import type { StageStats } from '../core/stats.ts'
import type { SkippedInput } from '../sources/types.ts'
import { appendRecord, createChunkedRecords, recordAt } from '../text/chunked-records.ts'
import type { ChunkedRecords } from '../text/chunked-records.ts'
import { createSiteTracker } from './site-stats.ts'
import type { SiteTrackerState } from './site-stats.ts'
import type { DocumentEntry, InputError, InputSummary, RunReport, RunSummary } from './types.ts'

/** Rejected or warned documents listed by name; the rest are counted in `documentsOmitted`. */
export const DOCUMENT_LIST_LIMIT = 2000
/** Input errors listed by name; more are still counted in `run.counts.errors`. */
export const ERROR_LIST_LIMIT = 10000

/** Run facts the collector cannot know by itself. */
export type RunFacts = Omit<RunSummary, 'counts'>

/** Accumulates one run's report. */
export interface ReportCollector {
  addDocument(doc: Doc, steps: readonly StageStep[], dropped: boolean, prepareMilliseconds?: Readonly<Record<string, number>>): void
  addSkipped(skipped: SkippedInput): void
  finish(facts: RunFacts): RunReport
  /**
   * What the documents added so far contributed, as plain data for a checkpoint. Skipped
   * files are left out: a resumed run reads the sources again and adds them again, in order.
   */
  snapshot(): CollectorState
}

/**
 * Documents, kept and rejected per input file, in input order. A folder of dumps has one file
 * per document, so this is compact: the path (shared with the document) and three numbers. A
 * file's documents arrive one after another, so a path is added once per such run.
 */
export interface InputTally {
  paths: string[]
  /** Per entry of `paths`: documents, kept, rejected. */
  counts: ChunkedRecords
}

/** A collector's document state as a checkpoint saves it; `createReportCollector(names, state)` restores it. */
export interface CollectorState {
  stages: StageStats[]
  inputs: InputTally
  errors: InputError[]
  documents: DocumentEntry[]
  sites: SiteTrackerState
  counts: { omitted: number; errors: number; warned: number }
}

function documentEntry(doc: Doc, dropped: boolean): DocumentEntry | undefined {
  const warnings = doc.messages
    .filter((message) => message.severity === 'warn')
    .map((message) => ({ rule: message.rule, reason: message.reason, line: message.place?.line, actual: message.actual }))
  if (!dropped && warnings.length === 0) return undefined
  const fatal = firstFatal(doc.messages)
  const base = { id: doc.id, source: sourceLabel(doc.source), warnings }
  return fatal === undefined ? { ...base, status: 'warned' } : { ...base, status: 'rejected', stage: fatal.stage, rule: fatal.rule, reason: fatal.reason }
}

function countInput(tally: InputTally, path: string, dropped: boolean): void {
  const last = tally.paths.length - 1
  if (tally.paths[last] !== path) {
    tally.paths.push(path)
    appendRecord(tally.counts, [1, dropped ? 0 : 1, dropped ? 1 : 0])
    return
  }
  const counts = recordAt(tally.counts, last)
  counts[0] = (counts[0] as number) + 1
  counts[dropped ? 2 : 1] = (counts[dropped ? 2 : 1] as number) + 1
}

/** One summary per input path, in order of first appearance (a path read twice is summed). */
function inputSummaries(tally: InputTally): InputSummary[] {
  const byPath = new Map<string, InputSummary>()
  tally.paths.forEach((path, entry) => {
    const [documents, kept, rejected] = recordAt(tally.counts, entry) as unknown as [number, number, number]
    const summary = byPath.get(path) ?? { path, documents: 0, kept: 0, rejected: 0 }
    byPath.set(path, { path, documents: summary.documents + documents, kept: summary.kept + kept, rejected: summary.rejected + rejected })
  })
  return [...byPath.values()]
}

/** Creates an empty collector (or one restored from a checkpoint); stage counters appear in the order the stages first ran. */
export function createReportCollector(stageNames: readonly string[], restored?: CollectorState): ReportCollector {
  const initial = restored?.stages ?? stageNames.map((name) => ({ name, in: 0, kept: 0, dropped: 0, milliseconds: 0, byRule: {}, droppedByRule: {} }))
  const stages = new Map<string, StageStats>(initial.map((stage) => [stage.name, stage]))
  const inputs: InputTally = restored?.inputs ?? { paths: [], counts: createChunkedRecords(3) }
  const errors: InputError[] = restored?.errors ?? []
  const skipped: SkippedInput[] = []
  const documents: DocumentEntry[] = restored?.documents ?? []
  const sites = createSiteTracker(restored?.sites)
  let omitted = restored?.counts.omitted ?? 0
  let errorCount = restored?.counts.errors ?? 0
  let warned = restored?.counts.warned ?? 0
  return {
    snapshot: () => ({ stages: [...stages.values()], inputs, errors, documents, sites: sites.snapshot(), counts: { omitted, errors: errorCount, warned } }),
    addDocument(doc, steps, dropped, prepareMilliseconds) {
      countSteps(stages, doc, steps, prepareMilliseconds)
      sites.add(doc, dropped)
      countInput(inputs, doc.source.path, dropped)
      const fatal = firstFatal(doc.messages)
      if (fatal?.stage === 'source') {
        errorCount += 1
        if (errors.length < ERROR_LIST_LIMIT) errors.push({ source: sourceLabel(doc.source), line: fatal.place?.line ?? doc.source.line, rule: fatal.rule, reason: fatal.reason })
      }
      const entry = documentEntry(doc, dropped)
      if (entry?.status === 'warned') warned += 1
      if (entry !== undefined && documents.length < DOCUMENT_LIST_LIMIT) documents.push(entry)
      else if (entry !== undefined) omitted += 1
    },
    addSkipped(entry) {
      skipped.push(entry)
    },
    finish(facts) {
      const inputList = inputSummaries(inputs)
      const kept = inputList.reduce((sum, input) => sum + input.kept, 0)
      const rejected = inputList.reduce((sum, input) => sum + input.rejected, 0)
      const topLevel = new Set([...inputList.map((input) => input.path), ...skipped.map((entry) => entry.path.split('!/')[0] as string)])
      const counts = { inputs: topLevel.size, documents: kept + rejected, kept, rejected, warned, skipped: skipped.length, errors: errorCount }
      return { version: 1, run: { ...facts, counts }, stages: [...stages.values()], inputs: inputList, errors, skipped, documents, documentsOmitted: omitted, ...sites.finish(), breaches: [] }
    },
  }
}
