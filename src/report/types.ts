/**
 * The validation report's shape. `report.json` is exactly this object; `report.md` is rendered
 * from it by a pure formatter, so both always agree.
 */
import type { StageStats } from '../core/stats.ts'
import type { DriftReport, LengthHistogram, SiteReport } from './health-types.ts'

/** Totals for the whole run. */
export interface RunCounts {
  /** Top-level input files (a zip counts once). */
  inputs: number
  documents: number
  kept: number
  rejected: number
  /** Kept documents that carry at least one warning. */
  warned: number
  /** Files or archive entries found but not read (unsupported format, OS junk). */
  skipped: number
  /** Inputs that could not be read at all (malformed, truncated, binary…). */
  errors: number
}

/** What the run cost the machine: for sizing nightly jobs and spotting a regression. */
export interface RunResources {
  /** CPU time of the process during the run, all threads (user + system). */
  cpuSeconds: number
  /** Peak resident memory of the process so far, worker threads included. */
  peakRssMiB: number
}

/** Run-level facts. Timings and resources are the only fields that differ between identical reruns. */
export interface RunSummary {
  startedAt: string
  durationMs: number
  resources?: RunResources
  configHash: string
  input: string[]
  output: string
  concurrency: number
  /** Worker threads that ran the order-free stages; 0 when they ran on the main thread. */
  workers?: number
  stages: string[]
  counts: RunCounts
  /** Files written for kept documents (shards in order), relative to the output folder. */
  cleanFiles?: string[]
}

/** Per top-level input file. */
export interface InputSummary {
  path: string
  documents: number
  kept: number
  rejected: number
}

/** An input, or a record inside one, that a source could not read. */
export interface InputError {
  source: string
  line?: number
  rule: string
  reason: string
}

/** A file found but deliberately not read. */
export interface SkippedEntry {
  path: string
  reason: string
}

/** A document worth a look: rejected, or kept with warnings. */
export interface DocumentEntry {
  id: string
  source: string
  status: 'rejected' | 'warned'
  stage?: string
  rule?: string
  reason?: string
  warnings: { rule: string; reason: string; line?: number; actual?: string }[]
}

/** The whole validation report. */
export interface RunReport {
  version: 1
  run: RunSummary
  stages: StageStats[]
  inputs: InputSummary[]
  errors: InputError[]
  skipped: SkippedEntry[]
  documents: DocumentEntry[]
  /** How many rejected or warned documents were left out of `documents` by the cap. */
  documentsOmitted: number
  /** Per-site health, worst first (see `site-stats.ts`). */
  sites: SiteReport[]
  /** Sites beyond the tracking cap, folded into the last entry `(other sites)`. */
  sitesOmitted: number
  /** Length histogram of the whole run. */
  lengths: LengthHistogram
  /** Comparison with a previous run (`--baseline` or `--history`), when one was given. */
  drift?: DriftReport
  /** Threshold breaches (each one sentence); non-empty means the run exits 1. */
  breaches: string[]
  /** What an `--incremental` run skipped and appended to; absent otherwise. */
  incremental?: IncrementalSummary
}

/**
 * An `--incremental STATE_DIR` run: `continued` appends to the outputs of the last run and
 * skips unchanged inputs; `first-run` and `invalidated` (with the `reason`) read everything.
 */
export interface IncrementalSummary {
  stateDir: string
  status: 'first-run' | 'continued' | 'invalidated'
  reason?: string
  /** clean.jsonl and rejects.jsonl begin with the earlier runs' documents (`previousDocuments`). */
  appended: boolean
  previousDocuments: number
  skippedUnchangedCount: number
  /** Top-level inputs not read because their content hash is unchanged since the last run. */
  skippedUnchanged: string[]
}
