/**
 * Writes lines into size-limited shards (`clean-00000.jsonl`, `clean-00001.jsonl`, … or one file
 * when no limit is set), optionally gzipped. Each shard is written under a temporary name and
 * renamed on `commit()`, so a crashed run leaves no file that looks complete; shards a previous
 * run left beyond this run's last are removed at commit. Gzip output is deterministic: Node's
 * zlib writes no timestamp or file name into the header.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import type { Writable } from 'node:stream'

/** Where and how to write the shards. */
export interface ShardOptions {
  directory: string
  /** File name without extension: `clean` gives `clean.jsonl` or `clean-00000.jsonl`. */
  stem: string
  /** `.jsonl`, `.parquet`… (`.gz` is added when `gzip` is on). */
  extension: string
  gzip: boolean
  /** Uncompressed bytes per shard; undefined writes a single file without a number. */
  shardBytes?: number
}

/** A writer of shards; `files` lists the final paths, in order, once committed. */
export interface ShardedLineWriter {
  write(line: string): Promise<void>
  commit(): Promise<void>
  abort(): Promise<void>
  readonly files: readonly string[]
}

/** The final path of shard `index` (or the single file). */
export function shardPath(options: ShardOptions, index: number | undefined): string {
  const name = index === undefined ? options.stem : `${options.stem}-${String(index).padStart(5, '0')}`
  return path.join(options.directory, `${name}${options.extension}${options.gzip ? '.gz' : ''}`)
}

/** Removes shards of an earlier run that this run did not write (`clean-00007.jsonl.gz` when this run wrote 5). */
export async function removeStaleShards(options: ShardOptions, kept: readonly string[]): Promise<void> {
  const pattern = new RegExp(`^${options.stem}-\\d{5}${options.extension.replace('.', '\\.')}${options.gzip ? '\\.gz' : ''}$`, 'u')
  const keep = new Set(kept.map((file) => path.basename(file)))
  for (const name of await readdir(options.directory)) {
    if (pattern.test(name) && !keep.has(name)) await rm(path.join(options.directory, name), { force: true })
  }
}

interface OpenShard {
  file: string
  temporary: string
  sink: Writable
  done: Promise<unknown>
  bytes: number
  failure?: Error
}

function openShard(options: ShardOptions, index: number | undefined): OpenShard {
  const file = shardPath(options, index)
  const temporary = `${file}.tmp-${process.pid}`
  const stream = createWriteStream(temporary)
  const done = new Promise((resolve) => stream.on('close', resolve))
  const gzip = options.gzip ? createGzip() : undefined
  const shard: OpenShard = { file, temporary, sink: gzip ?? stream, done, bytes: 0 }
  const fail = (error: Error): void => {
    shard.failure ??= error
    shard.sink.emit('drain')
  }
  stream.on('error', fail)
  gzip?.on('error', fail)
  gzip?.pipe(stream)
  return shard
}

async function closeShard(shard: OpenShard): Promise<void> {
  shard.sink.end()
  await shard.done
  if (shard.failure !== undefined) throw shard.failure
}

/** Opens a sharded writer; the first shard is created right away. */
export function createShardedWriter(options: ShardOptions): ShardedLineWriter {
  const written: OpenShard[] = []
  let current = openShard(options, options.shardBytes === undefined ? undefined : 0)
  written.push(current)
  const files: string[] = []
  return {
    files,
    async write(line) {
      const bytes = Buffer.byteLength(line)
      if (options.shardBytes !== undefined && current.bytes > 0 && current.bytes + bytes > options.shardBytes) {
        await closeShard(current)
        current = openShard(options, written.length)
        written.push(current)
      }
      current.bytes += bytes
      if (!current.sink.write(line)) await once(current.sink, 'drain')
      if (current.failure !== undefined) throw current.failure
    },
    async commit() {
      await closeShard(current)
      for (const shard of written) await rename(shard.temporary, shard.file)
      files.push(...written.map((shard) => shard.file))
      if (options.shardBytes !== undefined) await removeStaleShards(options, files)
    },
    async abort() {
      await closeShard(current).catch(() => undefined)
      for (const shard of written) await rm(shard.temporary, { force: true })
    },
  }
}
