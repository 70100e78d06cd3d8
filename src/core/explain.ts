/**
 * `sluice explain`: runs every stage on the documents of one input and keeps each stage's
 * messages and resulting text, so a person can see what changed or was dropped and why.
 */
import path from 'node:path'
import type { ResolvedConfig } from '../config/schema.ts'
import { readInputs } from '../sources/index.ts'
import type { SkippedInput } from '../sources/types.ts'
import { createDoc } from './doc.ts'
import type { Doc } from './doc.ts'
import type { DocMessage } from './message.ts'
import { processDocument } from './process.ts'
import { createRunState } from './stage.ts'

/** One stage's effect on one document. */
export interface ExplainStep {
  stage: string
  dropped: boolean
  milliseconds: number
  messages: DocMessage[]
  textLength: number
}

/** The full story of one document. */
export interface ExplainedDocument {
  doc: Doc
  dropped: boolean
  steps: ExplainStep[]
}

/** What explain found in one input: its documents, or why it was skipped. */
export interface Explanation {
  documents: ExplainedDocument[]
  skipped: SkippedInput[]
}

/** Runs the configured stages on `file` (a path) with full tracing. */
export async function explainFile(file: string, config: ResolvedConfig): Promise<Explanation> {
  const run = createRunState()
  const documents: ExplainedDocument[] = []
  const skipped: SkippedInput[] = []
  let sequence = 0
  const root = path.dirname(path.resolve(file))
  for await (const item of readInputs([file], { fields: config.fields, limits: config.limits, root })) {
    if (item.kind === 'skipped') {
      skipped.push(item.skipped)
      continue
    }
    const doc = createDoc(item.init, sequence)
    sequence += 1
    const sourceMessages = doc.messages.length
    const result = await processDocument(doc, config.stages, run, true)
    const steps = result.steps.map((step, index) => ({
      stage: step.stage,
      dropped: step.dropped,
      milliseconds: step.milliseconds,
      messages: result.doc.messages.slice(step.firstMessage, result.steps[index + 1]?.firstMessage ?? result.doc.messages.length),
      textLength: step.text?.length ?? 0,
    }))
    if (sourceMessages > 0) steps.unshift({ stage: 'source', dropped: result.dropped && steps.length === 0, milliseconds: 0, messages: doc.messages.slice(0, sourceMessages), textLength: 0 })
    documents.push({ doc: result.doc, dropped: result.dropped, steps })
  }
  return { documents, skipped }
}
