/**
 * The checkpoint state codec: whatever structured clone keeps survives a round trip, large
 * typed arrays leave the bytes and come back from their named blobs, and a blob's name is the
 * SHA-256 of its contents (so an unchanged array is never written twice).
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blobName, decodeState, encodeState } from '../../src/core/state-codec.ts'

const roundTrip = (state: unknown, minBlobBytes: number): { decoded: unknown; bytes: number; blobs: number } => {
  const encoded = encodeState(state, minBlobBytes)
  const stored = new Map([...encoded.blobs].map(([name, view]) => [name, new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength))]))
  const decoded = decodeState(encoded.bytes, (name) => stored.get(name) as Uint8Array)
  return { decoded, bytes: encoded.bytes.length, blobs: encoded.blobs.size }
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
    expect(encodeState({ part }, 1).blobs.get(expected)).toBe(part)
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
    expect(() => encodeState({ run: () => 1 })).toThrow()
  })
})
