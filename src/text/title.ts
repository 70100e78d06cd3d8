/**
 * Page titles: cutting the site name off "Title | Site", "Title - Site", "Site: Title" and
 * friends. A part counts as the site name when it is short and name-like (few words, a domain,
 * words like "Blog" or "News"), and the title part is the longer, more sentence-like one. When
 * lines of the text are given, a part that appears as a line of the text wins outright.
 */
import { comparable, wordsOf } from './lines.ts'

/** Separators between a title and a site name, strongest first. */
const SEPARATORS: readonly RegExp[] = [/\s+\|\s+/, /\s+::\s+/, /\s+[«»›]\s+/, /\s+[—–]\s+/, /\s+-{1,2}\s+/, /\s+[·•]\s+/]
const DOMAIN = /\b[\p{L}\p{N}-]+\.(com|net|org|co|io|info|biz|tv|fm|me|uk|de|fr|es|it|pt|nl|be|ch|at|au|ca|in|us|eu|gov|edu)\b/iu
const SITE_WORDS = /\b(blog|news|times|post|daily|magazine|journal|tribune|herald|gazette|online|network|tv|radio|press|media|site|official|weekly|review|report|wiki|digest|channel|cnn|bbc|reuters|the guardian|forbes|wired|engadget|techcrunch|nytimes|zeitung|nachrichten|actualités|noticias|notizie|notícias|nieuws)\b/i
const MAX_SITE_WORDS = 6

/** How much a part looks like a site name rather than a headline (higher = more site-like). */
function siteLikeness(part: string): number {
  const words = wordsOf(part)
  if (words.length === 0) return 3
  let score = 0
  if (DOMAIN.test(part)) score += 2
  if (SITE_WORDS.test(part)) score += 1
  if (words.length <= 3) score += 1
  if (words.length > MAX_SITE_WORDS) score -= 3
  if (/[?!.]$/.test(part)) score -= 1
  return score
}

/** The part of a split title to keep: the longest, unless the others are not site-like. */
function pickPart(parts: readonly string[]): string | undefined {
  let best = 0
  for (let index = 1; index < parts.length; index += 1) {
    if (wordsOf(parts[index] as string).length > wordsOf(parts[best] as string).length) best = index
  }
  const others = parts.filter((_, index) => index !== best)
  const keep = parts[best] as string
  if (wordsOf(keep).length < 2) return undefined
  return others.every((part) => siteLikeness(part) >= 1 || wordsOf(part).length * 2 <= wordsOf(keep).length) ? keep : undefined
}

/** Candidate titles from the most to the least specific: each split, then the whole. */
function candidates(title: string): string[] {
  const out: string[] = []
  for (const separator of SEPARATORS) {
    const parts = title.split(separator).map((part) => part.trim()).filter((part) => part.length > 0)
    if (parts.length < 2) continue
    out.push(...parts)
    for (let length = 2; length < parts.length; length += 1) {
      for (let start = 0; start + length <= parts.length; start += 1) out.push(parts.slice(start, start + length).join(' - '))
    }
  }
  return out
}

/**
 * Cuts a site name off `title`. With `lines` (the text), a part of the title that is a whole
 * line of the text is chosen first; `wholeLineWins` (for metadata titles) keeps a title that is
 * itself a line of the text. Returns the title unchanged when no cut is safe.
 */
export function cleanTitle(title: string, lines: readonly string[] = [], wholeLineWins = false): string {
  const whole = title.replace(/\s+/g, ' ').trim()
  if (lines.length > 0) {
    const present = new Map(lines.map((line) => [comparable(line), line.trim()]))
    if (wholeLineWins && present.has(comparable(whole))) return whole
    const found = candidates(whole).filter((candidate) => present.has(comparable(candidate)))
    found.sort((a, b) => wordsOf(b).length - wordsOf(a).length)
    if (found[0] !== undefined && wordsOf(found[0]).length >= 2) return present.get(comparable(found[0])) ?? found[0]
  }
  for (const separator of SEPARATORS) {
    const parts = whole.split(separator).map((part) => part.trim()).filter((part) => part.length > 0)
    if (parts.length < 2) continue
    const kept = pickPart(parts)
    if (kept !== undefined) return cleanTitle(kept)
  }
  return whole
}
