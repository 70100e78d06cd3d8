/**
 * Splits a large JSON Lines file into byte ranges that start at line boundaries, each with the
 * line and record number it starts at, so a range gives exactly the seeds (`batch.jsonl#12`,
 * line numbers in messages) the whole file would. Records are counted with the reader's own
 * line splitter and blank-line rule, in one streaming pass on the coordinator; a second pass
 * finds the byte offsets of the chosen lines. Files the whole-file reader treats specially
 * (binary, UTF-16, no record) are not split.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { textLines } from '../sources/lines.ts'
import type { SourceOptions } from '../sources/types.ts'
import { describeBinary } from '../text/binary.ts'
import { sniffBom } from '../text/charset.ts'
import { sniffUtf16 } from '../text/charset-detect.ts'
import type { ShardLimits } from './shard-limits.ts'
import type { PlannedFile, ShardPart } from './types.ts'

/** What the whole-file reader sees first: one read stream chunk (64 KiB). */
const FIRST_CHUNK = 64 * 1024

async function firstChunk(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r')
  try {
    const buffer = Buffer.alloc(FIRST_CHUNK)
    const { bytesRead } = await handle.read(buffer, 0, FIRST_CHUNK, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** True when the reader would take the plain per-line path for this file. */
function splittable(first: Uint8Array): boolean {
  if (first.length === 0 || describeBinary(first) !== undefined) return false
  const bom = sniffBom(first)
  const wide = bom !== undefined && bom.encoding !== 'utf-8' ? bom.encoding : sniffUtf16(first)
  return wide === undefined
}

/** First record (line, index) of every range, chosen by record count and text length. */
async function rangeStarts(file: PlannedFile, options: SourceOptions, limits: ShardLimits): Promise<{ line: number; index: number }[]> {
  const starts: { line: number; index: number }[] = []
  let index = 0
  let count = 0
  let size = 0
  for await (const entry of textLines(createReadStream(file.filePath), options.limits.maxFileBytes)) {
    if ('text' in entry && entry.text.trim() === '') continue
    index += 1
    if (index === 1 || count >= limits.items || size >= limits.bytes) {
      starts.push({ line: entry.line, index })
      count = 0
      size = 0
    }
    count += 1
    size += 'text' in entry ? entry.text.length : options.limits.maxFileBytes
  }
  return starts
}

/** Byte offsets where the (ascending, 1-based) `lines` start. */
async function lineOffsets(filePath: string, lines: readonly number[]): Promise<number[]> {
  const offsets: number[] = []
  let line = 1
  let position = 0
  while (offsets.length < lines.length && lines[offsets.length] === 1) offsets.push(0)
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    for (let newline = chunk.indexOf(0x0a); newline !== -1 && offsets.length < lines.length; newline = chunk.indexOf(0x0a, newline + 1)) {
      line += 1
      while (offsets.length < lines.length && lines[offsets.length] === line) offsets.push(position + newline + 1)
    }
    position += chunk.length
  }
  return offsets
}

/** The ranges of `file`, or `undefined` when it should be read whole. */
export async function planJsonlRanges(file: PlannedFile, options: SourceOptions, limits: ShardLimits): Promise<ShardPart[] | undefined> {
  try {
    if (!splittable(await firstChunk(file.filePath))) return undefined
    const starts = await rangeStarts(file, options, limits)
    if (starts.length < 2) return undefined
    // The first range starts at byte 0, so leading blank lines and a BOM stay where they were.
    const offsets = [0, ...(await lineOffsets(file.filePath, starts.slice(1).map((start) => start.line)))]
    if (offsets.length !== starts.length) return undefined
    return starts.map((start, range) => ({
      kind: 'jsonl-range',
      ...file,
      start: offsets[range] as number,
      end: offsets[range + 1] ?? file.size,
      firstLine: range === 0 ? 1 : start.line,
      firstIndex: start.index,
    }))
  } catch {
    return undefined
  }
}
