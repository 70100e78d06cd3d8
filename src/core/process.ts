/**
 * Runs a document through a list of stages in order. Once a stage drops the document (or a
 * source already marked it fatal), later stages are skipped: a rejected document is final.
 */
import type { Doc } from './doc.ts'
import { applyStage } from './apply-stage.ts'
import { statistics } from './message.ts'
import type { RunState, Stage } from './stage.ts'

/** What one stage did to one document, for counters and `sluice explain`. */
export interface StageStep {
  stage: string
  dropped: boolean
  milliseconds: number
  /** Index into `doc.messages` where this stage's messages start. */
  firstMessage: number
  /** The text after the stage, only when tracing (explain) asked for it. */
  text?: string
}

/** A processed document and the steps that made it. */
export interface ProcessResult {
  doc: Doc
  steps: StageStep[]
  dropped: boolean
  /** Time a worker spent on ordered stages' `prepare` steps, by stage, for the report's stage times (see countSteps). */
  prepareMilliseconds?: Readonly<Record<string, number>>
}

/** True once any fatal message is on the document. */
export function isRejected(doc: Doc): boolean {
  return statistics(doc.messages).fatal > 0
}

/** Applies `stages` to `doc`, stopping at the first drop. `trace` keeps each stage's text. */
export async function processDocument(doc: Doc, stages: readonly Stage[], run: RunState, trace = false): Promise<ProcessResult> {
  let current = doc
  const steps: StageStep[] = []
  if (isRejected(current)) return { doc: current, steps, dropped: true }
  for (const stage of stages) {
    const firstMessage = current.messages.length
    const outcome = await applyStage(stage, current, run)
    current = outcome.doc
    steps.push({ stage: stage.name, dropped: outcome.dropped, milliseconds: outcome.milliseconds, firstMessage, ...(trace ? { text: current.text } : {}) })
    if (outcome.dropped) return { doc: current, steps, dropped: true }
  }
  return { doc: current, steps, dropped: false }
}
