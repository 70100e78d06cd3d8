/**
 * Messages are how a document carries its own story (the vfile idea): every change a stage
 * makes (`info`), every suspicion (`warn`) and every rejection (`fatal`) is a message with a
 * namespaced rule id, so reports and `sluice explain` are folds over `doc.messages`.
 */

/** `fatal` = rejected, `warn` = kept but suspect, `info` = we changed something. */
export type Severity = 'fatal' | 'warn' | 'info'

/** Where in the document (or the input file) a message points. Lines are 1-based. */
export interface MessagePlace {
  line?: number
  offset?: number
  length?: number
}

/** One diagnostic from one rule; `stage` is stamped by the runner, never by the stage. */
export interface DocMessage {
  stage: string
  rule: string
  severity: Severity
  reason: string
  place?: MessagePlace
  actual?: string
}

/** The optional parts a stage may add to a message. */
export type MessageExtra = Pick<DocMessage, 'place' | 'actual'>

/** Excerpts are capped so a message about a 200 MB line stays small in the report. */
export const EXCERPT_LIMIT = 160

/** Caps an excerpt to {@link EXCERPT_LIMIT} characters, marking the cut with an ellipsis. */
export function excerpt(text: string, limit = EXCERPT_LIMIT): string {
  // Whitespace only collapses, so a flattened head longer than the limit gives the same excerpt
  // as the flattened whole: long lines and documents are not copied to show 120 characters.
  const head = text.length > limit * 4 ? text.slice(0, limit * 4).replace(/\s+/g, ' ').trimStart() : ''
  if (head.length > limit + 1) return `${head.slice(0, limit - 1)}…`
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}

/** Counts per severity, used to decide whether later stages still run on a document. */
export function statistics(messages: readonly DocMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { fatal: 0, warn: 0, info: 0 }
  for (const message of messages) counts[message.severity] += 1
  return counts
}

/** The first fatal message explains why a document was rejected. */
export function firstFatal(messages: readonly DocMessage[]): DocMessage | undefined {
  return messages.find((message) => message.severity === 'fatal')
}
