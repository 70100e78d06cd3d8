/**
 * The document that flows through the stages. Sources create it, stages return changed copies
 * of it, sinks write it. Everything a stage learns travels on the document itself.
 */
import { createHash } from 'node:crypto'
import type { DocMessage } from './message.ts'

/** What a source understood the input to be; decides which stages have work to do. */
export type SourceFormat = 'txt' | 'html' | 'xml' | 'json' | 'jsonl' | 'unknown'

/** Where a document came from: a file, optionally an archive entry, optionally the n-th record. */
export interface DocSource {
  /** Path relative to the input root, with `/` separators. */
  path: string
  /** Path inside an archive (`site/a.txt` in `dump.zip!/site/a.txt`); nested archives join with `!/`. */
  entry?: string
  /** 1-based record number inside a feed, JSON array or JSONL file. */
  index?: number
  /** 1-based line in the input file where the record starts, when there is one. */
  line?: number
  format: SourceFormat
}

/** Metadata fields that end up in the output record when present. */
export interface DocMetadata {
  url?: string
  title?: string
  author?: string
  published?: string
  lang?: string
}

/** A document between stages. `raw` and `html` are released once decoded and extracted. */
export interface Doc extends DocMetadata {
  id: string
  source: DocSource
  /** Position in input order; sinks and order-sensitive stages sort by it. */
  sequence: number
  raw?: Uint8Array
  html?: string
  text: string
  paragraphs?: string[]
  sentences?: string[]
  /** Numbers stages record for the output (`stats` in clean.jsonl), e.g. sentence counts. */
  stats: Record<string, number>
  /** Scratch space between stages (vfile `data`): never written to the output. */
  meta: Record<string, unknown>
  /**
   * What ordered stages' `prepare` computed in a worker thread (hashes, signatures), by stage
   * name. It belongs to the current `text`: the runner clears it when a stage changes the text,
   * so the main thread can use it without checking again.
   */
  prepared?: Readonly<Record<string, unknown>>
  messages: DocMessage[]
}

/** Fields a source fills when it creates a document; the rest get defaults. */
export type DocInit = Omit<Partial<Doc>, 'id' | 'source' | 'sequence'> & { source: DocSource }

/** `dump.zip!/site/a.txt#3`: the one-line name of a source used in outputs and reports. */
export function sourceLabel(source: Pick<DocSource, 'path' | 'entry' | 'index'>): string {
  const file = source.entry === undefined ? source.path : `${source.path}!/${source.entry}`
  return source.index === undefined ? file : `${file}#${source.index}`
}

/**
 * Ids are stable across runs and machines: a hash of where the document came from and what it
 * contained, so the same input gives the same id and a changed input a new one.
 */
export function documentId(source: DocSource, content: string | Uint8Array): string {
  const hash = createHash('sha256')
  hash.update(sourceLabel(source))
  hash.update('\0')
  hash.update(content)
  return hash.digest('hex').slice(0, 16)
}

/** Builds a document with defaults, a stable id and its position in input order. */
export function createDoc(init: DocInit, sequence: number): Doc {
  const content = init.raw ?? `${init.html ?? ''}\0${init.text ?? ''}`
  return {
    text: '',
    stats: {},
    meta: {},
    messages: [],
    ...init,
    id: documentId(init.source, content),
    sequence,
  }
}
