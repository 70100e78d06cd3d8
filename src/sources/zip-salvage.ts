/**
 * Salvage of a zip whose central directory cannot be read, as a download or copy cut off
 * part-way leaves it: every entry is also preceded by a local header with its name and sizes, so
 * the entries before the cut can still be found by walking those headers from the start. The
 * walk stops at the first entry that runs past the end of the file (the cut) or at bytes that
 * are not a header; what it stopped on is reported, never dropped silently. Each entry's bytes
 * are checked against its CRC-32 and size, as a reader of the central directory would.
 * Facts used (PKWARE APPNOTE 4.3.7, 4.3.9, 4.5.3): a local header is 30 bytes from the
 * signature PK\3\4; flag bit 0 marks encryption and bit 3 a data descriptor after the data
 * (sizes then 0 in the header), optionally signed PK\7\8, with 8-byte sizes for zip64 entries,
 * whose header sizes read 0xFFFFFFFF and whose extra field 0x0001 holds the real ones.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import { createInflateRaw, crc32 } from 'node:zlib'
import { DESCRIPTOR, findDescriptor, readAt } from './zip-descriptor.ts'

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
  crc: number
}

/**
 * Where the walk ended: at the central directory (every entry was found), at the end of the
 * file after a whole entry (entries after the cut, if any, are lost), inside an entry (cut off;
 * its name unless the cut falls in its header), or at bytes that are not a header.
 */
export type WalkEnd = { kind: 'directory' } | { kind: 'end' } | { kind: 'cut'; name?: string; reason: string } | { kind: 'garbage'; reason: string }

/** The entries found and where the walk ended. */
export interface Salvage {
  entries: LocalEntry[]
  end: WalkEnd
}

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const HEADER_BYTES = 30
const ZIP64_SIZE = 0xffffffff

/** Where the zip64 extra field (id 0x0001) starts in `extra`, or -1. */
function zip64Field(extra: Buffer): number {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) if (extra.readUInt16LE(at) === 0x0001) return at
  return -1
}

/**
 * The zip64 extra field's sizes (APPNOTE 4.5.3): in a local header the field holds both, the
 * original size and then the compressed one, whichever the header left at 0xFFFFFFFF; read
 * only within the field's own length.
 */
function zip64Sizes(extra: Buffer, declared: { compressedSize: number; size: number }): { compressedSize: number; size: number } | undefined {
  const at = zip64Field(extra)
  if (at === -1 || extra.readUInt16LE(at + 2) < 16 || at + 20 > extra.length) return undefined
  const [size, compressedSize] = [Number(extra.readBigUInt64LE(at + 4)), Number(extra.readBigUInt64LE(at + 12))]
  return { size: declared.size === ZIP64_SIZE ? size : declared.size, compressedSize: declared.compressedSize === ZIP64_SIZE ? compressedSize : declared.compressedSize }
}

/** The header fields of the entry at `offset`, or where the walk ends there. */
async function headerAt(handle: FileHandle, offset: number): Promise<{ header: Buffer; name: string; extra: Buffer; dataStart: number } | { end: WalkEnd }> {
  const header = await readAt(handle, offset, HEADER_BYTES)
  if (header.length === 0) return { end: { kind: 'end' } }
  const signature = header.length >= 4 ? header.readUInt32LE(0) : undefined
  if (signature === CENTRAL_HEADER) return { end: { kind: 'directory' } }
  if (signature !== undefined && signature !== LOCAL_HEADER) return { end: { kind: 'garbage', reason: `the bytes at offset ${offset} are not a zip entry header` } }
  const cut = { end: { kind: 'cut', reason: `the archive ends inside the header of the entry at offset ${offset}` } as const }
  if (header.length < HEADER_BYTES) return cut
  const [nameLength, extraLength] = [header.readUInt16LE(26), header.readUInt16LE(28)]
  const rest = await readAt(handle, offset + HEADER_BYTES, nameLength + extraLength)
  if (rest.length < nameLength + extraLength) return cut
  return { header, name: rest.subarray(0, nameLength).toString('utf8'), extra: rest.subarray(nameLength), dataStart: offset + HEADER_BYTES + nameLength + extraLength }
}

/** Reads the entry at `offset`: the entry and where the next header starts, or where the walk ends. */
async function entryAt(handle: FileHandle, offset: number, fileSize: number): Promise<{ entry: LocalEntry; next: number } | { end: WalkEnd }> {
  const read = await headerAt(handle, offset)
  if ('end' in read) return read
  const { header, name, extra, dataStart } = read
  const flags = header.readUInt16LE(6)
  const declared = { compressedSize: header.readUInt32LE(18), size: header.readUInt32LE(22) }
  // With a zip64 field, a data descriptor's sizes are 8 bytes each (APPNOTE 4.3.9.2).
  const zip64 = zip64Field(extra) !== -1
  const sizes = declared.compressedSize === ZIP64_SIZE || declared.size === ZIP64_SIZE ? zip64Sizes(extra, declared) : declared
  const base = { name, isDirectory: /[\\/]$/u.test(name), encrypted: (flags & 1) !== 0, method: header.readUInt16LE(8), dataStart, crc: header.readUInt32LE(14) }
  if (sizes === undefined) return { end: { kind: 'garbage', reason: `the zip64 sizes of ${name} cannot be read` } }
  if ((flags & 8) !== 0 && sizes.compressedSize === 0) {
    const found = await findDescriptor(handle, dataStart, fileSize, zip64)
    if (found === undefined) return { end: { kind: 'cut', name, reason: 'the archive ends inside it' } }
    return { entry: { ...base, ...found.sizes }, next: found.next }
  }
  const end = dataStart + sizes.compressedSize
  if (end > fileSize) return { end: { kind: 'cut', name, reason: `the archive ends ${Math.max(0, fileSize - dataStart)} bytes into its ${sizes.compressedSize} compressed bytes` } }
  if ((flags & 8) === 0) return { entry: { ...base, ...sizes }, next: end }
  // Sizes in the header and a descriptor after the data as well: the CRC-32 is in the descriptor (APPNOTE 4.4.4).
  const after = await readAt(handle, end, 8)
  if (after.length < 8) return { end: { kind: 'cut', name, reason: 'the archive ends before its data descriptor' } }
  const signed = after.readUInt32LE(0) === DESCRIPTOR
  return { entry: { ...base, ...sizes, crc: after.readUInt32LE(signed ? 4 : 0) }, next: end + (signed ? 4 : 0) + (zip64 ? 20 : 12) }
}

/** Walks the local headers of `file` from its start (see the module comment). */
export async function salvageEntries(file: string): Promise<Salvage> {
  const handle = await open(file, 'r')
  try {
    const fileSize = (await handle.stat()).size
    const entries: LocalEntry[] = []
    for (let offset = 0; ; ) {
      const found = await entryAt(handle, offset, fileSize)
      if ('end' in found) return { entries, end: found.end }
      entries.push(found.entry)
      offset = found.next
    }
  } finally {
    await handle.close()
  }
}

/** Passes the bytes through, then checks their CRC-32 and count against the entry's. */
async function* checked(bytes: AsyncIterable<Uint8Array>, entry: LocalEntry): AsyncGenerator<Uint8Array> {
  let crc = 0
  let size = 0
  for await (const chunk of bytes) {
    crc = crc32(chunk, crc)
    size += chunk.length
    yield chunk
  }
  if (size !== entry.size) throw new Error(`it inflates to ${size} bytes, not the ${entry.size} its header states`)
  if (crc !== entry.crc) throw new Error('its CRC-32 does not match its header, so its bytes are damaged')
}

/** The entry's bytes, inflated and checked; call only for a method {@link isReadableMethod} accepts. */
export function salvagedBytes(file: string, entry: LocalEntry): AsyncGenerator<Uint8Array> {
  if (entry.compressedSize === 0) return checked((async function* () {})(), entry)
  const raw = createReadStream(file, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1, highWaterMark: 64 * 1024 })
  // pipeline destroys the inflater with the read error, so the loop in `checked` throws it.
  const bytes = entry.method === 0 ? raw : pipeline(raw, createInflateRaw(), () => undefined)
  return checked(bytes as AsyncIterable<Uint8Array>, entry)
}

/** Stored (0) and deflated (8) entries are all salvage reads; others need the tool that wrote them. */
export function isReadableMethod(method: number): boolean {
  return method === 0 || method === 8
}
