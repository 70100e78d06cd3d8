/**
 * A minimal zip writer for test fixtures (deflate or stored entries, no extras), so tests can
 * build archives, including broken ones, without another dependency.
 */
import { crc32, deflateRawSync } from 'node:zlib'

/** An entry: name and content; `store` keeps it uncompressed. */
export type ZipEntry = [name: string, content: string | Uint8Array, options?: { store?: boolean }]

function header(size: number): Buffer {
  return Buffer.alloc(size)
}

/** Builds a zip archive in memory from `entries`, in the given order. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content, options] of entries) {
    const data = Buffer.from(content)
    const packed = options?.store === true ? data : deflateRawSync(data)
    const method = options?.store === true ? 0 : 8
    const nameBytes = Buffer.from(name, 'utf8')
    const checksum = crc32(data)
    const local = header(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(checksum, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = header(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(checksum, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = header(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
