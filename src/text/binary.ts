/**
 * Tells text from binary data behind a text extension (a `.txt` that is really an image, a
 * zip, or a memory dump), so it is rejected with a reason instead of decoded into noise.
 */
import { sniffBom } from './charset.ts'
import { isUtf8 } from 'node:buffer'
import { sniffUtf16, sniffWideText } from './charset-detect.ts'

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a zip archive' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip stream' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'an executable' },
  { bytes: [0x00, 0x00, 0x00], kind: 'binary data' },
]

/** Bytes inspected; binary formats show themselves in the first few kilobytes. */
const SAMPLE_BYTES = 64 * 1024
/** NULs never occur in text that is not UTF-16; a few stray ones survive bad copies. */
const MAX_NUL_RATIO = 0.01
/**
 * Control characters other than tab, newline, carriage return, form feed and escape: text has
 * almost none, random or compressed bytes about 10.5% (27 of 256 values), so 5% tells them apart.
 */
const MAX_CONTROL_RATIO = 0.05

function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b
}

/**
 * Describes why `bytes` look binary ("a PNG image", "binary data (14% control bytes)"), or
 * returns `undefined` for text in any encoding, UTF-16 included.
 */
export function describeBinary(bytes: Uint8Array): string | undefined {
  if (sniffBom(bytes) !== undefined) return undefined
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  if (sniffUtf16(sample) !== undefined) return undefined
  const verdict = binaryVerdict(sample)
  // UTF-16 without NULs (Chinese, Japanese) is looked for only in what would be called binary:
  // on every other file it would scan the sample twice more on the main thread.
  return verdict !== undefined && !isUtf8(sample) && sniffWideText(sample) !== undefined ? undefined : verdict
}

/** The file signature or the share of low bytes that makes `sample` binary, or undefined. */
function binaryVerdict(sample: Uint8Array): string | undefined {
  const signature = SIGNATURES.find((entry) => entry.bytes.every((byte, index) => sample[index] === byte))
  if (signature !== undefined) return signature.kind
  const { nul, control } = countLowBytes(sample)
  if (nul > sample.length * MAX_NUL_RATIO) return `binary data (${percent(nul, sample.length)} NUL bytes)`
  if (nul + control > sample.length * MAX_CONTROL_RATIO) return `binary data (${percent(nul + control, sample.length)} control bytes)`
  return undefined
}

/**
 * NUL and control bytes of `bytes`. This runs on the main thread for every file read, so it
 * reads four bytes at a time where it can and looks closer only at words holding a byte below
 * 0x20 (in text, the line breaks): a few times faster than a byte loop.
 */
function countLowBytes(bytes: Uint8Array): { nul: number; control: number } {
  const counts = { nul: 0, control: 0 }
  const head = (4 - (bytes.byteOffset % 4)) % 4
  if (bytes.length < head + 4) {
    countBytes(bytes, 0, bytes.length, counts)
    return counts
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >>> 2)
  countBytes(bytes, 0, head, counts)
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as number
    // Sets a high bit in every byte below 0x20 (the classic "has a byte less than n" test).
    if (((word - 0x20202020) & ~word & 0x80808080) !== 0) countBytes(bytes, head + index * 4, head + index * 4 + 4, counts)
  }
  countBytes(bytes, head + words.length * 4, bytes.length, counts)
  return counts
}

function countBytes(bytes: Uint8Array, from: number, to: number, counts: { nul: number; control: number }): void {
  for (let index = from; index < to; index += 1) {
    const byte = bytes[index] as number
    if (byte === 0) counts.nul += 1
    else if (isControl(byte)) counts.control += 1
  }
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`
}
