/**
 * Writes records as Parquet shards (`clean-00000.parquet`, …) with hyparquet-writer (snappy
 * pages). Parquet is columnar, so a shard is buffered in memory and written when it reaches
 * `shardBytes` (measured as the records' JSON size) or at commit: memory stays within one shard.
 * Files appear under their final names only at commit, like the JSONL writers.
 */
import { rename, rm, writeFile } from 'node:fs/promises'
import { removeStaleShards, shardPath } from './sharded-writer.ts'
import type { ShardOptions } from './sharded-writer.ts'

/** One column: strings, or anything else stored as JSON. */
export interface ParquetColumn {
  name: string
  type: 'STRING' | 'JSON'
}

/** A Parquet writer; `files` lists the final paths once committed. */
export interface ParquetShardWriter {
  write(record: Record<string, unknown>): Promise<void>
  commit(): Promise<void>
  abort(): Promise<void>
  readonly files: readonly string[]
}

/** Default shard size for Parquet, which must hold a shard in memory. */
export const PARQUET_SHARD_BYTES = 128 * 1024 * 1024

/** hyparquet-writer is loaded on the first shard only: most runs write JSONL and need not hold it. */
async function encode(records: readonly Record<string, unknown>[], columns: readonly ParquetColumn[]): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer')
  const columnData = columns.map((column) => ({ name: column.name, type: column.type, data: records.map((record) => record[column.name] ?? null) }))
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'sluice' }))
}

/** Opens a Parquet shard writer with a fixed column list (the record format's fields, in order). */
export function createParquetWriter(options: Omit<ShardOptions, 'gzip' | 'extension'>, columns: readonly ParquetColumn[]): ParquetShardWriter {
  const shardOptions: ShardOptions = { ...options, extension: '.parquet', gzip: false, shardBytes: options.shardBytes ?? PARQUET_SHARD_BYTES }
  const temporaries: { file: string; temporary: string }[] = []
  const files: string[] = []
  let buffer: Record<string, unknown>[] = []
  let bytes = 0
  const flush = async (): Promise<void> => {
    const file = shardPath(shardOptions, temporaries.length)
    const temporary = `${file}.tmp-${process.pid}`
    temporaries.push({ file, temporary })
    await writeFile(temporary, await encode(buffer, columns))
    buffer = []
    bytes = 0
  }
  return {
    files,
    async write(record) {
      const size = Buffer.byteLength(JSON.stringify(record))
      if (buffer.length > 0 && bytes + size > (shardOptions.shardBytes as number)) await flush()
      buffer.push(record)
      bytes += size
    },
    async commit() {
      if (buffer.length > 0 || temporaries.length === 0) await flush()
      for (const { file, temporary } of temporaries) await rename(temporary, file)
      files.push(...temporaries.map(({ file }) => file))
      await removeStaleShards(shardOptions, files)
    },
    async abort() {
      buffer = []
      for (const { temporary } of temporaries) await rm(temporary, { force: true })
    },
  }
}
