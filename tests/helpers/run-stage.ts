/**
 * textlint-tester-style helper: runs one stage on a small document and fails the test when the
 * stage emits a rule the case did not list (rollup's `expectedWarnings`).
 */
import { expect } from 'vitest'
import { applyStage } from '../../src/core/apply-stage.ts'
import { createDoc } from '../../src/core/doc.ts'
import type { Doc, DocInit } from '../../src/core/doc.ts'
import { createRunState } from '../../src/core/stage.ts'
import type { RunState, Stage } from '../../src/core/stage.ts'

/** A document for stage tests: text by default, any field overridable. */
export function makeDoc(init: Partial<DocInit> = {}, sequence = 0): Doc {
  return createDoc({ source: { path: 'test.txt', format: 'txt' }, ...init }, sequence)
}

/** Result of {@link runStage}: the document, whether it was dropped, and the rule ids emitted. */
export interface StageRun {
  doc: Doc
  dropped: boolean
  rules: string[]
}

/**
 * Runs `stage` on `doc`. When `expectedRules` is given, the sorted set of emitted rule ids must
 * equal it exactly, so an unexpected message fails the test.
 */
export async function runStage(stage: Stage, doc: Doc | Partial<DocInit>, expectedRules?: string[], run: RunState = createRunState()): Promise<StageRun> {
  const input = 'id' in doc && typeof doc.id === 'string' ? (doc as Doc) : makeDoc(doc as Partial<DocInit>)
  const outcome = await applyStage(stage, input, run)
  const emitted = outcome.doc.messages.slice(input.messages.length)
  for (const message of emitted) expect(stage.rules.includes(message.rule) || message.rule === `${stage.name}/crashed`, `rule ${message.rule} is not in the catalogue of ${stage.name}`).toBe(true)
  const rules = [...new Set(emitted.map((message) => message.rule))].sort()
  if (expectedRules !== undefined) expect(rules).toEqual([...expectedRules].sort())
  return { doc: outcome.doc, dropped: outcome.dropped, rules }
}
