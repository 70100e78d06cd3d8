import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { describeBinary } from '../../src/text/binary.ts'

/** The verdict by the plain definition: share of NUL bytes, then of NUL plus control bytes. */
function expectedVerdict(bytes: Uint8Array): 'text' | 'nul' | 'control' {
  const sample = bytes.subarray(0, 64 * 1024)
  let nul = 0
  let control = 0
  for (const byte of sample) {
    if (byte === 0) nul += 1
    else if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) control += 1
  }
  if (nul > sample.length * 0.01) return 'nul'
  return nul + control > sample.length * 0.05 ? 'control' : 'text'
}

function verdict(bytes: Uint8Array): string {
  const answer = describeBinary(bytes)
  if (answer === undefined) return 'text'
  return answer.includes('NUL') ? 'nul' : answer.includes('control') ? 'control' : answer
}

describe('describeBinary', () => {
  it.each([
    { name: 'plain text', bytes: Buffer.from('A line.\nAnother line, with a tab\tand a form feed\f.\r\n'), expected: undefined },
    { name: 'a PNG header', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), expected: 'a PNG image' },
    { name: 'UTF-16 text (NULs in every other byte)', bytes: Buffer.from('Hello, world. This is UTF-16.', 'utf16le'), expected: undefined },
    { name: 'control bytes', bytes: Uint8Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x61)), expected: 'binary data (34% control bytes)' },
  ])('$name', ({ bytes, expected }) => {
    expect(describeBinary(bytes)).toBe(expected)
  })

  it('takes random bytes (compressed or encrypted data) for binary, and CJK UTF-16 without a BOM for text', () => {
    let state = 42
    const random = Uint8Array.from({ length: 4000 }, () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24)
    expect(describeBinary(random)).toMatch(/^binary data \(\d+% (NUL|control) bytes\)$/u)
    const chinese = Buffer.from('政府周四宣布了支持中小企业的新经济措施。部长表示，这些措施将从明年年初开始实施。'.repeat(20), 'utf16le')
    expect(describeBinary(chinese)).toBeUndefined()
  })

  // The word-at-a-time count must agree with the byte-by-byte definition at any alignment.
  propertyTest.prop([fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 7 })])('counts low bytes like a byte loop, at any offset', (raw, offset) => {
    const bytes = new Uint8Array(raw.length + offset)
    bytes.set(raw, offset)
    const view = bytes.subarray(offset)
    const got = verdict(view)
    // File signatures are named before the count; byte-order marks and UTF-16 make it text.
    fc.pre(got === 'text' || got === 'nul' || got === 'control')
    if (got !== 'text' || expectedVerdict(view) === 'text') expect(got).toBe(expectedVerdict(view))
  })
})
