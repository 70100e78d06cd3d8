/**
 * JSON Lines (`.jsonl`, `.ndjson`): one record a line, streamed, so file size does not matter;
 * `limits.maxFileBytes` caps a single line. Blank lines are ignored. A line that is not JSON
 * becomes a seed with `source/malformed-json` and its line number, and the file goes on.
 * Records are numbered 1, 2, … over the non-blank lines (`batch.jsonl#12`).
 */
import { excerpt } from '../core/message.ts'
import type { InputBlob } from './blob.ts'
import { fatalSeed, labelOf, SourceError } from './fatal.ts'
import { describeBinary } from '../text/binary.ts'
import { peek, textLines } from './lines.ts'
import type { StreamLine } from './lines.ts'
import { mapRecord } from './record.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'

/** Why JSON.parse failed, without the position noise V8 adds for long inputs. */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^JSON\.parse: /, '').replace(/, "[\s\S]*$/, '')
}

/** The seed of one JSONL line; exported for distributed runs, which read byte ranges of a file. */
export function lineItem(blob: InputBlob, entry: StreamLine, index: number, context: ReadContext): SourceItem {
  const location = blob.location
  const label = `${labelOf(location)} line ${entry.line}`
  const place = { index, line: entry.line }
  if (!('text' in entry)) {
    const reason = `${label} is longer than limits.maxFileBytes (${context.options.limits.maxFileBytes} bytes); split the record or raise the limit.`
    return fatalSeed(location, 'jsonl', 'source/too-large', reason, place)
  }
  let value: unknown
  try {
    value = JSON.parse(entry.text)
  } catch (error) {
    const reason = `${label} is not valid JSON (${describeJsonError(error)}); fix or remove that line.`
    return fatalSeed(location, 'jsonl', 'source/malformed-json', reason, { ...place, actual: excerpt(entry.text) })
  }
  try {
    const fields = mapRecord(value, context.options.fields, label)
    return { kind: 'doc', init: { ...fields, source: { ...location, format: 'jsonl', index, line: entry.line } } }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    return fatalSeed(location, 'jsonl', error.rule, error.reason, place)
  }
}

/** Reads a JSON Lines blob, one seed per non-blank line. */
export async function* readJsonl(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const { first, rest } = await peek(blob.open())
  const binary = describeBinary(first)
  if (binary !== undefined) {
    throw new SourceError('source/binary', `${labelOf(blob.location)} looks like ${binary}, not JSON lines; remove it from the input or give it the right extension.`)
  }
  let index = 0
  for await (const entry of textLines(rest, context.options.limits.maxFileBytes)) {
    if ('text' in entry && entry.text.trim() === '') continue
    index += 1
    yield lineItem(blob, entry, index, context)
  }
  if (index === 0) {
    throw new SourceError('source/empty', `${labelOf(blob.location)} has no records (no non-blank lines); remove it or check the export that wrote it.`)
  }
}
