/**
 * The names of documents a stage remembers for the whole run: dedupe-docs, near-dedupe and
 * check-urls name the first copy when they reject or warn about a later one. As two strings
 * per document (id and source label) that cost about 150 bytes; here the id's 64 bits, the
 * file path as a number, the record number and the line take 20 bytes, and only an archive
 * entry's name stays a string. Documents reach the stages in input order, so a file's documents
 * come one after another: a path is stored once per run of documents from it, found by looking
 * at the last one, without a Map entry per file (a folder of dumps has one file per document).
 * Plain data, so a checkpoint saves it.
 */
import { sourceLabel } from './doc.ts'
import type { Doc } from './doc.ts'
import { appendRecord, createChunkedRecords, recordAt } from '../text/chunked-records.ts'
import type { ChunkedRecords } from '../text/chunked-records.ts'
import { hexKey } from '../text/key-table.ts'

/** The store; create it with {@link createDocumentNames}. */
export interface DocumentNames {
  /** Per document: id high and low halves, path number, record number + 1 and line + 1 (0: none). */
  records: ChunkedRecords
  /** Paths in order of first use; a path seen again after another one is stored again. */
  paths: string[]
  /** Archive entries, by document number: only documents read from archives have one. */
  entries: Map<number, string>
  /** Ids that are not 16 hex characters (sluice's own ids always are), by document number. */
  otherIds: Map<number, string>
}

/** What a remembered document is called in messages. */
export interface DocumentName {
  id: string
  /** The source label (`dump.zip!/a.txt#3`, see sourceLabel). */
  source: string
  line?: number
}

const HEX_ID = /^[0-9a-f]{16}$/u

/** An empty store. */
export function createDocumentNames(): DocumentNames {
  return { records: createChunkedRecords(5), paths: [], entries: new Map(), otherIds: new Map() }
}

function pathNumber(names: DocumentNames, path: string): number {
  const last = names.paths.length - 1
  return names.paths[last] === path ? last : names.paths.push(path) - 1
}

/** Remembers `doc`'s name and returns its number in the store. */
export function addDocumentName(names: DocumentNames, doc: Pick<Doc, 'id' | 'source'>): number {
  const ownId = HEX_ID.test(doc.id)
  const { high, low } = ownId ? hexKey(doc.id) : { high: 0, low: 0 }
  const { source } = doc
  const number = appendRecord(names.records, [high, low, pathNumber(names, source.path), (source.index ?? -1) + 1, (source.line ?? -1) + 1])
  if (source.entry !== undefined) names.entries.set(number, source.entry)
  if (!ownId) names.otherIds.set(number, doc.id)
  return number
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0')

/** The name of document `number` as {@link addDocumentName} stored it. */
export function documentName(names: DocumentNames, number: number): DocumentName {
  const [high, low, path, index, line] = recordAt(names.records, number) as unknown as [number, number, number, number, number]
  const entry = names.entries.get(number)
  const source = { path: names.paths[path] as string, ...(entry === undefined ? {} : { entry }), ...(index === 0 ? {} : { index: index - 1 }) }
  const id = names.otherIds.get(number) ?? `${hex8(high)}${hex8(low)}`
  return { id, source: sourceLabel(source), ...(line === 0 ? {} : { line: line - 1 }) }
}
