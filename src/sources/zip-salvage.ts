/**
 * Salvage of a zip whose central directory is missing, as a download or copy cut off part-way
 * leaves it: every entry is also preceded by a local header with its name and sizes, so the
 * entries before the cut can still be found by walking those headers from the start, the way
 * `zip -FF` does. The walk stops at the first entry that runs past the end of the file (the cut)
 * or at bytes that are not a header; what it stopped on is reported, never dropped silently.
 * Facts used (PKWARE APPNOTE 4.3.7 and 4.3.9): a local header is 30 bytes from the signature
 * PK\3\4; flag bit 0 marks encryption and bit 3 a data descriptor after the data (sizes
 * then 0 in the header), optionally signed PK\7\8; methods 0 (stored) and 8 (deflate).
 */
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'

/** An entry found by its local header. */
export interface LocalEntry {
  name: string
  isDirectory: boolean
  encrypted: boolean
  method: number
  /** Where the entry's (compressed) data starts in the file. */
  dataStart: number
  compressedSize: number
  size: number
}

/**
 * Where the walk ended: at the central directory (every entry was found), at the end of the
 * file after a whole entry (entries after the cut, if any, are lost), inside an entry (`name`,
 * cut off), or at bytes that are not a header.
 */
export type WalkEnd = { kind: 'directory' } | { kind: 'end' } | { kind: 'cut'; name: string; reason: string } | { kind: 'garbage'; reason: string }

/** The entries found and where the walk ended. */
export interface Salvage {
  entries: LocalEntry[]
  end: WalkEnd
}

const LOCAL_HEADER = 0x04034b50
const DESCRIPTOR = 0x08074b50
const CENTRAL_HEADER = 0x02014b50
const HEADER_BYTES = 30
/** How much of the file the search for a data descriptor reads at a time. */
const SCAN_BYTES = 1 << 20

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

/** Whether a data descriptor at `at` in `chunk` states `compressedSize`: signed (PK\7\8), or unsigned and followed by another header. */
function descriptorAt(chunk: Buffer, at: number, compressedSize: number): 'signed' | 'unsigned' | undefined {
  if (at + 16 <= chunk.length && chunk.readUInt32LE(at) === DESCRIPTOR && chunk.readUInt32LE(at + 8) === compressedSize) return 'signed'
  const following = at + 16 <= chunk.length ? chunk.readUInt32LE(at + 12) : undefined
  if ((following === LOCAL_HEADER || following === CENTRAL_HEADER) && chunk.readUInt32LE(at + 4) === compressedSize) return 'unsigned'
  return undefined
}

/** The end of the data of an entry written with a data descriptor (sizes 0 in its header): the first descriptor after `dataStart` that states the size that ends there. */
async function descriptorEnd(handle: FileHandle, dataStart: number, fileSize: number): Promise<{ compressedSize: number; size: number; next: number } | undefined> {
  for (let base = dataStart; base < fileSize; base += SCAN_BYTES) {
    const chunk = await readAt(handle, base, Math.min(SCAN_BYTES + 16, fileSize - base))
    for (let at = 0; at < SCAN_BYTES && at + 12 <= chunk.length; at += 1) {
      const kind = descriptorAt(chunk, at, base + at - dataStart)
      if (kind === undefined) continue
      const sizes = kind === 'signed' ? at + 8 : at + 4
      return { compressedSize: base + at - dataStart, size: chunk.readUInt32LE(sizes + 4), next: base + at + (kind === 'signed' ? 16 : 12) }
    }
  }
  return undefined
}

/** Reads the header at `offset`: the entry and where the next header starts, or why it cannot. */
async function entryAt(handle: FileHandle, offset: number, fileSize: number): Promise<{ entry: LocalEntry; next: number } | { end: WalkEnd }> {
  const header = await readAt(handle, offset, HEADER_BYTES)
  const signature = header.length >= 4 ? header.readUInt32LE(0) : undefined
  if (signature === undefined) return { end: { kind: 'end' } }
  if (signature === CENTRAL_HEADER) return { end: { kind: 'directory' } }
  if (signature !== LOCAL_HEADER || header.length < HEADER_BYTES) return { end: { kind: 'garbage', reason: `the bytes at offset ${offset} are not a zip entry header` } }
  const flags = header.readUInt16LE(6)
  const nameBytes = await readAt(handle, offset + HEADER_BYTES, header.readUInt16LE(26))
  const name = nameBytes.toString('utf8')
  const dataStart = offset + HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28)
  const declared = { compressedSize: header.readUInt32LE(18), size: header.readUInt32LE(22) }
  const base = { name, isDirectory: name.endsWith('/'), encrypted: (flags & 1) !== 0, method: header.readUInt16LE(8), dataStart }
  if ((flags & 8) !== 0 && declared.compressedSize === 0) {
    const found = await descriptorEnd(handle, dataStart, fileSize)
    if (found === undefined) return { end: { kind: 'cut', name, reason: 'the archive ends inside it' } }
    return { entry: { ...base, compressedSize: found.compressedSize, size: found.size }, next: found.next }
  }
  const end = dataStart + declared.compressedSize
  if (end > fileSize) return { end: { kind: 'cut', name, reason: `the archive ends ${Math.max(0, fileSize - dataStart)} bytes into its ${declared.compressedSize} compressed bytes` } }
  return { entry: { ...base, ...declared }, next: (flags & 8) !== 0 ? end + ((await readAt(handle, end, 4)).readUInt32LE(0) === DESCRIPTOR ? 16 : 12) : end }
}

/** Walks the local headers of `file` from its start (see the module comment). */
export async function salvageEntries(file: string): Promise<Salvage> {
  const handle = await open(file, 'r')
  try {
    const fileSize = (await handle.stat()).size
    const entries: LocalEntry[] = []
    for (let offset = 0; offset < fileSize; ) {
      const found = await entryAt(handle, offset, fileSize)
      if ('end' in found) return { entries, end: found.end }
      entries.push(found.entry)
      offset = found.next
    }
    return { entries, end: { kind: 'end' } }
  } finally {
    await handle.close()
  }
}

/** The entry's bytes, inflated; only stored and deflated entries can be read. */
export async function* salvagedBytes(file: string, entry: LocalEntry): AsyncGenerator<Uint8Array> {
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`compression method ${entry.method} is not supported`)
  if (entry.compressedSize === 0) return
  const raw = createReadStream(file, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1, highWaterMark: 64 * 1024 })
  // pipeline destroys the inflater with the read error, so the loop below throws it.
  const bytes = entry.method === 0 ? raw : pipeline(raw, createInflateRaw(), () => undefined)
  yield* bytes as AsyncIterable<Uint8Array>
}
