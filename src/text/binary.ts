/**
 * Tells text from binary data behind a text extension (a `.txt` that is really an image, a
 * zip, or a memory dump), so it is rejected with a reason instead of decoded into noise.
 */
import { sniffBom } from './charset.ts'
import { sniffUtf16 } from './charset-detect.ts'

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
/** Control characters other than tab, newline, carriage return, form feed and escape. */
const MAX_CONTROL_RATIO = 0.1

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
  const signature = SIGNATURES.find((entry) => entry.bytes.every((byte, index) => sample[index] === byte))
  if (signature !== undefined) return signature.kind
  let nul = 0
  let control = 0
  // An indexed loop, not `for…of`: this runs on the main thread for every file read.
  for (let index = 0; index < sample.length; index += 1) {
    const byte = sample[index] as number
    if (byte >= 0x20) continue
    if (byte === 0) nul += 1
    else if (isControl(byte)) control += 1
  }
  if (nul > sample.length * MAX_NUL_RATIO) return `binary data (${percent(nul, sample.length)} NUL bytes)`
  if (nul + control > sample.length * MAX_CONTROL_RATIO) return `binary data (${percent(nul + control, sample.length)} control bytes)`
  return undefined
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`
}
