/**
 * A disk cache of decoded read-only tables (the n-gram models, the lexicon, the language
 * database). Decoding them from their gzipped data files costs a run about 0.4 s before its
 * first document, a third of a one-document run; reading a decoded copy back costs a few
 * milliseconds. The CLI names the folder, inside its cached build (bin/sluice.js), so a change
 * to the code that decodes starts a new cache; without a folder every table is decoded as
 * before. A cached table is read into a SharedArrayBuffer, so sharing it with worker threads
 * copies nothing. The cache only saves time: when it cannot be read or written, the table is
 * decoded and the run goes on.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { getEnvironmentData } from 'node:worker_threads'

/** The worker environment key bin/sluice.js sets to the folder (it cannot import this module). */
export const TABLE_CACHE_KEY = 'sluice.table-cache'

const MAGIC = 'sluice tables 1\n'
const HEADER_BYTES = MAGIC.length + 8
const ALIGN = 8

const TYPED = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const
type TypedName = keyof typeof TYPED
type Typed = InstanceType<(typeof TYPED)[TypedName]>

/** Where a typed array's bytes sit in the file, in place of the array in the JSON part. */
interface Placeholder {
  $typed: TypedName
  offset: number
  length: number
}

/** The folder this thread's tables are cached in (bin/sluice.js names it), or undefined for none. */
export function tableCacheFolder(): string | undefined {
  const folder = getEnvironmentData(TABLE_CACHE_KEY)
  return typeof folder === 'string' ? folder : undefined
}

const align = (offset: number): number => Math.ceil(offset / ALIGN) * ALIGN

function isTypedName(name: unknown): name is TypedName {
  return typeof name === 'string' && Object.hasOwn(TYPED, name)
}

/**
 * The JSON part of `value` with every typed array replaced by a placeholder, and the arrays in
 * file order. Anything JSON would change silently (a Map, a class instance, NaN, -0,
 * undefined in an array) is refused, so a table is never cached as something else.
 */
function splitTables(value: unknown): { json: string; arrays: Typed[] } {
  const arrays: Typed[] = []
  let offset = 0
  const json = JSON.stringify(value, function replace(this: Record<string, unknown>, key: string): unknown {
    // The holder's own value, before any toJSON (a Date's) turned it into something else.
    const item = this[key]
    if (ArrayBuffer.isView(item)) {
      const name = item.constructor.name
      if (!isTypedName(name)) throw new TypeError(`A ${name} cannot be cached as a table`)
      offset = align(offset)
      const placeholder: Placeholder = { $typed: name, offset, length: (item as Typed).length }
      arrays.push(item as Typed)
      offset += item.byteLength
      return placeholder
    }
    if (typeof item === 'number' && (!Number.isFinite(item) || Object.is(item, -0))) throw new TypeError(`The number ${Object.is(item, -0) ? '-0' : item} cannot be cached as a table`)
    if (item === undefined && Array.isArray(this)) throw new TypeError('An array with undefined in it cannot be cached as a table')
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      if (Object.getPrototypeOf(item) !== Object.prototype) throw new TypeError(`A ${item.constructor.name} cannot be cached as a table`)
      if (Object.hasOwn(item, '$typed')) throw new TypeError('An object with a `$typed` key cannot be cached as a table')
    }
    return item
  })
  return { json, arrays }
}

/** Writes all of `bytes` at the file's current end. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
}

/** The file's first bytes: magic, JSON length, data length, the JSON, padded to the data's start. */
function headerOf(json: string, arrays: readonly Typed[]): Buffer {
  const jsonBytes = Buffer.from(json, 'utf8')
  const header = Buffer.alloc(align(HEADER_BYTES + jsonBytes.length))
  let dataLength = 0
  for (const array of arrays) dataLength = align(dataLength) + array.byteLength
  header.write(MAGIC, 0, 'latin1')
  header.writeUInt32LE(jsonBytes.length, MAGIC.length)
  header.writeUInt32LE(dataLength, MAGIC.length + 4)
  jsonBytes.copy(header, HEADER_BYTES)
  return header
}

/**
 * Writes `value` to `file`: the header, then the arrays 8-byte aligned. It goes through a
 * temporary name, so a reader never sees half a file.
 */
export function writeTables(file: string, value: unknown): void {
  const { json, arrays } = splitTables(value)
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  const fd = openSync(temporary, 'w')
  let open = true
  try {
    writeAll(fd, headerOf(json, arrays))
    let written = 0
    for (const array of arrays) {
      writeAll(fd, new Uint8Array(align(written) - written))
      written = align(written) + array.byteLength
      writeAll(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
    }
    open = false
    closeSync(fd)
    renameSync(temporary, file)
  } catch (error) {
    if (open) closeSync(fd)
    rmSync(temporary, { force: true })
    throw error
  }
}

/** The whole file in a SharedArrayBuffer. */
function readShared(file: string): SharedArrayBuffer {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const buffer = new SharedArrayBuffer(size)
    const bytes = new Uint8Array(buffer)
    for (let at = 0; at < size; ) {
      const read = readSync(fd, bytes, at, size - at, at)
      if (read === 0) throw new Error(`The table cache file ${file} ended early`)
      at += read
    }
    return buffer
  } finally {
    closeSync(fd)
  }
}

/** A typed array over `buffer` for a placeholder, refused when it does not lie inside the data. */
function viewOf(placeholder: Placeholder, buffer: SharedArrayBuffer, dataStart: number, file: string): Typed {
  const kind = TYPED[placeholder.$typed]
  const { offset, length } = placeholder
  const fits = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0 && offset % kind.BYTES_PER_ELEMENT === 0
  if (!fits || dataStart + offset + length * kind.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error(`The table cache file ${file} names an array outside its data`)
  return new kind(buffer as unknown as ArrayBuffer, dataStart + offset, length)
}

/** Reads a file {@link writeTables} wrote; its typed arrays are views of one SharedArrayBuffer. */
export function readTables(file: string): unknown {
  const buffer = readShared(file)
  // Buffer.from takes a SharedArrayBuffer too (a view, no copy); its types say ArrayBuffer only.
  const bytes = Buffer.from(buffer as unknown as ArrayBuffer)
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${file} is not a table cache file`)
  const jsonLength = bytes.readUInt32LE(MAGIC.length)
  const dataStart = align(HEADER_BYTES + jsonLength)
  if (dataStart + bytes.readUInt32LE(MAGIC.length + 4) !== bytes.length) throw new Error(`The table cache file ${file} has the wrong length`)
  return JSON.parse(bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + jsonLength), (_key, item: unknown) => {
    const placeholder = item as Placeholder | null
    return typeof placeholder === 'object' && placeholder !== null && isTypedName(placeholder.$typed) ? viewOf(placeholder, buffer, dataStart, file) : item
  })
}

/** Names the sources' current state (path, size, modification time), so an edited data file makes a new entry. */
function sourceStamp(sources: readonly string[]): string {
  const stamps = sources.map((source) => {
    const stats = statSync(source)
    return [path.resolve(source), stats.size, stats.mtimeMs]
  })
  return createHash('sha256').update(JSON.stringify(stamps)).digest('hex').slice(0, 16)
}

function tryRead(file: string): unknown {
  try {
    return readTables(file)
  } catch {
    return undefined
  }
}

function tryWrite(folder: string, file: string, value: unknown): void {
  try {
    mkdirSync(folder, { recursive: true })
    writeTables(file, value)
  } catch {
    // Only time is lost: the next run decodes again.
  }
}

/**
 * `build()`'s tables, read from the cache `folder` when an entry made from the same `sources`
 * is there, else built and written there for the next run. `name` tells entries apart; `build`
 * must return plain data (objects, arrays, strings, finite numbers, booleans, typed arrays).
 */
export function cachedTables<T>(name: string, sources: readonly string[], build: () => T, folder: string | undefined = tableCacheFolder()): T {
  if (folder === undefined) return build()
  let file: string
  try {
    file = path.join(folder, `${name}-${sourceStamp(sources)}.tables`)
  } catch {
    return build()
  }
  const cached = tryRead(file)
  if (cached !== undefined) return cached as T
  const value = build()
  tryWrite(folder, file, value)
  return value
}
