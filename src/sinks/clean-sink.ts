/**
 * The writer for kept documents, chosen by `outputFormat`: plain `clean.jsonl` (the default, the
 * same writer as rejects.jsonl), gzipped and/or size-sharded JSONL, or Parquet; in sluice's
 * record format or Dolma's. The runner only sees `write / commit / abort` and, after commit,
 * the list of files for the report.
 */
import path from 'node:path'
import { dolmaRecord, resolveAdded } from './dolma.ts'
import { createJsonlWriter } from './jsonl-writer.ts'
import type { JsonlWriter } from './jsonl-writer.ts'
import type { OutputFormat } from './output-format.ts'
import { createParquetWriter } from './parquet-writer.ts'
import type { ParquetColumn } from './parquet-writer.ts'
import type { CleanRecord } from './records.ts'
import { createShardedWriter } from './sharded-writer.ts'

/** A clean-records writer; `files` are the paths written, in order (filled by `commit()`). */
export interface CleanSink extends JsonlWriter {
  readonly files: readonly string[]
}

const string = (name: string): ParquetColumn => ({ name, type: 'STRING' })
const json = (name: string): ParquetColumn => ({ name, type: 'JSON' })
/** Parquet columns per record format, in the records' field order. */
const COLUMNS: Record<OutputFormat['format'], ParquetColumn[]> = {
  sluice: [...['id', 'source', 'url', 'title', 'author', 'published', 'lang', 'text'].map(string), json('paragraphs'), json('sentences'), json('stats')],
  dolma: [...['id', 'text', 'source', 'added', 'created'].map(string), json('metadata')],
}

function convert(format: OutputFormat, added: string): (record: CleanRecord) => Record<string, unknown> {
  return format.format === 'dolma' ? (record) => ({ ...dolmaRecord(record, added) }) : (record) => ({ ...record })
}

/**
 * Opens the clean sink for `cleanPath` (`<output>/clean.jsonl`; other layouts keep its folder
 * and stem). With the defaults this is exactly the plain JSONL writer.
 */
export function createCleanSink(format: OutputFormat | undefined, cleanPath: string): CleanSink {
  const directory = path.dirname(cleanPath)
  const stem = path.basename(cleanPath, '.jsonl')
  if (format === undefined || (format.format === 'sluice' && !format.compress && !format.parquet && format.shardBytes === undefined)) {
    const writer = createJsonlWriter(cleanPath)
    const files: string[] = []
    return { path: cleanPath, files, write: (record) => writer.write(record), abort: () => writer.abort(), commit: async () => { await writer.commit(); files.push(cleanPath) } }
  }
  const toRecord = convert(format, format.format === 'dolma' ? resolveAdded(format.added) : '')
  if (format.parquet) {
    const writer = createParquetWriter({ directory, stem, shardBytes: format.shardBytes }, COLUMNS[format.format])
    return { path: cleanPath, get files() { return writer.files }, write: (record) => writer.write(toRecord(record as CleanRecord)), commit: () => writer.commit(), abort: () => writer.abort() }
  }
  const writer = createShardedWriter({ directory, stem, extension: '.jsonl', gzip: format.compress, shardBytes: format.shardBytes })
  return { path: cleanPath, get files() { return writer.files }, write: (record) => writer.write(`${JSON.stringify(toRecord(record as CleanRecord))}\n`), commit: () => writer.commit(), abort: () => writer.abort() }
}
