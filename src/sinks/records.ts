/**
 * The output schema of clean.jsonl and rejects.jsonl. Field order is fixed here so that
 * identical runs give byte-identical files.
 */
import { sourceLabel } from '../core/doc.ts'
import type { Doc } from '../core/doc.ts'
import { firstFatal } from '../core/message.ts'
import type { DocMessage } from '../core/message.ts'
import { splitParagraphs } from '../text/paragraphs.ts'

/** One line of clean.jsonl. `text === paragraphs.join("\n\n")` always holds. */
export interface CleanRecord {
  id: string
  source: string
  url?: string
  title?: string
  author?: string
  published?: string
  lang?: string
  text: string
  paragraphs: string[]
  sentences?: string[]
  stats: Record<string, number>
}

/** One line of rejects.jsonl: why a document (or an unreadable input) was dropped. */
export interface RejectRecord {
  id: string
  source: string
  line?: number
  stage: string
  rule: string
  reason: string
  messages: DocMessage[]
}

/** Builds the clean record; paragraphs come from `segment` or are derived the same way. */
export function cleanRecord(doc: Doc): CleanRecord {
  const paragraphs = doc.paragraphs ?? splitParagraphs(doc.text)
  return {
    id: doc.id,
    source: sourceLabel(doc.source),
    url: doc.url,
    title: doc.title,
    author: doc.author,
    published: doc.published,
    lang: doc.lang,
    text: paragraphs.join('\n\n'),
    paragraphs,
    sentences: doc.sentences,
    stats: doc.stats,
  }
}

/** Builds the reject record from the document's first fatal message. */
export function rejectRecord(doc: Doc): RejectRecord {
  const fatal = firstFatal(doc.messages)
  return {
    id: doc.id,
    source: sourceLabel(doc.source),
    line: fatal?.place?.line ?? doc.source.line,
    stage: fatal?.stage ?? 'unknown',
    rule: fatal?.rule ?? 'unknown',
    reason: fatal?.reason ?? 'Rejected without a reason (a bug in sluice: please report it).',
    messages: doc.messages,
  }
}
