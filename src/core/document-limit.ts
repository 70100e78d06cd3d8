/**
 * The runner's size guard (`limits.maxDocumentBytes`). The text stages cost more than linear
 * time on one huge document (a 50 MB single line takes minutes, 500 MB exhausts the heap), and
 * no article is that big, so a document whose bytes, HTML or text exceed the limit is rejected
 * as `runner/too-large` before any stage sees it, and the batch goes on.
 */
import type { Doc } from './doc.ts'
import type { ProcessResult } from './process.ts'
import { runnerReject } from './runner-rules.ts'

/** What the stages would work on: raw bytes plus HTML and text (UTF-16 code units, about a byte each for Latin text). */
export function documentSize(doc: Doc): number {
  return (doc.raw?.length ?? 0) + (doc.html?.length ?? 0) + doc.text.length
}

/** The `runner/too-large` rejection of a document over `limit`, or undefined when it fits. */
export function rejectOversized(doc: Doc, limit: number): ProcessResult | undefined {
  const size = documentSize(doc)
  if (size <= limit) return undefined
  const reason = `The document is ${size} bytes, more than limits.maxDocumentBytes (${limit}); no article is that big, and the stages would take minutes on it. Split it, or raise the limit in the config.`
  return runnerReject(doc, 'runner/too-large', reason)
}
