/**
 * The eval's result as data: what `--json` writes and `--compare` reads back, so runs can be
 * compared page by page across commits. Scoring a system run turns predictions into this shape.
 */
import type { AuditResult } from './audit.ts'
import type { Corpus, Track } from './corpus.ts'
import { pageReason } from './reasons.ts'
import { evaluate, tokenize } from './score.ts'
import type { PageScore, Summary } from './score.ts'
import type { SystemRun } from './systems.ts'
import type { TitleAgreement } from './titles.ts'

/** One page of one system, as stored in the JSON. */
export interface PageResult {
  id: string
  precision: number | null
  recall: number | null
  f1: number | null
  exact: boolean
  empty: boolean
}

/** One system on one track. */
export interface SystemResult {
  name: string
  summary: Summary
  /** Pages with no token in the prediction (rejected, empty or missing). */
  empty: number
  pages: number
  seconds: number
  rejected: { id: string; rule: string; reason: string }[]
  perPage: PageResult[]
}

/** A bad page of sluice with a one-line reason. */
export interface WorstPage {
  id: string
  f1: number
  precision: number | null
  recall: number | null
  reason: string
}

/** Everything measured on one track. */
export interface TrackResult {
  track: Track
  systems: SystemResult[]
  worst: WorstPage[]
  audit?: AuditResult
  /** sluice's titles against the pages' `<title>` (scripts/lib/titles.ts). */
  titles?: TitleAgreement
}

/** A whole eval run. */
export interface EvalResult {
  createdAt: string
  command: string
  shared: string
  metric: string
  limit: number | null
  tracks: TrackResult[]
  pythonCheck?: { ok: boolean; lines: string[] }
}

/** Describes the metric in the JSON, as score.py does. */
export const METRIC = 'aeb-shingle: \\w+ tokens, 4-gram shingles, per-page normalized, macro P/R, F1 of means'

function pageResult(page: PageScore, prediction: string | undefined): PageResult {
  return { id: page.id, precision: page.precision, recall: page.recall, f1: page.f1, exact: page.exact, empty: tokenize(prediction ?? '').length === 0 }
}

/** Scores one system run against the truth and keeps its page scores. */
export function scoreSystem(corpus: Corpus, run: SystemRun): { result: SystemResult; pages: PageScore[] } {
  const { summary, pages } = evaluate(corpus.truth, run.predictions)
  const perPage = pages.map((page) => pageResult(page, run.predictions.get(page.id)))
  const rejected = [...run.rejected].map(([id, r]) => ({ id, rule: r.rule, reason: r.reason })).sort((a, b) => (a.id < b.id ? -1 : 1))
  const result: SystemResult = { name: run.name, summary, empty: perPage.filter((page) => page.empty).length, pages: pages.length, seconds: run.seconds, rejected, perPage }
  return { result, pages }
}

/** The `count` worst pages by F1 (ties: lower recall first), each with a reason. */
export function worstPages(corpus: Corpus, run: SystemRun, pages: readonly PageScore[], count = 15): WorstPage[] {
  const scored = pages.filter((page) => page.f1 !== null)
  scored.sort((a, b) => (a.f1 as number) - (b.f1 as number) || (a.recall ?? 0) - (b.recall ?? 0) || (a.id < b.id ? -1 : 1))
  return scored.slice(0, count).map((page) => ({
    id: page.id,
    f1: page.f1 as number,
    precision: page.precision,
    recall: page.recall,
    reason: pageReason(page, corpus.truth.get(page.id) ?? '', run.predictions.get(page.id), corpus.comments.get(page.id), run.rejected.get(page.id)),
  }))
}

/** JSON without NaN (JSON.parse would choke on it): an undefined mean becomes null. */
export function toJson(result: EvalResult): string {
  return `${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? null : value), 2)}\n`
}
