/**
 * Maps one scraper record (a JSON object) to document fields, shared by the JSON and JSONL
 * readers. Each field has a list of candidate names (`fields` in the config); the first that
 * holds a non-empty value wins. Names may be dotted paths (`meta.title`).
 */
import type { DocInit } from '../core/doc.ts'
import { normalizeDate as readDate } from '../text/dates.ts'
import { looksLikeMarkup } from '../text/xml.ts'
import { SourceError } from './fatal.ts'
import type { FieldMapping } from './types.ts'

/** The document fields a record provides (everything but `source`). */
export type RecordFields = Omit<DocInit, 'source'>

function lookup(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name]
  if (!name.includes('.')) return undefined
  let value: unknown = record
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function isPresent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.some(isPresent)
  return typeof value === 'object' && value !== null && isPresent((value as { name?: unknown }).name)
}

function pick(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const value = lookup(record, name)
    if (isPresent(value)) return value
  }
  return undefined
}

/** A plain string from a string or number; arrays and objects are not scalar text. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

/** Authors come as "A", ["A", "B"], {name: "A"} or [{name: "A"}]; all become "A, B". */
export function joinAuthors(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((author) => (typeof author === 'object' && author !== null ? (author as { name?: unknown }).name : author))
    .map(scalar)
    .filter((name): name is string => name !== undefined && name !== '')
  return names.length === 0 ? undefined : names.join(', ')
}

/** Body text: a string, or an array of paragraph strings joined with blank lines. */
function bodyText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(scalar).filter((part) => part !== undefined && part !== '').join('\n\n') || undefined
  return typeof value === 'string' ? value : scalar(value)
}

/**
 * A record's or feed item's date as ISO 8601 where it reads unambiguously: epoch numbers
 * (seconds or milliseconds) in UTC, but a four-digit number as a year and an eight-digit one as
 * YYYYMMDD; strings the way page metadata is read (src/text/dates.ts: the writer's offset kept,
 * no machine time zone); anything else stays as written.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // A year (2024) or a compact date (20240501) written as a number; as epoch seconds either would be a day in 1970.
    if (Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value)
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return readDate(String(value))?.value ?? String(value)
    const date = new Date(value > 1e11 ? value : value * 1000)
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace(/\.000Z$/u, 'Z')
  }
  const text = scalar(value)
  if (text === undefined || text === '') return undefined
  const date = readDate(text)
  return date?.parsed === true ? date.value : text
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : typeof value
}

function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T
}

function mapObject(record: Record<string, unknown>, fields: FieldMapping, label: string): RecordFields {
  let text = bodyText(pick(record, fields.text))
  let html = bodyText(pick(record, fields.html))
  // Scrapers often store HTML under `content` or `body`; extraction must see it as HTML.
  if (html === undefined && text !== undefined && looksLikeMarkup(text)) [html, text] = [text, undefined]
  if (text === undefined && html === undefined) {
    const tried = [...fields.text, ...fields.html].join(', ')
    throw new SourceError('source/no-text-field', `${label} has no text: none of the fields ${tried} holds a non-empty value; name your field in \`fields.text\` or \`fields.html\` in the config.`)
  }
  const id = scalar(pick(record, fields.id))
  return withoutUndefined({
    text,
    html,
    title: scalar(pick(record, fields.title)),
    url: scalar(pick(record, fields.url)),
    author: joinAuthors(pick(record, fields.author)),
    published: normalizeDate(pick(record, fields.published)),
    lang: scalar(pick(record, fields.lang)),
    meta: id === undefined ? undefined : { recordId: id },
  })
}

/**
 * The document fields of one record. A bare string is taken as the text. Throws a
 * `SourceError` (`source/not-a-record`, `source/no-text-field`) naming `label` otherwise.
 */
export function mapRecord(value: unknown, fields: FieldMapping, label: string): RecordFields {
  if (typeof value === 'string' && value.trim() !== '') return { text: value }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SourceError('source/not-a-record', `${label} is ${describeType(value)}, not a record object with a text field; each record must be a JSON object.`)
  }
  return mapObject(value as Record<string, unknown>, fields, label)
}
