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
  addDocument(doc: Doc, steps: readonly StageStep[], dropped: boolean): void
  addSkipped(skipped: SkippedInput): void
  finish(facts: RunFacts): RunReport
  /**
   * What the documents added so far contributed, as plain data for a checkpoint. Skipped
   * files are left out: a resumed run reads the sources again and adds them again, in order.
   */
  snapshot(): CollectorState
}

/** A collector's document state as a checkpoint saves it; `createReportCollector(names, state)` restores it. */
export interface CollectorState {
  stages: StageStats[]
  inputs: InputSummary[]
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

/** Creates an empty collector (or one restored from a checkpoint); stage counters appear in the order the stages first ran. */
export function createReportCollector(stageNames: readonly string[], restored?: CollectorState): ReportCollector {
  const initial = restored?.stages ?? stageNames.map((name) => ({ name, in: 0, kept: 0, dropped: 0, milliseconds: 0, byRule: {}, droppedByRule: {} }))
  const stages = new Map<string, StageStats>(initial.map((stage) => [stage.name, stage]))
  const inputs = new Map<string, InputSummary>((restored?.inputs ?? []).map((input) => [input.path, input]))
  const errors: InputError[] = restored?.errors ?? []
  const skipped: SkippedInput[] = []
  const documents: DocumentEntry[] = restored?.documents ?? []
  const sites = createSiteTracker(restored?.sites)
  let omitted = restored?.counts.omitted ?? 0
  let errorCount = restored?.counts.errors ?? 0
  let warned = restored?.counts.warned ?? 0
  return {
    snapshot: () => ({ stages: [...stages.values()], inputs: [...inputs.values()], errors, documents, sites: sites.snapshot(), counts: { omitted, errors: errorCount, warned } }),
    addDocument(doc, steps, dropped) {
      countSteps(stages, doc, steps)
      sites.add(doc, dropped)
      const input = inputs.get(doc.source.path) ?? { path: doc.source.path, documents: 0, kept: 0, rejected: 0 }
      inputs.set(doc.source.path, input)
      input.documents += 1
      input[dropped ? 'rejected' : 'kept'] += 1
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
      const inputList = [...inputs.values()]
      const kept = inputList.reduce((sum, input) => sum + input.kept, 0)
      const rejected = inputList.reduce((sum, input) => sum + input.rejected, 0)
      const topLevel = new Set([...inputs.keys(), ...skipped.map((entry) => entry.path.split('!/')[0] as string)])
      const counts = { inputs: topLevel.size, documents: kept + rejected, kept, rejected, warned, skipped: skipped.length, errors: errorCount }
      return { version: 1, run: { ...facts, counts }, stages: [...stages.values()], inputs: inputList, errors, skipped, documents, documentsOmitted: omitted, ...sites.finish(), breaches: [] }
    },
  }
}
