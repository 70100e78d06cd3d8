/**
 * Renders an explanation for a terminal: per document, each stage with what it changed
 * (info), suspected (warn) or dropped (fatal), with line numbers and excerpts.
 */
import { sourceLabel } from '../core/doc.ts'
import type { ExplainedDocument, Explanation } from '../core/explain.ts'
import type { DocMessage } from '../core/message.ts'

const MARK: Record<DocMessage['severity'], string> = { info: '·', warn: '!', fatal: '✗' }

function messageLine(message: DocMessage): string {
  const where = message.place?.line === undefined ? '' : ` line ${message.place.line}`
  const actual = message.actual === undefined ? '' : `  «${message.actual}»`
  return `    ${MARK[message.severity]} ${message.rule}${where}: ${message.reason}${actual}`
}

function documentLines(entry: ExplainedDocument, showText: boolean): string[] {
  const lines = [`${sourceLabel(entry.doc.source)}  (id ${entry.doc.id})`]
  for (const step of entry.steps) {
    const summary = step.messages.length === 0 ? 'no change' : `${step.messages.length} message${step.messages.length === 1 ? '' : 's'}`
    lines.push(`  ${step.stage.padEnd(17)} ${summary}${step.dropped ? ' — DROPPED' : ''}`)
    lines.push(...step.messages.map(messageLine))
  }
  const { doc } = entry
  const outcome = entry.dropped ? 'rejected' : `kept: ${doc.text.length} characters${doc.title === undefined ? '' : `, title «${doc.title}»`}`
  lines.push(`  → ${outcome}`, '')
  if (showText && !entry.dropped) lines.push(...doc.text.split('\n').map((line) => `  | ${line}`), '')
  return lines
}

/** Formats the explanation; `showText` appends the final text of each kept document. */
export function formatExplanation(explanation: Explanation, showText = false): string {
  const lines = explanation.documents.flatMap((entry) => documentLines(entry, showText))
  for (const skipped of explanation.skipped) lines.push(`${skipped.path}: skipped — ${skipped.reason}`)
  if (lines.length === 0) lines.push('No documents found in this input.')
  return `${lines.join('\n')}\n`
}
