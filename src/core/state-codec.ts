/**
 * The checkpoint's state encoding, written piece by piece so that saving a large state never
 * holds a copy of all of it: a report collector of 10,000 pages serialises to about 17 MB, and
 * one buffer of that size on the main thread, on top of the workers' heaps, was the run's peak
 * memory (html-10k with two workers: 330–357 MiB with checkpoints, 297 without).
 *
 * A plain object or array whose contents come to more than {@link PIECE_BYTES} is written entry
 * by entry; anything else is one piece in V8's structured-clone format (Maps, Sets, typed arrays
 * and plain data survive as they are), except that every typed array of at least
 * {@link BLOB_MIN_BYTES} is left out of the bytes and named by the SHA-256 of its contents. The
 * checkpoint writes each named array to a file of its own, once: near-dedupe's full index chunks
 * never change again, so a checkpoint late in a large batch writes only what changed since the
 * last one. A value reached twice stays one value within a piece; across the entries of a split
 * object or array it comes back as two equal copies.
 */
import { createHash } from 'node:crypto'
import v8 from 'node:v8'

/** Typed arrays at least this large are stored as named blobs rather than inline. */
export const BLOB_MIN_BYTES = 64 * 1024
/** A plain object or array larger than this (estimated) is written entry by entry. */
export const PIECE_BYTES = 64 * 1024

/** The sizes {@link encodeState} works with; tests make them small. */
export interface EncodeOptions {
  /** Typed arrays at least this large become named blobs ({@link BLOB_MIN_BYTES}). */
  minBlobBytes?: number
  /** Plain objects and arrays larger than this are split ({@link PIECE_BYTES}). */
  pieceBytes?: number
}

/** Receives the encoded bytes in order; a chunk may be reused once the call returns. */
export type StateSink = (chunk: Uint8Array) => void

const VIEW_TYPES = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView'] as const
type ViewConstructor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView
const INLINE = 0
const NAMED = 1
/** Frame tags: a structured-clone piece, a split array or object whose entries follow, and a run of an array's entries in one piece. */
const PIECE = 0
const ARRAY = 1
const OBJECT = 2
const RUN = 3

/** The hooks V8's serializer calls for host objects; Node's typings leave them out. */
interface HostSerializer {
  _setTreatArrayBufferViewsAsHostObjects(flag: boolean): void
  _writeHostObject(value: object): void
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
}

/** The SHA-256 of a view's bytes, in hex: a blob's name (its checksum at once) and the state file's checksum. */
export function blobName(view: ArrayBufferView): string {
  return createHash('sha256').update(bytesOf(view)).digest('hex')
}

function typeIndex(view: ArrayBufferView): number {
  const index = (VIEW_TYPES as readonly string[]).indexOf(Object.prototype.toString.call(view).slice(8, -1))
  if (index < 0) throw new TypeError(`Cannot save a ${view.constructor.name} in a checkpoint`)
  return index
}

/** One value in structured-clone bytes, its large typed arrays added to `blobs` by name. */
function encodePiece(value: unknown, blobs: Map<string, ArrayBufferView>, minBlobBytes: number): Buffer {
  const serializer = new v8.Serializer() as v8.Serializer & HostSerializer
  serializer._setTreatArrayBufferViewsAsHostObjects(true)
  serializer._writeHostObject = (view: object): void => {
    if (!ArrayBuffer.isView(view)) throw new TypeError('Cannot save a host object in a checkpoint')
    serializer.writeUint32(typeIndex(view))
    if (view.byteLength >= minBlobBytes) {
      const name = blobName(view)
      blobs.set(name, view)
      serializer.writeUint32(NAMED)
      serializer.writeRawBytes(Buffer.from(name, 'hex'))
      return
    }
    serializer.writeUint32(INLINE)
    serializer.writeUint32(view.byteLength)
    serializer.writeRawBytes(bytesOf(view))
  }
  serializer.writeHeader()
  serializer.writeValue(value)
  return serializer.releaseBuffer()
}

const splittable = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value)))

/**
 * About how many bytes `value` takes (a rough count: string lengths, 8 bytes a number or
 * entry, a blob's name for a large typed array, a value reached again as a reference), counted
 * only until it passes `budget`.
 */
function estimate(value: unknown, budget: number, minBlobBytes: number): number {
  let used = 0
  const seen = new Set<object>()
  const visit = (item: unknown): boolean => {
    used += typeof item === 'string' ? item.length + 8 : 8
    if (ArrayBuffer.isView(item)) used += item.byteLength >= minBlobBytes ? 40 : item.byteLength
    if (used > budget) return true
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item) || seen.has(item)) return false
    seen.add(item)
    if (item instanceof Map) {
      for (const [key, entry] of item) if (visit(key) || visit(entry)) return true
      return false
    }
    if (item instanceof Set) {
      for (const entry of item) if (visit(entry)) return true
      return false
    }
    for (const key of Object.keys(item)) if (visit(key) || visit((item as Record<string, unknown>)[key])) return true
    return false
  }
  visit(value)
  return used
}

/**
 * An array's entries in order, small neighbours gathered into runs that share one piece (so a
 * list of thousands of records costs a few dozen serialisers, not one each), and each entry
 * larger than a piece on its own, to be split further.
 */
function* arrayParts(array: unknown[], pieceBytes: number, minBlobBytes: number): Generator<{ run?: unknown[]; entry?: unknown }> {
  let run: unknown[] = []
  let runBytes = 0
  for (const entry of array) {
    const bytes = estimate(entry, pieceBytes, minBlobBytes)
    if (runBytes + bytes > pieceBytes && run.length > 0) {
      yield { run }
      run = []
      runBytes = 0
    }
    if (bytes > pieceBytes) yield { entry }
    else {
      run.push(entry)
      runBytes += bytes
    }
  }
  if (run.length > 0) yield { run }
}

/** Collects small frames into one chunk so the sink sees few, large writes. */
function createStaging(sink: StateSink): { put(bytes: Uint8Array): void; flush(): void } {
  const chunk = Buffer.allocUnsafe(PIECE_BYTES)
  let used = 0
  const flush = (): void => {
    if (used > 0) sink(chunk.subarray(0, used))
    used = 0
  }
  return {
    put(bytes) {
      if (used + bytes.byteLength > chunk.byteLength) flush()
      if (bytes.byteLength > chunk.byteLength) return sink(bytes)
      chunk.set(bytes, used)
      used += bytes.byteLength
    },
    flush,
  }
}

function frameHead(tag: number, count: number): Uint8Array {
  const head = Buffer.allocUnsafe(5)
  head.writeUInt8(tag, 0)
  head.writeUInt32LE(count, 1)
  return head
}

/**
 * Encodes `state` into `sink` (see the module comment) and returns the typed arrays it names,
 * by name: they are the live arrays, so write them before the state changes again. Throws on
 * values structured clone cannot copy (functions, symbols), possibly after some bytes went out.
 */
export function encodeState(state: unknown, sink: StateSink, options: EncodeOptions = {}): Map<string, ArrayBufferView> {
  const { minBlobBytes = BLOB_MIN_BYTES, pieceBytes = PIECE_BYTES } = options
  const blobs = new Map<string, ArrayBufferView>()
  const staging = createStaging(sink)
  const piece = (tag: number, value: unknown): void => {
    const bytes = encodePiece(value, blobs, minBlobBytes)
    staging.put(frameHead(tag, bytes.byteLength))
    staging.put(bytes)
  }
  const writeArray = (array: unknown[]): void => {
    staging.put(frameHead(ARRAY, array.length))
    for (const part of arrayParts(array, pieceBytes, minBlobBytes)) {
      if (part.run === undefined) write(part.entry)
      else piece(RUN, part.run)
    }
  }
  const open = new Set<object>()
  const write = (value: unknown): void => {
    if (!splittable(value) || estimate(value, pieceBytes, minBlobBytes) <= pieceBytes) return piece(PIECE, value)
    if (open.has(value)) throw new TypeError('Cannot save a large object or array that contains itself in a checkpoint')
    open.add(value)
    if (Array.isArray(value)) writeArray(value)
    else {
      const keys = Object.keys(value)
      staging.put(frameHead(OBJECT, keys.length))
      for (const key of keys) {
        write(key)
        write(value[key])
      }
    }
    open.delete(value)
  }
  write(state)
  staging.flush()
  return blobs
}

/** A fresh, aligned view of type `type` over a copy of `bytes`. */
function viewOf(type: number, bytes: Uint8Array): ArrayBufferView {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  const name = VIEW_TYPES[type]
  if (name === undefined) throw new TypeError(`Unknown typed array kind ${type} in a checkpoint`)
  if (name === 'DataView') return new DataView(copy.buffer)
  const constructor = (globalThis as unknown as Record<string, ViewConstructor & { BYTES_PER_ELEMENT: number }>)[name] as ViewConstructor & { BYTES_PER_ELEMENT: number }
  return new constructor(copy.buffer, 0, copy.byteLength / constructor.BYTES_PER_ELEMENT)
}

function decodePiece(bytes: Uint8Array, blob: (name: string) => Uint8Array): unknown {
  const deserializer = new v8.Deserializer(bytes) as v8.Deserializer & { _readHostObject(): unknown }
  deserializer._readHostObject = (): unknown => {
    const type = deserializer.readUint32()
    if (deserializer.readUint32() === NAMED) return viewOf(type, blob(deserializer.readRawBytes(32).toString('hex')))
    return viewOf(type, deserializer.readRawBytes(deserializer.readUint32()))
  }
  deserializer.readHeader()
  return deserializer.readValue()
}

/** Decodes what {@link encodeState} wrote; `blob(name)` returns a named array's bytes. Throws on bytes it did not write. */
export function decodeState(bytes: Uint8Array, blob: (name: string) => Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 0
  const frame = (): { tag: number; value: unknown } => {
    if (at + 5 > bytes.byteLength) throw new RangeError('The checkpoint state ends early')
    const [tag, count] = [view.getUint8(at), view.getUint32(at + 1, true)]
    at += 5
    if (tag === PIECE || tag === RUN) {
      if (at + count > bytes.byteLength) throw new RangeError('The checkpoint state ends early')
      at += count
      return { tag, value: decodePiece(bytes.subarray(at - count, at), blob) }
    }
    if (tag === ARRAY) return { tag, value: readArray(count) }
    if (tag !== OBJECT) throw new RangeError(`Unknown frame ${tag} in the checkpoint state`)
    const result: Record<string, unknown> = {}
    for (let index = 0; index < count; index += 1) Object.defineProperty(result, read() as string, { value: read(), enumerable: true, writable: true, configurable: true })
    return { tag, value: result }
  }
  const read = (): unknown => frame().value
  const readArray = (length: number): unknown[] => {
    const result: unknown[] = []
    while (result.length < length) {
      const { tag, value } = frame()
      if (tag !== RUN) result.push(value)
      else if (!Array.isArray(value) || value.length > length - result.length) throw new RangeError('The checkpoint state has a run that does not fit its array')
      else for (const entry of value) result.push(entry)
    }
    return result
  }
  const state = read()
  if (at !== bytes.byteLength) throw new RangeError('The checkpoint state has bytes after its end')
  return state
}
