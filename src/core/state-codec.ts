/**
 * The checkpoint's state encoding: V8's structured-clone format (Maps, Sets, typed arrays and
 * plain objects survive as they are), except that every typed array of at least
 * {@link BLOB_MIN_BYTES} is left out of the bytes and named by the SHA-256 of its contents.
 * The checkpoint writes each named array to a file of its own, once: near-dedupe's full index
 * chunks never change again, so a checkpoint late in a large batch writes only what changed
 * since the last one, and never copies the whole state into one buffer.
 */
import { createHash } from 'node:crypto'
import v8 from 'node:v8'

/** Typed arrays at least this large are stored as named blobs rather than inline. */
export const BLOB_MIN_BYTES = 64 * 1024

/** The encoded state: the structured-clone bytes and the live arrays they name, by name. */
export interface EncodedState {
  bytes: Buffer
  blobs: Map<string, ArrayBufferView>
}

const VIEW_TYPES = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView'] as const
type ViewConstructor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView
const INLINE = 0
const NAMED = 1

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

/**
 * Encodes `state`; the returned blobs are the live arrays, so write them before the state
 * changes again. Throws on values structured clone cannot copy (functions, symbols).
 */
export function encodeState(state: unknown, minBlobBytes = BLOB_MIN_BYTES): EncodedState {
  const blobs = new Map<string, ArrayBufferView>()
  const serializer = new v8.Serializer() as v8.Serializer & HostSerializer
  serializer._setTreatArrayBufferViewsAsHostObjects(true)
  serializer._writeHostObject = (value: object): void => {
    if (!ArrayBuffer.isView(value)) throw new TypeError('Cannot save a host object in a checkpoint')
    serializer.writeUint32(typeIndex(value))
    if (value.byteLength >= minBlobBytes) {
      const name = blobName(value)
      blobs.set(name, value)
      serializer.writeUint32(NAMED)
      serializer.writeRawBytes(Buffer.from(name, 'hex'))
      return
    }
    serializer.writeUint32(INLINE)
    serializer.writeUint32(value.byteLength)
    serializer.writeRawBytes(bytesOf(value))
  }
  serializer.writeHeader()
  serializer.writeValue(state)
  return { bytes: serializer.releaseBuffer(), blobs }
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

/** Decodes what {@link encodeState} wrote; `blob(name)` returns a named array's bytes. */
export function decodeState(bytes: Uint8Array, blob: (name: string) => Uint8Array): unknown {
  const deserializer = new v8.Deserializer(bytes) as v8.Deserializer & { _readHostObject(): unknown }
  deserializer._readHostObject = (): unknown => {
    const type = deserializer.readUint32()
    if (deserializer.readUint32() === NAMED) return viewOf(type, blob(deserializer.readRawBytes(32).toString('hex')))
    return viewOf(type, deserializer.readRawBytes(deserializer.readUint32()))
  }
  deserializer.readHeader()
  return deserializer.readValue()
}
