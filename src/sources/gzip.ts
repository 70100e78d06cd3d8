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
import { labelOf, SourceError } from './fatal.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'

/** The chunks as they come, after checking the first bytes are gzip's signature (1f 8b). */
async function* signed(chunks: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<Uint8Array> {
  let first = true
  for await (const chunk of chunks) {
    if (first && chunk.length > 0 && (chunk[0] !== 0x1f || (chunk.length > 1 && chunk[1] !== 0x8b))) {
      throw new SourceError('source/unreadable-archive', `${label} is not a gzip file (it does not start with gzip's signature 1f 8b); if it is plain text, remove the .gz from its name.`)
    }
    if (chunk.length > 0) first = false
    yield chunk
  }
}

async function* gunzip(chunks: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<Uint8Array> {
  const input = Readable.from(signed(chunks, label), { objectMode: false })
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
  const label = labelOf(blob.location)
  const inner: InputBlob = {
    location: blob.location,
    name,
    depth: blob.depth + 1,
    budget: guard.budget,
    open: () => guardInflate(gunzip(blob.open(), label), { ...guard, capReason: `${label} inflates more than ${limits.maxCompressionRatio} times its size (limits.maxCompressionRatio): it looks like a decompression bomb.` }),
  }
  yield* context.read(inner)
}
