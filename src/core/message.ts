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
  /**
   * How many changes of one kind this message stands for, when more than one: a run of lines
   * removed for the same reason is one message (`place.line` its first line), so the message
   * list stays short; counters add this number, not 1.
   */
  count?: number
}

/** The optional parts a stage may add to a message. */
export type MessageExtra = Pick<DocMessage, 'place' | 'actual' | 'count'>

/**
 * The message parts for lines `first`..`last` (0-based) removed in a row for one reason: the
 * first line's number and excerpt, and the count when more than one line went.
 */
export function lineRunExtra(lines: readonly string[], run: { first: number; count: number }): MessageExtra {
  return { place: { line: run.first + 1 }, actual: excerpt(lines[run.first] ?? ''), ...(run.count > 1 ? { count: run.count } : {}) }
}

/** How many changes `message` stands for (see {@link DocMessage.count}). */
export function changeCount(message: DocMessage): number {
  return message.count ?? 1
}

/** Excerpts are capped so a message about a 200 MB line stays small in the report. */
export const EXCERPT_LIMIT = 160

/** A character `\s` matches (the ASCII ones, then the others by code). */
function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** True when collapsing whitespace and trimming leave `text` as it is: only single spaces, none at either end. */
export function isFlat(text: string): boolean {
  let afterSpace = true
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (!isSpaceCode(code)) afterSpace = false
    else if (code !== 0x20 || afterSpace) return false
    else afterSpace = true
  }
  return !afterSpace || text.length === 0
}

/**
 * Caps an excerpt to {@link EXCERPT_LIMIT} characters, marking the cut with an ellipsis. Most
 * excerpts are one line of a page, already flat: those are returned without a regex pass.
 */
export function excerpt(text: string, limit = EXCERPT_LIMIT): string {
  if (text.length <= limit * 4 && isFlat(text)) return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
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
