/**
 * Publication dates come as ISO strings, RFC 2822 strings, "July 24, 2012 4:16 AM PDT",
 * "20120724" or free text, in HTML meta tags, feeds and scraper records alike. We normalise
 * what can be read without guessing and keep the rest as written, so no date is invented.
 * Output never depends on the machine's time zone: a date without a zone stays without one,
 * and a numeric offset stays the writer's ("+0200" → +02:00: the local hour is part of the news).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** ISO 8601's reduced precision: a year, or a year and month. Read as a day, it would invent one. */
const ISO_YEAR_OR_MONTH = /^(\d{4})(?:-(\d{2}))?$/
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
/** Marks a date that has a known shape but is impossible or ambiguous, so no later reader guesses. */
const UNREADABLE = '\0'
const HAS_TIME = /\d:\d\d/
const HAS_ZONE = /(?:\bZ|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)(?:[+-]\d{1,4})?)\s*(?:\([^)]*\))?\s*$/i
const LONGEST_RAW = 100

/** A normalised date and whether it could be read. */
export interface NormalizedDate {
  value: string
  parsed: boolean
}

/** Reads a date string; returns undefined for blank input. */
export function normalizeDate(raw: string): NormalizedDate | undefined {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (text.length === 0) return undefined
  const iso = fromIso(text) ?? fromCompact(text) ?? fromNumeric(text) ?? fromFreeText(text)
  if (iso !== undefined && iso !== UNREADABLE) return { value: iso, parsed: true }
  return { value: text.slice(0, LONGEST_RAW), parsed: false }
}

function fromIso(text: string): string | undefined {
  const reduced = ISO_YEAR_OR_MONTH.exec(text)
  if (reduced !== null) return validDay(Number(reduced[1]), Number(reduced[2] ?? 1), 1) ? text : UNREADABLE
  const date = ISO_DATE.exec(text)
  if (date !== null) return validDay(Number(date[1]), Number(date[2]), Number(date[3])) ? text : UNREADABLE
  const dateTime = ISO_DATE_TIME.exec(text)
  if (dateTime === null) return undefined
  const [, day = '', minutes = '', seconds = ':00', zone] = dateTime
  if (!validDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))) return UNREADABLE
  const offset = zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
  return `${day}T${minutes}${seconds}${offset}`
}

function fromCompact(text: string): string | undefined {
  const match = COMPACT_DATE.exec(text)
  if (match === null) return undefined
  const [, year = '', month = '', day = ''] = match
  return validDay(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : UNREADABLE
}

/** `24.07.2012`, `7/24/2012`: read only when the day is unmistakable (over 12). */
function fromNumeric(text: string): string | undefined {
  const match = NUMERIC_DATE.exec(text)
  if (match === null) return undefined
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (first <= 12 && second <= 12) return UNREADABLE
  const [month, day] = first > 12 ? [second, first] : [first, second]
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : UNREADABLE
}

/**
 * Free-text dates via Date.parse, which guesses (a missing year becomes 2001), so the text
 * must name the year it parsed to. Local-time readings are printed in local time, no zone.
 */
function fromFreeText(text: string): string | undefined {
  const time = Date.parse(text)
  if (!Number.isFinite(time)) return undefined
  if (HAS_TIME.test(text) && HAS_ZONE.test(text)) {
    const iso = inOffset(time, NUMERIC_OFFSET.exec(text))
    // The zone can move the day across New Year ("Dec 31 2024 23:30 EST" is 2025 in UTC).
    return namesYear(text, Number(iso.slice(0, 4)), 1) ? iso : undefined
  }
  const date = new Date(time)
  const year = date.getFullYear()
  if (!namesYear(text, year, 0)) return undefined
  const day = `${year}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  if (!HAS_TIME.test(text)) return day
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** Whether the text names a plausible year within `slack` of `year` (Date.parse turns a missing year into 2001). */
function namesYear(text: string, year: number, slack: number): boolean {
  if (year < 1900 || year > 2200) return false
  return (text.match(/(?<!\d)\d{4}(?!\d)/gu) ?? []).some((written) => Math.abs(Number(written) - year) <= slack)
}

/** A numeric offset closing a free-text date ("… 08:30:00 +0200", "… GMT+02:00" is not one). */
const NUMERIC_OFFSET = /\d:\d\d(?::\d\d)?\s*([+-])(\d{2}):?(\d{2})\s*(?:\([^)]*\))?\s*$/u

/** `time` as ISO 8601 in the offset `match` names, or in UTC ("Z") without one. */
function inOffset(time: number, match: RegExpExecArray | null): string {
  const minutes = match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
  const clock = new Date(time + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/u, '')
  if (minutes === 0) return `${clock}Z`
  return `${clock}${match?.[1]}${match?.[2]}:${match?.[3]}`
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
