/**
 * Finding where an entry written with a data descriptor ends, for zip-salvage.ts: the sizes
 * come after the data (PKWARE APPNOTE 4.3.9), signed with PK\7\8 or not, 4 bytes each or 8 for
 * zip64 entries. The data is searched for "PK" with Buffer.indexOf (in compressed data about
 * once in 64 KiB); at each hit that starts a descriptor, or the next entry's header with an
 * unsigned descriptor just before it, the stated compressed size must equal the bytes since
 * the data began.
 */
import type { FileHandle } from 'node:fs/promises'

/** An entry's CRC-32 and sizes from its descriptor, and where the next header starts. */
export interface DescriptorEnd {
  sizes: { crc: number; compressedSize: number; size: number }
  next: number
}

const SIGNATURE_PK = Buffer.from('PK')
/** A signed data descriptor's signature, PK\7\8. */
export const DESCRIPTOR = 0x08074b50
/** Bytes of the file searched at a time. */
const SCAN_BYTES = 1 << 20

/** Up to `length` bytes of the file from `position`: fewer at its end, none past it. */
export async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

function sizeAt(bytes: Buffer, at: number, width: 4 | 8): number | undefined {
  if (at < 0 || at + width > bytes.length) return undefined
  return width === 8 ? Number(bytes.readBigUInt64LE(at)) : bytes.readUInt32LE(at)
}

/** The descriptor with sizes `width` bytes wide that a "PK" at `position` proves, if it does; `bytes` start at `from`. */
function descriptorOf(bytes: Buffer, from: number, position: number, dataStart: number, width: 4 | 8): DescriptorEnd | undefined {
  const unsignedLength = 4 + 2 * width
  const at = position - from
  const kind = bytes.length >= at + 4 ? bytes.readUInt16LE(at + 2) : undefined
  if (kind === DESCRIPTOR >>> 16) {
    const compressedSize = sizeAt(bytes, at + 8, width)
    const size = sizeAt(bytes, at + 8 + width, width)
    if (compressedSize === position - dataStart && size !== undefined) return { sizes: { crc: bytes.readUInt32LE(at + 4), compressedSize, size }, next: position + 4 + unsignedLength }
  }
  if (kind === 0x0403 || kind === 0x0201) {
    const start = at - unsignedLength
    const compressedSize = sizeAt(bytes, start + 4, width)
    const size = sizeAt(bytes, start + 4 + width, width)
    if (start >= 0 && compressedSize === from + start - dataStart && size !== undefined) return { sizes: { crc: bytes.readUInt32LE(start), compressedSize, size }, next: position }
  }
  return undefined
}

/**
 * The descriptor that a "PK" at `position` proves, if it does (see the module comment): sizes
 * of 8 bytes first for a zip64 entry, else of 4, then the other width, since writers differ.
 */
async function descriptorAt(handle: FileHandle, position: number, dataStart: number, zip64: boolean): Promise<DescriptorEnd | undefined> {
  const from = Math.max(dataStart, position - 20)
  const bytes = await readAt(handle, from, position - from + 24)
  const widths: (4 | 8)[] = zip64 ? [8, 4] : [4, 8]
  for (const width of widths) {
    const found = descriptorOf(bytes, from, position, dataStart, width)
    if (found !== undefined) return found
  }
  return undefined
}

/** The first descriptor after `dataStart` that states the size ending there, searching up to `limit`. */
export async function findDescriptor(handle: FileHandle, dataStart: number, limit: number, zip64: boolean): Promise<DescriptorEnd | undefined> {
  for (let base = dataStart; base < limit; base += SCAN_BYTES) {
    // One byte of overlap, so a "PK" across two reads is found.
    const chunk = await readAt(handle, base, Math.min(SCAN_BYTES + 1, limit - base))
    for (let at = chunk.indexOf(SIGNATURE_PK); at !== -1 && at < SCAN_BYTES; at = chunk.indexOf(SIGNATURE_PK, at + 1)) {
      const found = await descriptorAt(handle, base + at, dataStart, zip64)
      if (found !== undefined) return found
    }
  }
  return undefined
}
