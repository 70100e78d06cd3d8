/**
 * What `sluice run` does after the pipeline: compare with a baseline report (`--baseline FILE`
 * or the newest in `--history DIR`), apply the thresholds, rewrite the reports with the drift
 * section, and store the new report in the history. The verdict decides exit 1.
 */
import type { ResolvedConfig } from '../config/schema.ts'
import type { RunResult } from '../core/run.ts'
import { compareRuns, parseBaseline } from '../report/drift.ts'
import type { Baseline } from '../report/drift.ts'
import type { DriftReport } from '../report/health-types.ts'
import { applyThresholds } from '../report/thresholds.ts'
import type { RunReport } from '../report/types.ts'
import { newestInHistory, readReportFile, saveToHistory } from '../sinks/report-history.ts'
import { writeReport } from '../sinks/write-report.ts'

/** Where the baseline comes from. */
export interface DriftOptions {
  baseline?: string
  history?: string
}

/** A baseline ready to compare with, or the note saying why there is none. */
export type LoadedBaseline = { baseline?: { file: string; data: Baseline }; note?: string; error?: string }

/** Reads the baseline before the run, so a wrong `--baseline` fails fast (exit 2) instead of after hours. */
export async function loadBaseline(options: DriftOptions): Promise<LoadedBaseline> {
  const file = options.baseline ?? (options.history === undefined ? undefined : await newestInHistory(options.history))
  if (file === undefined) return options.history === undefined ? {} : { note: `No earlier report in ${options.history}: this run starts the history, drift is checked from the next run on.` }
  const read = await readReportFile(file)
  if (!read.ok) return options.baseline === undefined ? { note: read.reason } : { error: read.reason }
  const parsed = parseBaseline(read.value, file)
  return parsed.ok ? { baseline: { file, data: parsed.baseline } } : { note: parsed.reason }
}

/** The report with drift and breaches, rewritten to disk when it changed, and saved to the history. */
export async function judgeRun(result: RunResult, config: ResolvedConfig, loaded: LoadedBaseline, options: DriftOptions): Promise<RunReport> {
  let drift: DriftReport | undefined
  if (loaded.baseline !== undefined) drift = compareRuns(result.report.sites, loaded.baseline.data, loaded.baseline.file, config.thresholds)
  const report = applyThresholds(result.report, config.thresholds, drift)
  if (drift !== undefined || report.breaches.length > 0) await writeReport(config.output, report)
  if (options.history !== undefined) await saveToHistory(options.history, result.outputs.reportJson, report.run.startedAt, config.historySize)
  return report
}

/** Lines printed about drift (stdout). */
export function driftLines(report: RunReport, loaded: LoadedBaseline): string[] {
  const lines = loaded.note === undefined ? [] : [`  ${loaded.note}`]
  const { drift } = report
  if (drift === undefined) return lines
  const breaches = drift.flags.filter((flag) => flag.breach).length
  lines.push(`  drift against ${drift.baseline.path}: ${drift.compared} sites compared, ${drift.flags.length} flags (${breaches} over thresholds)`)
  for (const flag of drift.flags) lines.push(`    ${flag.breach ? '✗' : '·'} ${flag.message}`)
  return lines
}
