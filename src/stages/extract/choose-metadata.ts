/**
 * Picks one value per metadata field from the ordered candidates: the first usable one,
 * after field-specific checks (a date that parses beats one that does not, a URL must be
 * absolute http(s), a language must look like a language tag).
 */
import { normalizeDate } from './dates.ts'
import { absoluteUrl, normalizeLanguage } from './metadata.ts'
import type { Candidate, MetadataField } from './metadata.ts'

/** The chosen value per field, each with the source it came from. */
export type ChosenMetadata = Partial<Record<MetadataField, Candidate>>

/** "By Jane Doe" and its usual translations → "Jane Doe". */
const BYLINE_PREFIX = /^(?:by|von|par|por|di|door|av|af|przez)\s*:?\s+/i

/** Chooses title, author, published date, canonical URL and language. */
export function chooseMetadata(candidates: Record<MetadataField, readonly Candidate[]>): ChosenMetadata {
  const chosen: ChosenMetadata = {}
  const title = candidates.title[0]
  if (title !== undefined) chosen.title = title
  const author = candidates.author.map((item) => ({ ...item, value: item.value.replace(BYLINE_PREFIX, '').trim() })).find((item) => item.value.length > 0)
  if (author !== undefined) chosen.author = author
  const published = chooseDate(candidates.published)
  if (published !== undefined) chosen.published = published
  const url = chooseUrl(candidates.url)
  if (url !== undefined) chosen.url = url
  const lang = firstMapped(candidates.lang, normalizeLanguage)
  if (lang !== undefined) chosen.lang = lang
  return chosen
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
