/**
 * Splits a byte stream into lines without holding more than one line in memory, so a 5 GB
 * JSONL file streams. Each line is decoded on its own (a scraper that appended records from
 * several sources may mix encodings); a UTF-16 stream is decoded as a whole stream instead.
 */
import iconv from 'iconv-lite'
import { decodeBytes, sniffBom } from '../text/charset.ts'
import { sniffUtf16 } from '../text/charset-detect.ts'

/** One line of the stream: its 1-based number and its text, or `tooLong` when it passed the cap. */
export type StreamLine = { line: number; text: string } | { line: number; tooLong: true }

function concat(parts: Uint8Array[], length: number): Uint8Array {
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts, length)
}

async function* byteLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<{ line: number; bytes?: Uint8Array }> {
  let parts: Uint8Array[] = []
  let length = 0
  let line = 1
  for await (const chunk of chunks) {
    let start = 0
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline)
      const fits = length + piece.length <= maxLineBytes
      yield fits ? { line, bytes: concat([...parts, piece], length + piece.length) } : { line }
      parts = []
      length = 0
      line += 1
      start = newline + 1
    }
    const rest = chunk.subarray(start)
    length += rest.length
    // Past the cap the line is only counted, not kept: one 50 GB line must not fill memory.
    if (length <= maxLineBytes) parts.push(rest)
  }
  if (length > 0) yield length <= maxLineBytes ? { line, bytes: concat(parts, length) } : { line }
}

async function* wideLines(chunks: AsyncIterable<Uint8Array>, encoding: string, maxLineChars: number): AsyncGenerator<StreamLine> {
  const decoder = iconv.getDecoder(encoding)
  let pending = ''
  let line = 1
  const flush = function* (final: boolean): Generator<StreamLine> {
    let start = 0
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      const text = pending.slice(start, newline)
      yield text.length <= maxLineChars ? { line, text } : { line, tooLong: true }
      line += 1
      start = newline + 1
    }
    pending = pending.slice(start)
    if (final && pending !== '') yield pending.length <= maxLineChars ? { line, text: pending } : { line, tooLong: true }
  }
  for await (const chunk of chunks) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length))
    yield* flush(false)
  }
  pending += decoder.end() ?? ''
  yield* flush(true)
}

/** Re-yields a stream after looking at its first chunk. */
export async function peek(chunks: AsyncIterable<Uint8Array>): Promise<{ first: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]()
  const head = await iterator.next()
  const first = head.done === true ? new Uint8Array(0) : head.value
  const rest = {
    async *[Symbol.asyncIterator]() {
      if (first.length > 0) yield first
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value
    },
  }
  return { first, rest }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text
}

/**
 * Yields the lines of a byte stream as text, line numbers 1-based. Lines longer than
 * `maxLineBytes` are reported as `tooLong` (their bytes are dropped as they stream past).
 */
export async function* textLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  const { first, rest } = await peek(chunks)
  const bom = sniffBom(first)
  const wide = bom !== undefined && bom.encoding !== 'utf-8' ? bom.encoding : sniffUtf16(first)
  if (wide !== undefined) {
    for await (const entry of wideLines(rest, wide, maxLineBytes)) yield 'text' in entry ? { line: entry.line, text: stripCarriageReturn(entry.text.replace(/^\uFEFF/, '')) } : entry
    return
  }
  for await (const entry of byteLines(rest, maxLineBytes)) {
    if (entry.bytes === undefined) yield { line: entry.line, tooLong: true }
    else yield { line: entry.line, text: stripCarriageReturn(decodeBytes(entry.bytes, { format: 'jsonl' }).text) }
  }
}
