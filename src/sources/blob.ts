/**
 * One readable input, wherever it lives: a file on disk, a zip entry, a gunzipped stream.
 * Readers see only this, so every format works the same inside an archive as outside it.
 */
import { createReadStream, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { describeBinary } from '../text/binary.ts'
import { SourceError, labelOf } from './fatal.ts'
import type { SourceLocation } from './fatal.ts'

/** Bytes left for one top-level archive and everything nested in it (zip-bomb guard). */
export interface ArchiveBudget {
  remaining: number
}

/** A readable input: where it is, what it is called, and a way to stream its bytes once or more. */
export interface InputBlob {
  location: SourceLocation
  /** Last path segment (`a.txt`, `feed.xml`), used to pick the format and in messages. */
  name: string
  /** Byte size when known up front (files, zip entries); undefined for gunzipped streams. */
  size?: number
  /** How many archives enclose this input; 0 for a plain file. */
  depth: number
  /** Set when the input is a file on disk (zips need random access). */
  filePath?: string
  /** Shared by all entries of one top-level archive. */
  budget?: ArchiveBudget
  /** Streams the bytes; I/O errors surface while iterating. */
  open(): AsyncIterable<Uint8Array>
}

/** Whether an error should be reported as a broken archive rather than an unreadable file. */
export function insideArchive(blob: InputBlob): boolean {
  return blob.depth > 0
}

/** A blob for a file on disk. */
export function fileBlob(filePath: string, location: SourceLocation, name: string, size: number): InputBlob {
  return { location, name, size, depth: 0, filePath, open: () => createReadStream(filePath) }
}

function tooLarge(blob: InputBlob, limit: number): SourceError {
  const reason = `${labelOf(blob.location)} is larger than limits.maxFileBytes (${limit} bytes); split it, or raise the limit in the config.`
  return new SourceError('source/too-large', reason)
}

/** Files up to this size are read synchronously (see readAllBytes). */
const SYNC_READ_BYTES = 1 << 20

/** Reads the whole blob into memory, refusing more than `limit` bytes (`source/too-large`). */
export async function readAllBytes(blob: InputBlob, limit: number): Promise<Uint8Array> {
  if (blob.size !== undefined && blob.size > limit) throw tooLarge(blob, limit)
  // A plain file is read in one call: a stream costs several times more per file on the main
  // thread, and a small one synchronously (microseconds, against a thread-pool round trip per step).
  if (blob.filePath !== undefined && blob.depth === 0) {
    const small = blob.size !== undefined && blob.size <= SYNC_READ_BYTES
    const bytes = small ? readFileSync(blob.filePath) : await readFile(blob.filePath)
    if (bytes.length > limit) throw tooLarge(blob, limit)
    return bytes
  }
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of blob.open()) {
    total += chunk.length
    if (total > limit) throw tooLarge(blob, limit)
    chunks.push(chunk)
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total)
}

/** Passes a stream through, stopping with `source/too-large` past `limit` bytes. */
export async function* capBytes(blob: InputBlob, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0
  for await (const chunk of blob.open()) {
    total += chunk.length
    if (total > limit) throw tooLarge(blob, limit)
    yield chunk
  }
}

/** Limits on how many bytes an archive member may inflate to. */
export interface InflateGuard {
  /** Most bytes this member may produce (declared size × ratio, or a floor). */
  cap: number
  /** Sentence for when the cap is passed. */
  capReason: string
  budget?: ArchiveBudget
  budgetReason: string
}

/**
 * Passes bytes through while counting them against the member's cap and the archive's budget;
 * stops with `source/compression-ratio` or `source/archive-too-large` when one runs out.
 */
export async function* guardInflate(chunks: AsyncIterable<Uint8Array>, guard: InflateGuard): AsyncGenerator<Uint8Array> {
  let total = 0
  for await (const chunk of chunks) {
    total += chunk.length
    if (total > guard.cap) throw new SourceError('source/compression-ratio', guard.capReason)
    if (guard.budget !== undefined) {
      guard.budget.remaining -= chunk.length
      if (guard.budget.remaining < 0) throw new SourceError('source/archive-too-large', guard.budgetReason)
    }
    yield chunk
  }
}

function isBlank(bytes: Uint8Array): boolean {
  // ASCII whitespace and the bytes of a UTF-8 BOM: a file of nothing but these has no text.
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf)
}

/**
 * Reads a whole document or container and rejects what cannot hold text: an empty file
 * (`source/empty`) or binary data behind a text extension (`source/binary`).
 */
export async function readDocumentBytes(blob: InputBlob, limit: number): Promise<Uint8Array> {
  const bytes = await readAllBytes(blob, limit)
  const label = labelOf(blob.location)
  if (isBlank(bytes)) {
    throw new SourceError('source/empty', `${label} is empty (${bytes.length} bytes, no text); remove it or check the export that wrote it.`)
  }
  const binary = describeBinary(bytes)
  if (binary !== undefined) {
    throw new SourceError('source/binary', `${label} looks like ${binary}, not text; remove it from the input or give it the right extension.`)
  }
  return bytes
}
