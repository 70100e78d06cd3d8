/**
 * Fills the document's metadata fields from what the page says, never overwriting a field a
 * source already set (a feed item's title or a JSONL record's url are more reliable than the
 * page's tags), and reports each filled field with the place it was read from.
 */
import type { Doc } from '../../core/doc.ts'
import type { StageContext } from '../../core/stage.ts'
import { chooseMetadata } from './choose-metadata.ts'
import type { Candidate, MetadataField, PageMetadata } from './metadata.ts'
import type { ReadabilityResult } from './readability.ts'

const FIELDS: readonly MetadataField[] = ['title', 'author', 'published', 'url', 'lang']

/** The document with its metadata filled, and field → source for every field filled. */
export interface AppliedMetadata {
  doc: Doc
  sources: Partial<Record<MetadataField, string>>
}

/** Chooses metadata (Readability's guesses last) and fills the fields that are still empty. */
export function applyMetadata(doc: Doc, metadata: PageMetadata, main: ReadabilityResult, context: StageContext<'extract/metadata'>): AppliedMetadata {
  const candidates = withReadability(metadata.candidates, main)
  const chosen = chooseMetadata(candidates)
  const filled: Doc = { ...doc }
  const sources: Partial<Record<MetadataField, string>> = {}
  for (const field of FIELDS) {
    const choice = chosen[field]
    if (choice === undefined || (doc[field] !== undefined && doc[field] !== '')) continue
    filled[field] = choice.value
    sources[field] = choice.from
  }
  const summary = FIELDS.flatMap((field) => (sources[field] === undefined ? [] : [`${field} from ${sources[field]}`]))
  if (summary.length > 0) context.info('extract/metadata', `Filled ${summary.join(', ')}.`)
  return { doc: filled, sources }
}

function withReadability(candidates: Record<MetadataField, Candidate[]>, main: ReadabilityResult): Record<MetadataField, Candidate[]> {
  if (!main.ok) return candidates
  const extra = (value: string | undefined): Candidate[] => (value === undefined || value.trim() === '' ? [] : [{ value: value.trim(), from: 'readability' }])
  return {
    title: [...candidates.title, ...extra(main.title)],
    author: [...candidates.author, ...extra(main.byline)],
    published: [...candidates.published, ...extra(main.publishedTime)],
    url: candidates.url,
    lang: [...candidates.lang, ...extra(main.lang)],
  }
}
