/**
 * Page titles: cutting the site name off "Title | Site", "Site » Title", "Title - Site",
 * "Title :: Site" and friends. Strong separators (| » « › :: // and a spaced colon) split a
 * title into parts of which the first is kept unless it is more site-like than the rest; a dash
 * cuts only a site-like last part. A part is site-like when it is short and name-like (few words,
 * a domain, words like "Blog" or "News"). When lines of the text are given, a part (or run of
 * parts, or the text after "Site: ") that is a whole line of the text wins outright. A part
 * that spells the page's host name ("Free Range Librarian" on freerangelibrarian.com) is the
 * site's name whichever side of the separator it stands on.
 */
import { comparable, wordsOf } from './lines.ts'
import { hasDate } from './prose.ts'

const STRONG = /\s+(?:\||::|\/\/|»|«|›|:)\s+|\s*::\s+/
const DASH = /\s+(?:[—–]|-{1,2})\s+|\s+[·•]\s+/
const DOMAIN = /\b[\p{L}\p{N}-]+\.(com|net|org|co|io|info|biz|tv|fm|me|uk|de|fr|es|it|pt|nl|be|ch|at|au|ca|in|us|eu|gov|edu)\b/iu
const SITE_WORDS = /\b(blog|kitchen|diario|diário|jornal|giornale|gazzetta|corriere|krant|dagblad|courrier|tagblatt|anzeiger|rundschau|kurier|periódico|periodico|revista|rivista|tijdschrift|zeitschrift|hebdo|quotidien|news|times|post|daily|magazine|journal|tribune|herald|gazette|online|network|tv|radio|press|media|site|official|weekly|wiki|digest|channel|cnn|bbc|reuters|forbes|wired|engadget|techcrunch|nytimes|zeitung|nachrichten|actualités|noticias|notizie|notícias|nieuws)\b/i
/** Title parts that look short but belong to the headline ("Part Two", "Day 6"). */
const TITLE_TAIL = /^(part|chapter|day|episode|vol|volume|no|round|week|teil|partie|parte|deel)\.?\s+\S+$/i
const MAX_SITE_WORDS = 6

/** How much a part looks like a site name rather than a headline (higher = more site-like). */
export function siteLikeness(part: string): number {
  const words = wordsOf(part)
  if (words.length === 0) return 3
  let score = 0
  if (DOMAIN.test(part)) score += 2
  if (SITE_WORDS.test(part)) score += 1
  if (words.length <= 3) score += 1
  if (words.length > MAX_SITE_WORDS) score -= 3
  if (/[?!.]$/.test(part) || TITLE_TAIL.test(part)) score -= 2
  if (words.some((word) => /^\d+$/.test(word))) score -= 1
  return score
}

/** Second-level labels under a two-letter country code ("bbc.co.uk"): the name is the label before them. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go'])

/**
 * The names a host spells, letters and digits only: its registered name ("freerangelibrarian"
 * of www.free-range-librarian.com) and all its labels before the top-level domain run
 * together. Subdomains alone ("news" of news.example.com) and IP addresses give none.
 */
function hostNames(host: string | undefined): readonly string[] {
  if (host === undefined || /^[\d.]+$|:/u.test(host)) return []
  const labels = host.toLowerCase().replace(/^www\d*\./u, '').replace(/-/gu, '').split('.')
  const top = labels.pop() ?? ''
  if (top.length === 2 && SECOND_LEVEL.has(labels.at(-1) ?? '')) labels.pop()
  return [labels.at(-1) ?? '', labels.join('')]
}

/** Whether `part`, letters and digits only, is one of the host's {@link hostNames} ("Free Range Librarian"). */
function namesHost(part: string, names: readonly string[]): boolean {
  const squashed = part.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return squashed.length >= 4 && names.includes(squashed)
}

function split(title: string, separator: RegExp): string[] {
  return title
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => wordsOf(part).length > 0)
}

/** Strong separators: keep the first part, unless it names the host or is site-like and a headline-like part exists. */
function cutStrong(title: string, names: readonly string[]): string {
  const parts = split(title, STRONG)
  if (parts.length < 2) return title
  const first = parts[0] as string
  const longest = (best: string, part: string): string => (wordsOf(part).length > wordsOf(best).length ? part : best)
  const others = parts.filter((part) => !namesHost(part, names))
  if (namesHost(first, names) && others.length > 0) return others.reduce(longest)
  const titled = parts.filter((part) => siteLikeness(part) < 1)
  if (siteLikeness(first) < 1 || titled.length === 0) return first
  return titled.reduce(longest)
}

/**
 * Dashes also join parts of headlines, so only trailing parts go: dates, one site-like part, and
 * further parts that are clearly site names (a domain, a name with "News").
 */
function cutDash(title: string): string {
  const parts = split(title, DASH)
  let end = parts.length
  let cuts = 0
  while (end > 1) {
    const last = parts[end - 1] as string
    const rest = parts.slice(0, end - 1).join(' ')
    const likeness = siteLikeness(last)
    const cut = hasDate(last) || (likeness >= 1 && cuts === 0) || likeness >= 2
    if (!cut || wordsOf(rest).length < wordsOf(last).length) break
    if (!hasDate(last)) cuts += 1
    end -= 1
  }
  if (end === parts.length) return title
  const kept = parts.slice(0, end)
  let cursor = 0
  for (const part of kept) cursor = title.indexOf(part, cursor) + part.length
  return title.slice(0, cursor).trim()
}

/** "Site Blog: Title": a prefix before a colon that names a site (a site word or a domain). */
function cutSitePrefix(title: string): string {
  const match = title.match(/^([^:]{2,40}):\s+(.+)$/)
  if (match === null) return title
  const [, prefix, rest] = match as unknown as [string, string, string]
  const named = SITE_WORDS.test(prefix) || DOMAIN.test(prefix) || /®$/.test(prefix)
  return named && wordsOf(rest).length >= 2 ? rest : title
}

/** Candidate titles for matching against the text: parts, runs of parts, and text after "Site: ". */
function candidates(title: string): string[] {
  const out: string[] = []
  for (const separator of [STRONG, DASH]) {
    const parts = split(title, separator)
    for (let length = 1; length < parts.length; length += 1) {
      for (let start = 0; start + length <= parts.length; start += 1) out.push(parts.slice(start, start + length).join(' - '))
    }
  }
  const prefixed = title.match(/^[^:]{2,60}:\s+(.+)$/)
  if (prefixed?.[1] !== undefined) out.push(prefixed[1], ...out.map((part) => part.replace(/^[^:]{2,60}:\s+/, '')))
  return out
}

/** Trimmed lines by `comparable()` key (the last of equal lines wins), for keys of the given lengths only: no other key can equal a sought one. */
function linesByKey(lines: readonly string[], keys: readonly string[], lengths: readonly number[]): Map<string, string> {
  const sought = new Set(lengths)
  const present = new Map<string, string>()
  lines.forEach((line, index) => {
    const key = keys[index] as string
    if (sought.has(key.length)) present.set(key, line.trim())
  })
  return present
}

/**
 * Cuts a site name off `title`. With `lines` (the text), a part of the title that is a whole
 * line of the text is chosen first; `wholeLineWins` (for metadata titles) keeps a title that is
 * itself a line of the text; `keys` are the `comparable()` forms of `lines` when the caller has
 * them; `host` is the page's host name, when known. Returns the title unchanged when no cut is safe.
 */
export function cleanTitle(title: string, lines: readonly string[] = [], wholeLineWins = false, keys: readonly string[] = lines.map((line) => comparable(line)), host?: string): string {
  const whole = title.replace(/\s+/g, ' ').trim()
  const names = hostNames(host)
  if (lines.length > 0) {
    const parts = candidates(whole)
    const present = linesByKey(lines, keys, [whole, ...parts].map((part) => comparable(part).length))
    if (wholeLineWins && present.has(comparable(whole))) return whole
    // A part that names the host is never the headline, even when it is the only line found.
    const found = parts.filter((candidate) => wordsOf(candidate).length >= 2 && present.has(comparable(candidate)) && !namesHost(candidate, names))
    found.sort((a, b) => wordsOf(b).length - wordsOf(a).length)
    if (found[0] !== undefined) return present.get(comparable(found[0])) ?? found[0]
  }
  const bare = whole.replace(/^[»«›|:·•\s-]+/, '').replace(/\s+:[\p{L}\p{N}.-]+$/u, '')
  return cutSitePrefix(cutDash(cutStrong(bare, names)))
}
