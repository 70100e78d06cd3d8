/**
 * Bytes to text, the way a careful browser would do it: a byte-order mark wins, then a charset
 * the file declares (HTML `<meta>`, XML declaration) when the bytes agree with it, then
 * detection. Scraped dumps lie about their charset often enough that a declaration the bytes
 * contradict (says UTF-8, is not valid UTF-8) is ignored rather than trusted into mojibake.
 */
import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import type { SourceFormat } from '../core/doc.ts'
import { canonicalEncoding } from './charset-labels.ts'
import { detectLegacyEncoding, sniffUtf16, sniffWideText, utf8Statistics } from './charset-detect.ts'

/** How the encoding was chosen; `detected` means the file gave no usable clue. */
export type DecodeMethod = 'bom' | 'declared' | 'detected'

/** Decoded text, the encoding used, how it was chosen and how many bytes could not be decoded. */
export interface DecodeResult {
  text: string
  encoding: string
  method: DecodeMethod
  /** Replacement characters (U+FFFD) the decoding introduced; 0 for a clean decode. */
  invalidBytes: number
}

/** What the caller knows about the bytes; the format decides which declarations are looked for. */
export interface DecodeHint {
  format?: SourceFormat
}

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
]

/** How far into the file declarations are looked for (browsers pre-scan 1024 bytes; be generous). */
const DECLARATION_WINDOW = 2048

/** Detection looks at this much; enough for statistics, cheap on a 500 MB file. */
const SAMPLE_BYTES = 1 << 20

/** The byte-order mark at the start of `bytes`, if any. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const found = BOMS.find((bom) => bom.bytes.every((byte, index) => bytes[index] === byte))
  return found === undefined ? undefined : { encoding: found.encoding, length: found.bytes.length }
}

const XML_DECLARATION = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)/
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i

/** The charset the file declares in its first bytes (XML declaration, HTML meta), if usable. */
export function sniffDeclaredEncoding(bytes: Uint8Array, format?: SourceFormat): string | undefined {
  if (format === 'txt' || format === 'json' || format === 'jsonl') return undefined
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString('latin1')
  const xml = XML_DECLARATION.exec(head)?.[1]
  const meta = format === 'xml' ? undefined : META_CHARSET.exec(head)?.[1]
  // A page's meta tag is what browsers honour; an XHTML file may only have the XML declaration.
  const label = format === 'html' ? (meta ?? xml) : (xml ?? meta)
  return label === undefined ? undefined : canonicalEncoding(label)
}

/**
 * A declaration is trusted unless the bytes contradict it: "utf-8" over bytes that are not
 * UTF-8, or a legacy charset over bytes that are valid UTF-8 with multi-byte characters (the
 * page was re-encoded and its meta tag was not; by chance cp1252 text is never valid UTF-8).
 */
function bytesFit(bytes: Uint8Array, encoding: string): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  if (encoding === 'utf-8') return isUtf8(bytes) || isTruncatedUtf8(bytes)
  const stats = utf8Statistics(sample)
  return !(stats.invalid === 0 && stats.multiByte > 0)
}

/**
 * Valid UTF-8 except for a last character cut off by truncation (files cut at a byte limit).
 * Needs another non-ASCII character before the cut: "Café" in cp1252 also ends in a lead byte.
 */
function isTruncatedUtf8(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
    const lead = bytes[bytes.length - cut] ?? 0
    if (lead < 0x80) return false
    if (lead < 0xc0) continue
    const head = bytes.subarray(0, bytes.length - cut)
    return isUtf8(head) && head.some((byte) => byte >= 0x80)
  }
  return false
}

/** Picks the encoding for bytes that neither start with a BOM nor declare a usable charset. */
export function detectEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const wide = sniffUtf16(sample)
  if (wide !== undefined) return wide
  if (isUtf8(bytes) || isTruncatedUtf8(bytes)) return 'utf-8'
  // Mostly UTF-8 with a few broken bytes (a concatenation, a bad copy): decoding it as cp1252
  // would garble every good character to save a handful of bad ones.
  const stats = utf8Statistics(sample)
  if (stats.multiByte >= 4 && stats.invalid * 4 <= stats.multiByte) return 'utf-8'
  const wideText = sniffWideText(sample)
  if (wideText !== undefined) return wideText
  return detectLegacyEncoding(sample)
}

/** U+FFFD characters that were in the input itself, so they are not counted as invalid bytes. */
function genuineReplacements(bytes: Uint8Array, encoding: string): number {
  const pattern = encoding === 'utf-8' ? [0xef, 0xbf, 0xbd] : encoding === 'utf-16le' ? [0xfd, 0xff] : encoding === 'utf-16be' ? [0xff, 0xfd] : undefined
  if (pattern === undefined) return 0
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const needle = Buffer.from(pattern)
  let count = 0
  for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + needle.length)) count += 1
  return count
}

function countReplacements(text: string): number {
  let count = 0
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count += 1
  return count
}

function decodeAs(bytes: Uint8Array, encoding: string, method: DecodeMethod): DecodeResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const text = iconv.decode(buffer, encoding, { stripBOM: false })
  const invalidBytes = Math.max(0, countReplacements(text) - genuineReplacements(bytes, encoding))
  return { text, encoding, method, invalidBytes }
}

/**
 * Decodes bytes to text: BOM, then declared charset (when the bytes agree), then detection
 * (UTF-8, UTF-16 by NUL pattern, else a legacy single-byte or CJK charset). Never throws.
 */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodeResult {
  const bom = sniffBom(bytes)
  if (bom !== undefined) return decodeAs(bytes.subarray(bom.length), bom.encoding, 'bom')
  const declared = sniffDeclaredEncoding(bytes, hint.format)
  if (declared !== undefined && bytesFit(bytes, declared)) return decodeAs(bytes, declared, 'declared')
  return decodeAs(bytes, detectEncoding(bytes), 'detected')
}
