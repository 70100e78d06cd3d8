/**
 * Rejections made by the runner itself rather than a stage: a document that ran past the
 * per-document timeout, whose worker thread died under it, or that is over the size limit. Either way the document ends in
 * rejects.jsonl with the reason, and the batch goes on.
 */
import type { Doc } from './doc.ts'
import type { ProcessResult } from './process.ts'

/** Rule ids of the runner (`runner/...`), listed in the README's rule catalogue. */
export const runnerRules = ['runner/timeout', 'runner/worker-failed', 'runner/too-large'] as const

/** One of {@link runnerRules}. */
export type RunnerRule = (typeof runnerRules)[number]

/** The document rejected by the runner, without its raw bytes (they went to the worker). */
export function runnerReject(doc: Doc, rule: RunnerRule, reason: string): ProcessResult {
  const { raw: _raw, ...rest } = doc
  return { doc: { ...rest, messages: [...doc.messages, { stage: 'runner', rule, severity: 'fatal', reason }] }, steps: [], dropped: true }
}
