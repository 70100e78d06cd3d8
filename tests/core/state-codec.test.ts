/**
 * The checkpoint state codec: whatever structured clone keeps survives a round trip, large
 * typed arrays leave the bytes and come back from their named blobs, a blob's name is the
 * SHA-256 of its contents (so an unchanged array is never written twice), and a large state
 * reaches the sink in pieces, never as one buffer.
 */
import { createHash } from 'node:crypto'
import v8 from 'node:v8'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blobName, decodeState, encodeState, PIECE_BYTES } from '../../src/core/state-codec.ts'
import type { EncodeOptions } from '../../src/core/state-codec.ts'

/** Encodes `state` into copied chunks (the sink's chunk may be reused), returning them with the blobs. */
const encode = (state: unknown, options?: EncodeOptions): { chunks: Buffer[]; blobs: Map<string, ArrayBufferView> } => {
  const chunks: Buffer[] = []
  const blobs = encodeState(state, (chunk) => chunks.push(Buffer.from(chunk)), options)
  return { chunks, blobs }
}

const roundTrip = (state: unknown, minBlobBytes: number, pieceBytes?: number): { decoded: unknown; bytes: number; blobs: number } => {
  const encoded = encode(state, { minBlobBytes, ...(pieceBytes === undefined ? {} : { pieceBytes }) })
  const stored = new Map([...encoded.blobs].map(([name, view]) => [name, new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength))]))
  const bytes = Buffer.concat(encoded.chunks)
  const decoded = decodeState(bytes, (name) => stored.get(name) as Uint8Array)
  return { decoded, bytes: bytes.length, blobs: encoded.blobs.size }
}

describe('state codec', () => {
  it('keeps Maps, Sets, plain data and typed arrays, inline and as blobs', () => {
    const big = Uint32Array.from({ length: 40_000 }, (_, index) => index * 2_654_435_761)
    const state = {
      ordered: new Map<string, unknown>([
        ['index', { big, again: big, tail: big.subarray(39_990), heads: new Int32Array(20_000).fill(-1) }],
        ['seen', new Map([['a1', { id: 'x', source: 'a.txt' }]])],
      ]),
      set: new Set(['one', 2]),
      small: new Float64Array([0.5, -1]),
      view: new DataView(new ArrayBuffer(16)),
    }
    const { decoded, bytes, blobs } = roundTrip(state, 64 * 1024)
    expect(decoded).toEqual(state)
    const index = (decoded as typeof state).ordered.get('index') as { big: Uint32Array; again: Uint32Array }
    expect(index.again).toBe(index.big)
    expect(blobs).toBe(2)
    expect(bytes).toBeLessThan(4096)
  })

  it('names a blob by the SHA-256 of the bytes it views', () => {
    const whole = Int16Array.from({ length: 100 }, (_, index) => index - 50)
    const part = whole.subarray(10, 20)
    const expected = createHash('sha256').update(Buffer.from(whole.buffer, 20, 20)).digest('hex')
    expect(blobName(part)).toBe(expected)
    expect(encode({ part }, { minBlobBytes: 1 }).blobs.get(expected)).toBe(part)
  })

  it('round-trips any typed array of any length, whatever the blob threshold', () => {
    const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array] as const
    const array = fc.tuple(fc.integer({ min: 0, max: kinds.length - 1 }), fc.array(fc.integer({ min: -128, max: 127 }), { maxLength: 200 }), fc.nat(8))
    fc.assert(
      fc.property(fc.array(array, { maxLength: 6 }), fc.integer({ min: 1, max: 400 }), (specs, threshold) => {
        const arrays = specs.map(([kind, values, offset]) => (kinds[kind] as Int8ArrayConstructor).from([...values, ...Array<number>(offset).fill(3)]).subarray(offset))
        expect(roundTrip({ arrays }, threshold).decoded).toEqual({ arrays })
      }),
    )
  })

  it('refuses what structured clone refuses, with an error', () => {
    expect(() => encode({ run: () => 1 })).toThrow()
  })

  it('keeps a small cycle inside one piece and refuses one through a split object, with a sentence', () => {
    const small: Record<string, unknown> = { name: 'loop' }
    small.self = small
    const decoded = roundTrip({ small }, 64 * 1024).decoded as { small: Record<string, unknown> }
    expect(decoded.small.self).toBe(decoded.small)
    const large: Record<string, unknown> = { text: 'x'.repeat(500) }
    large.self = large
    expect(() => encode({ large }, { pieceBytes: 100 })).toThrow(/contains itself/u)
  })

  it('hands a large state to the sink in pieces of bounded size, and reads it back whole', () => {
    const documents = Array.from({ length: 6000 }, (_, index) => ({ id: `doc-${index}`, warnings: [`Sentence ${index} looks garbled: “${'word '.repeat(index % 40)}”`], kept: index % 3 !== 0 }))
    const sites = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`site-${index}/`, { lines: documents.slice(index * 100, index * 100 + 100), counts: new Map([['kept', index]]) }]))
    const state = { collector: { documents, sites, counts: { omitted: 4 } }, ordered: new Map([['near-dedupe', { rows: new Uint32Array(30_000).fill(9) }]]) }
    const { chunks } = encode(state)
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    expect(total).toBeGreaterThan(10 * PIECE_BYTES)
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(2 * PIECE_BYTES)
    expect(roundTrip(state, 64 * 1024).decoded).toEqual(state)
  })

  it('keeps own keys that look special and empty containers through a split', () => {
    const big = 'x'.repeat(PIECE_BYTES)
    const state = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": "${big}", "list": [[], {}, null, "${big}"]}`) as Record<string, unknown>
    const { decoded } = roundTrip(state, 64 * 1024)
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
    expect(Object.keys(decoded as object)).toEqual(['__proto__', 'constructor', 'list'])
    expect(decoded).toEqual(state)
  })

  it('round-trips any plain data however small the pieces, arrays in order with runs and split entries mixed', () => {
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), tie('list'), tie('record')),
      list: fc.array(tie('value'), { maxLength: 12 }),
      record: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 6 }),
    })).value
    fc.assert(
      fc.property(data, fc.integer({ min: 1, max: 300 }), (state, pieceBytes) => {
        expect(roundTrip(state, 64 * 1024, pieceBytes).decoded).toEqual(state)
      }),
    )
  })

  it('refuses bytes it did not write: cut short, or with bytes after the end', () => {
    const bytes = Buffer.concat(encode({ list: Array.from({ length: 3000 }, (_, index) => `entry ${index} `.repeat(5)) }).chunks)
    expect(() => decodeState(bytes.subarray(0, bytes.length - 7), () => new Uint8Array())).toThrow(/ends early/u)
    expect(() => decodeState(Buffer.concat([bytes, Buffer.from([0])]), () => new Uint8Array())).toThrow(/after its end/u)
    // An array of two entries whose one run claims a sparse array of 2^26: refused, not spread.
    const run = v8.serialize(Object.assign([], { length: 2 ** 26 }))
    const forged = Buffer.concat([Buffer.from([1, 2, 0, 0, 0, 3]), Buffer.from(new Uint32Array([run.length]).buffer), run])
    expect(() => decodeState(forged, () => new Uint8Array())).toThrow(/does not fit/u)
  })
})
