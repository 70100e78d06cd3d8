/**
 * The worker's side of planning: turns a shard's parts back into source items, with the same
 * readers a single-machine run uses. A whole file goes through the ordinary dispatcher; a zip
 * range re-opens the archive and reads only its steps of the entry plan; a JSONL range streams
 * its bytes and numbers lines and records from where the plan says the range starts. Never
 * throws for bad input: like the readers, a failure becomes a fatal seed.
 */
import { createReadStream } from 'node:fs'
import StreamZip from 'node-stream-zip'
import { fileBlob } from '../sources/blob.ts'
import type { InputBlob } from '../sources/blob.ts'
import { fatalSeed, seedFromError } from '../sources/fatal.ts'
import { lineItem } from '../sources/jsonl.ts'
import { textLines } from '../sources/lines.ts'
import { readBlob } from '../sources/read.ts'
import type { ReadContext } from '../sources/read.ts'
import type { SourceItem, SourceOptions } from '../sources/types.ts'
import { entryBytes, planEntries, readPlan } from '../sources/zip.ts'
import type { PlannedFile, ShardPart } from './types.ts'

function blobOf(file: PlannedFile): InputBlob {
  return fileBlob(file.filePath, { path: file.label }, file.name, file.size)
}

function contextOf(options: SourceOptions): ReadContext {
  return { options, read: (inner) => readBlob(inner, options) }
}

async function* zipRange(part: Extract<ShardPart, { kind: 'zip-range' }>, options: SourceOptions): AsyncGenerator<SourceItem> {
  const blob = blobOf(part)
  const zip = new StreamZip.async({ file: part.filePath, storeEntries: true, skipEntryNameValidation: true })
  try {
    const plan = planEntries(Object.values(await zip.entries()))
    const archive: InputBlob = { ...blob, budget: { remaining: part.budget } }
    yield* readPlan(plan.slice(part.start, part.end), archive, (entry) => entryBytes(zip, entry), contextOf(options))
  } finally {
    await zip.close().catch(() => undefined)
  }
}

/** The range's bytes behind one synthetic blank line, so the line reader never sniffs mid-file bytes for a BOM or UTF-16. */
async function* rangeBytes(part: Extract<ShardPart, { kind: 'jsonl-range' }>): AsyncGenerator<Uint8Array> {
  yield new Uint8Array([0x0a])
  if (part.end > part.start) yield* createReadStream(part.filePath, { start: part.start, end: part.end - 1 }) as AsyncIterable<Uint8Array>
}

async function* jsonlRange(part: Extract<ShardPart, { kind: 'jsonl-range' }>, options: SourceOptions): AsyncGenerator<SourceItem> {
  const blob = blobOf(part)
  let index = part.firstIndex - 1
  for await (const entry of textLines(rangeBytes(part), options.limits.maxFileBytes)) {
    if (entry.line === 1 || ('text' in entry && entry.text.trim() === '')) continue
    index += 1
    yield lineItem(blob, { ...entry, line: entry.line - 2 + part.firstLine }, index, contextOf(options))
  }
}

async function* partItems(part: Exclude<ShardPart, { kind: 'item' }>, options: SourceOptions): AsyncGenerator<SourceItem> {
  if (part.kind === 'file') yield* readBlob(blobOf(part), options)
  else if (part.kind === 'zip-range') yield* zipRange(part, options)
  else yield* jsonlRange(part, options)
}

/** Yields the source items of a shard's parts, in order. */
export async function* shardItems(parts: readonly ShardPart[], options: SourceOptions): AsyncGenerator<SourceItem> {
  for (const part of parts) {
    if (part.kind === 'item') {
      yield part.item
      continue
    }
    try {
      yield* partItems(part, options)
    } catch (error) {
      // The whole-file path contains its readers' errors itself; this catches a range whose file changed or vanished.
      yield part.kind === 'file' ? fatalSeed({ path: part.label }, 'unknown', 'source/unreadable', `Cannot read ${part.label}: ${String(error)}.`) : seedFromError({ path: part.label }, part.kind === 'zip-range' ? 'unknown' : 'jsonl', error, false)
    }
  }
}
