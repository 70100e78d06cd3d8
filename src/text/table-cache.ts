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
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
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

/** `value`'s own kind, for a refusal: "a Map", "a function". */
function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name
  return name === undefined ? 'an object without a prototype' : `a ${name}`
}

/** The first entry of an array or plain object that {@link unplainAt} refuses. */
function unplainEntries(entries: Iterable<[string, unknown]>, where: string, seen: Set<object>): string | undefined {
  for (const [key, item] of entries) {
    if (key === '$typed') return `a \`$typed\` key at ${where}`
    const problem = unplainAt(item, `${where}.${key}`, seen)
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * What JSON with typed-array placeholders would not give back as it is, at `where` or under it
 * (a Map, a function, NaN, -0, undefined, an array hole or extra key, one object reached twice,
 * which would come back as two), or undefined when `value` is plain data.
 */
function unplainAt(value: unknown, where: string, seen: Set<object>): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? undefined : `the number ${Object.is(value, -0) ? '-0' : value} at ${where}`
  if (typeof value !== 'object') return `${kindOf(value)} at ${where}`
  if (seen.has(value)) return `an object reached twice at ${where}`
  seen.add(value)
  const prototype = Object.getPrototypeOf(value) as unknown
  if (Object.hasOwn(value, 'toJSON')) return `an object with its own toJSON at ${where}`
  if (ArrayBuffer.isView(value)) return isTypedName(value.constructor.name) && prototype === TYPED[value.constructor.name].prototype ? undefined : `${kindOf(value)} at ${where}`
  if (Object.getOwnPropertySymbols(value).length > 0) return `an object with symbol keys at ${where}`
  if (Array.isArray(value)) {
    // Index keys come first and in order, so a hole or a key of its own shows up as a mismatch.
    const keys = Object.keys(value)
    const plain = prototype === Array.prototype && keys.length === value.length && keys.every((key, index) => key === String(index))
    return plain ? unplainEntries(value.map((item, index) => [String(index), item]), where, seen) : `an array with holes, keys of its own or a prototype at ${where}`
  }
  return prototype === Object.prototype ? unplainEntries(Object.entries(value), where, seen) : `${kindOf(value)} at ${where}`
}

/**
 * The JSON part of `value` with every typed array replaced by a placeholder, and the arrays in
 * file order. Anything JSON would not give back as it is is refused first (see
 * {@link unplainAt}), so a table is never cached as something else.
 */
function splitTables(value: unknown, name: string): { json: string; arrays: Typed[] } {
  const problem = unplainAt(value, 'the top', new Set())
  if (problem !== undefined) throw new TypeError(`Cannot cache the tables of ${name}: they hold ${problem}, which JSON would not give back as it is`)
  const arrays: Typed[] = []
  let offset = 0
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (!ArrayBuffer.isView(item)) return item
    offset = align(offset)
    const placeholder: Placeholder = { $typed: item.constructor.name as TypedName, offset, length: (item as Typed).length }
    arrays.push(item as Typed)
    offset += item.byteLength
    return placeholder
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
 * temporary name, synced before it is renamed, so a reader never sees half a file.
 */
export function writeTables(file: string, value: unknown): void {
  const { json, arrays } = splitTables(value, path.basename(file))
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
    fsyncSync(fd)
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

/**
 * Names the sources by their contents (SHA-256, about 20 ms for the 14 MB of data files), so an
 * edited data file makes a new entry even where copying kept its size and modification time,
 * and the Node version, whose Unicode data the decoders' case mapping follows.
 */
function sourceStamp(sources: readonly string[]): string {
  const hash = createHash('sha256').update(`${process.version}\0`)
  for (const source of sources) hash.update(`${path.resolve(source)}\0`).update(readFileSync(source))
  return hash.digest('hex').slice(0, 16)
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
    // Not recursive: a build folder removed under a running process must not come back as a
    // folder holding only tables, which bin/bundle.mjs would take for the build.
    if (!existsSync(folder)) mkdirSync(folder)
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
