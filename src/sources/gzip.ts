/**
 * Gzip (`.gz`): streamed through Node's zlib and read as the file it wraps, named by dropping
 * `.gz` (`batch.jsonl.gz` is read as JSON lines). The label stays the file's own name
 * (`batch.jsonl.gz#12`), since a gzip holds exactly one file. Inflation is capped by
 * `limits.maxCompressionRatio` and `limits.maxArchiveBytes`.
 */
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import type { InputBlob } from './blob.ts'
import { guardInflate } from './blob.ts'
import { archiveGuard, checkDepth } from './zip-limits.ts'
import { labelOf } from './fatal.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'

async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const input = Readable.from(chunks, { objectMode: false })
  const output = createGunzip()
  input.on('error', (error) => output.destroy(error))
  input.pipe(output)
  try {
    yield* output
  } finally {
    input.destroy()
    output.destroy()
  }
}

/** Reads the file inside a gzip stream with the reader its inner name calls for. */
export async function* readGzip(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const limits = context.options.limits
  checkDepth(blob, limits)
  const name = blob.name.replace(/\.gz$/i, '')
  const guard = archiveGuard(blob, limits, blob.size)
  const inner: InputBlob = {
    location: blob.location,
    name,
    depth: blob.depth + 1,
    budget: guard.budget,
    open: () => guardInflate(gunzip(blob.open()), { ...guard, capReason: `${labelOf(blob.location)} inflates more than ${limits.maxCompressionRatio} times its size (limits.maxCompressionRatio): it looks like a decompression bomb.` }),
  }
  yield* context.read(inner)
}
