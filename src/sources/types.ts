/**
 * Contracts between discovery, the format readers and the runner. Sources turn files into
 * document seeds (`DocInit`) in deterministic order; they never throw for bad input: an input
 * they cannot read becomes a seed carrying a fatal `source/...` message with file and line.
 */
import type { DocInit } from '../core/doc.ts'

/** Field names tried, in order, when a JSON/JSONL record is mapped to a document. */
export interface FieldMapping {
  text: string[]
  html: string[]
  title: string[]
  url: string[]
  author: string[]
  published: string[]
  lang: string[]
  id: string[]
}

/** Safety limits for reading inputs; all are config options with safe defaults. */
export interface SourceLimits {
  /** Largest single file or archive entry read, in bytes. */
  maxFileBytes: number
  /** Largest total uncompressed size of one archive, in bytes. */
  maxArchiveBytes: number
  /** Largest compression ratio accepted for an archive entry or a gzip stream. */
  maxCompressionRatio: number
  /** How deep archives may nest inside archives. */
  maxArchiveDepth: number
}

/** What the readers need from the resolved config. */
export interface SourceOptions {
  fields: FieldMapping
  limits: SourceLimits
}

/** A file or archive entry that was found but deliberately not read, with the reason. */
export interface SkippedInput {
  path: string
  reason: string
}

/** One thing a source yields, in input order. */
export type SourceItem = { kind: 'doc'; init: DocInit } | { kind: 'skipped'; skipped: SkippedInput }
