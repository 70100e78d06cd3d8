/**
 * JSON files (`.json`): a single record, an array of records, or an object that wraps the
 * array under a common key (`items`, `data`, `records`, `articles`, `documents`, `docs`,
 * `results`, `entries`, `posts`, `pages`, `rows`; the first key holding an array wins, and
 * only when the object has no text field of its own). Records of an array are numbered from 1
 * (`dump.json#3`) and, for a top-level array, carry the line where they start.
 */
import { decodeBytes } from '../text/charset.ts'
import { lineLocator } from '../text/xml.ts'
import type { InputBlob } from './blob.ts'
import { readDocumentBytes } from './blob.ts'
import { fatalSeed, labelOf, SourceError } from './fatal.ts'
import { describeJsonError } from './jsonl.ts'
import { mapRecord } from './record.ts'
import type { ReadContext } from './read.ts'
import type { FieldMapping, SourceItem } from './types.ts'

const WRAPPER_KEYS = ['items', 'data', 'records', 'articles', 'documents', 'docs', 'results', 'entries', 'posts', 'pages', 'rows']

/**
 * The line of the first error in text JSON.parse refused. V8 names a position for some errors
 * only ("Unexpected token '}', … is not valid JSON" has none), so the offset comes from
 * jsonc-parser's error list (strict: no comments, no trailing commas), loaded on this path only.
 */
async function errorLine(text: string): Promise<number | undefined> {
  const { parse: parseCollecting } = await import('jsonc-parser')
  const errors: import('jsonc-parser').ParseError[] = []
  parseCollecting(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  return first === undefined ? undefined : lineLocator(text)(first.offset)
}

/** Offsets where the elements of a top-level array start, by a scan that skips strings. */
export function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = []
  const open = text.search(/\S/)
  if (text[open] !== '[') return offsets
  let depth = 0
  let inString = false
  let expectElement = true
  for (let at = open + 1; at < text.length; at += 1) {
    const char = text[at] as string
    if (inString) {
      if (char === '\\') at += 1
      else if (char === '"') inString = false
      continue
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue
    if (depth === 0 && expectElement && char !== ']') offsets.push(at)
    expectElement = depth === 0 && char === ','
    if (char === '"') inString = true
    else if (char === '[' || char === '{') depth += 1
    else if (char === ']' || char === '}') depth -= 1
    if (depth < 0) break
  }
  return offsets
}

function hasTextField(value: Record<string, unknown>, fields: FieldMapping): boolean {
  return [...fields.text, ...fields.html].some((name) => Object.hasOwn(value, name))
}

/** The records in a parsed JSON value, or `undefined` when the value is one record. */
function recordsOf(value: unknown, fields: FieldMapping): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (typeof value !== 'object' || value === null) return undefined
  const object = value as Record<string, unknown>
  if (hasTextField(object, fields)) return undefined
  const key = WRAPPER_KEYS.find((name) => Array.isArray(object[name]))
  return key === undefined ? undefined : (object[key] as unknown[])
}

async function parse(text: string, label: string): Promise<unknown> {
  try {
    return JSON.parse(text)
  } catch (error) {
    const line = await errorLine(text)
    const where = line === undefined ? '' : ` at line ${line}`
    throw new SourceError('source/malformed-json', `${label} is not valid JSON${where} (${describeJsonError(error)}); fix the file or export it again.`, line)
  }
}

/** Reads a JSON blob into one seed per record. */
export async function* readJson(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const label = labelOf(blob.location)
  const { text } = decodeBytes(await readDocumentBytes(blob, context.options.limits.maxFileBytes), { format: 'json' })
  const value = await parse(text, label)
  const fields = context.options.fields
  const records = recordsOf(value, fields)
  if (records === undefined) {
    yield { kind: 'doc', init: { ...mapRecord(value, fields, label), source: { ...blob.location, format: 'json' } } }
    return
  }
  if (records.length === 0) throw new SourceError('source/no-records', `${label} holds an empty array: there are no records to read.`)
  const locate = lineLocator(text)
  const offsets = Array.isArray(value) ? arrayElementOffsets(text) : []
  for (const [position, record] of records.entries()) {
    const index = position + 1
    const offset = offsets[position]
    const line = offset === undefined ? undefined : locate(offset)
    try {
      const mapped = mapRecord(record, fields, `${label} record ${index}`)
      yield { kind: 'doc', init: { ...mapped, source: { ...blob.location, format: 'json', index, ...(line === undefined ? {} : { line }) } } }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error
      yield fatalSeed(blob.location, 'json', error.rule, error.reason, { index, line })
    }
  }
}
