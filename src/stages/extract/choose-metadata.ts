/**
 * Picks one value per metadata field from the ordered candidates: the first usable one,
 * after field-specific checks (a date that parses beats one that does not, a URL must be
 * absolute http(s), a language must look like a language tag).
 */
import { normalizeDate } from '../../text/dates.ts'
import { absoluteUrl, normalizeLanguage } from './metadata.ts'
import type { Candidate, MetadataField } from './metadata.ts'

/** The chosen value per field, each with the source it came from. */
export type ChosenMetadata = Partial<Record<MetadataField, Candidate>>

/** "By Jane Doe" and its usual translations → "Jane Doe". */
const BYLINE_PREFIX = /^(?:by|von|par|por|di|door|av|af|przez)(?::|\s)\s*/i
const BYLINE_WORD = /^(?:by|von|par|por|di|door|av|af|przez):?$/i

/** Where a byline's fields meet: line breaks, runs of spaces, a pipe. */
const BYLINE_FIELD_BREAK = /\s*[\n|]\s*|\s{2,}/
const LONGEST_NAME = 120

/** Chooses title, author, published date, canonical URL and language. */
export function chooseMetadata(candidates: Record<MetadataField, readonly Candidate[]>): ChosenMetadata {
  const chosen: ChosenMetadata = {}
  const title = candidates.title[0]
  if (title !== undefined) chosen.title = title
  const author = firstMapped(candidates.author, authorName)
  if (author !== undefined) chosen.author = author
  const published = chooseDate(candidates.published)
  if (published !== undefined) chosen.published = published
  const url = chooseUrl(candidates.url)
  if (url !== undefined) chosen.url = url
  const lang = firstMapped(candidates.lang, normalizeLanguage)
  if (lang !== undefined) chosen.lang = lang
  return chosen
}

/**
 * A byline as a name: its first field (bylines glue name, date and "Follow @x" with runs of
 * spaces or line breaks), without a "By" prefix. Values with digits are dates or counts, not
 * names, and are skipped.
 */
function authorName(value: string): string | undefined {
  const unprefixed = value.trim().replace(BYLINE_PREFIX, '')
  const first = unprefixed.split(BYLINE_FIELD_BREAK).find((part) => part.trim().length > 0) ?? ''
  const name = first.replace(/\s+/g, ' ').trim().replace(BYLINE_PREFIX, '').trim()
  if (name.length === 0 || BYLINE_WORD.test(name) || name.length > LONGEST_NAME || /\d/.test(name) || !/\p{L}.*\p{L}/u.test(name)) return undefined
  return name
}

/** The first date that parses, normalised to ISO 8601; else the first one as written. */
function chooseDate(candidates: readonly Candidate[]): Candidate | undefined {
  let unparsed: Candidate | undefined
  for (const candidate of candidates) {
    const date = normalizeDate(candidate.value)
    if (date === undefined) continue
    if (date.parsed) return { value: date.value, from: candidate.from }
    unparsed ??= { value: date.value, from: `${candidate.from} (as written)` }
  }
  return unparsed
}

/** The first absolute URL; a relative one is resolved against an absolute candidate. */
function chooseUrl(candidates: readonly Candidate[]): Candidate | undefined {
  const base = candidates.map((item) => absoluteUrl(item.value)).find((value) => value !== undefined)
  return firstMapped(candidates, (value) => absoluteUrl(value, base))
}

function firstMapped(candidates: readonly Candidate[], map: (value: string) => string | undefined): Candidate | undefined {
  for (const candidate of candidates) {
    const value = map(candidate.value)
    if (value !== undefined) return { value, from: candidate.from }
  }
  return undefined
}
