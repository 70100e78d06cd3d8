/**
 * Matches one line against the chrome phrase tables. Pure and context-free: whether a match
 * is removed (and under which rule) is decided by the caller, which knows the position of the
 * line. Whole-line tables compare the `comparable()` form with counts dropped, so "Comments (4)",
 * "Share 12" and "» Read more…" match their plain entries, while "Share prices fell" does not.
 */
import {
  ADVERTISEMENT_LINES,
  BREADCRUMB_PATTERNS,
  COMMENT_COUNT_PATTERNS,
  COMMENT_FORM_HEADINGS,
  COMMENT_FORM_PATTERNS,
  COMMENT_HEADINGS,
  COMMENT_META_PATTERNS,
  COMMENT_SIGNATURE,
  COMMENT_STAMP_PATTERNS,
  COOKIE_AUDIENCE,
  COOKIE_LINE,
  COOKIE_PATTERNS,
  COPYRIGHT_PATTERNS,
  FEED_FOOTER_PATTERNS,
  FILING_PART,
  FOLLOW_ON,
  NEWSLETTER_PATTERNS,
  READ_MORE_LINES,
  RELATED_HEADINGS,
  SHARE_WORDS,
  SIGNATURE_VERBS,
  SKIP_LINES,
  TAG_PATTERNS,
  TAGS_PART,
  TIME_OF_DAY,
  UI_LINES,
} from './chrome-phrases.ts'
import { isAsciiDigit } from './ascii-text.ts'
import type { ChromeKind } from './chrome-phrases.ts'
import { lineKey, withoutNumbers, wordCount } from './lines.ts'
import type { LineKey } from './lines.ts'
import { patternSet } from './article/pattern-set.ts'
import { hasDate, isBylineOrDate } from './prose.ts'

export type { ChromeKind } from './chrome-phrases.ts'

/** Extra whole-line phrases per kind, as users pass them in options. */
export type ExtraPhrases = Partial<Record<ChromeKind, readonly string[]>>

/** A prepared matcher: the built-in tables plus the caller's extra phrases. */
export interface ChromeMatcher {
  (line: string): ChromeKind | undefined
  /** The same on a trimmed, non-blank line whose {@link lineKey} the caller already has. */
  shaped(trimmed: string, key: LineKey): ChromeKind | undefined
  /** Names the extra phrases: matchers with equal signatures give equal answers. */
  readonly signature: string
}

/** Share words that make a line a share bar; the others ("this", "on") only fill one. */
const SHARE_CORE = new Set(['share', 'shares', 'tweet', 'retweet', 'facebook', 'twitter', 'linkedin', 'pinterest', 'reddit', 'whatsapp', 'pin', 'pinit', 'tumblr', 'stumbleupon', 'digg', 'delicious', 'flipboard', 'xing', 'telegram', 'teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'partilhar', 'delen', 'tweeten'])
const SHARE_SET = new Set(SHARE_WORDS)
/** Longest whole-line entry worth checking; longer lines can only match patterns. */
const MAX_PHRASE_WORDS = 10
const MAX_PATTERN_CHARS = 400

/** `comparable()` without standalone numbers, so counts do not block a match. */
export function phraseKey(line: string): string {
  return withoutNumbers(lineKey(line).flat)
}

/** A line of share words only (at most 12), at least one of them a core one; read word by word, so most lines leave at their first word. */
function isShareLine(key: string, words: number): boolean {
  if (words > 12) return false
  let core = false
  for (let start = 0; start <= key.length; ) {
    let end = key.indexOf(' ', start)
    if (end < 0) end = key.length
    const token = key.slice(start, end)
    if (!SHARE_SET.has(token)) return false
    if (SHARE_CORE.has(token)) core = true
    start = end + 1
  }
  return core
}

const MENU_SEPARATOR = /\s+(?:\||•|·|::|\/)\s+|\s*\|\s*/
const CRUMB_SEPARATOR = /\s+(?:»|›|>|→)\s+/
/** Every separator holds one of these characters: lines without any are not split at all. */
const SEPARATOR_CHAR = /[|•·:/»›>→]/
/** Longest item (in words) of a menu written on one line. */
const MENU_ITEM_WORDS = 4

/** Items of a line split by `separator`, when there are at least `min` and all are short. */
function shortItems(line: string, separator: RegExp, min: number): boolean {
  const items = line.split(separator).map((item) => item.trim()).filter((item) => item !== '')
  return items.length >= min && items.every((item) => wordCount(item) <= MENU_ITEM_WORDS && !endsInStop(item))
}

/** A taxonomy label before a breadcrumb ("Posted in: ", "Full list of categories: "): up to five words and a colon. */
const CRUMB_LABEL = /^(?=[^:]*\b(?:categor\w*|tags?|tagged|filed|posted|topics?|sections?)\b)(?:[\p{L}'’]+ ){0,4}[\p{L}'’]+:\s+(?=\S)/iu

/**
 * A menu or a breadcrumb written on one line ("Home | About | Contact", "Home › News › World",
 * "Filed in: Guide » Food » Restaurants"); not a byline with its date.
 */
function menuKind(line: string): ChromeKind | undefined {
  if (line.length > 300 || !SEPARATOR_CHAR.test(line)) return undefined
  const crumbs = line.replace(CRUMB_LABEL, '')
  const kind = shortItems(crumbs, CRUMB_SEPARATOR, 3) ? 'breadcrumb' : shortItems(line, MENU_SEPARATOR, 3) ? 'menu' : undefined
  // The date checks are the costly part, so they only veto a line already shaped like a menu.
  return kind === undefined || hasDate(line) || isBylineOrDate(line) ? undefined : kind
}

const FEED_FOOTER = patternSet(FEED_FOOTER_PATTERNS)
const COPYRIGHT = patternSet(COPYRIGHT_PATTERNS)
const COMMENT_FORM = patternSet(COMMENT_FORM_PATTERNS)
const COOKIE = patternSet(COOKIE_PATTERNS)
const NEWSLETTER = patternSet(NEWSLETTER_PATTERNS)
const TAGS = patternSet(TAG_PATTERNS)
const BREADCRUMB = patternSet(BREADCRUMB_PATTERNS)
/** Every table of {@link patternKind} at once: most lines match none of them. */
const ANY_PATTERN = patternSet([...FEED_FOOTER_PATTERNS, ...COPYRIGHT_PATTERNS, ...COMMENT_FORM_PATTERNS, ...COOKIE_PATTERNS, ...NEWSLETTER_PATTERNS, ...TAG_PATTERNS, ...BREADCRUMB_PATTERNS])
const COMMENT_COUNT = patternSet(COMMENT_COUNT_PATTERNS)
const COMMENT_META = patternSet(COMMENT_META_PATTERNS)
const COMMENT_STAMP = patternSet(COMMENT_STAMP_PATTERNS)
/** The last word of each signature verb: a signature line's key ends in one of them. */
const SIGNATURE_ENDS: ReadonlySet<string> = new Set(SIGNATURE_VERBS.map((verb) => lastWord(lineKey(verb).flat)))

/** The last word of a `comparable()` form. */
function lastWord(flat: string): string {
  return flat.slice(flat.lastIndexOf(' ') + 1)
}

/** True when the last code unit is `.`, `!` or `?`. */
function endsInStop(text: string): boolean {
  const code = text.charCodeAt(text.length - 1)
  return code === 0x2e || code === 0x21 || code === 0x3f
}

/** A post's filing line: parts split by " | " or " • ", with two filing parts or a tag list (see FILING_PART). */
function isFilingLine(line: string): boolean {
  if (!line.includes(' | ') && !line.includes(' • ')) return false
  const parts = line.split(/ [|•] /u).map((part) => part.trim())
  return parts.some((part) => TAGS_PART.test(part)) || parts.filter((part) => FILING_PART.test(part)).length >= 2
}

/** A taxonomy line (TAG_PATTERNS) or a post's filing line, at most 200 characters; filing lines match no pattern table, so this runs whichever way the pattern gate goes. */
function isTagLine(line: string, lower: string): boolean {
  return line.length <= 200 && (TAGS(line, lower) || isFilingLine(line))
}

/** Checks the pattern tables, in order from most to least specific. */
function patternKind(line: string, lower: string): ChromeKind | undefined {
  if (line.length > MAX_PATTERN_CHARS) return FEED_FOOTER(line, lower) ? 'feed-footer' : undefined
  if (!ANY_PATTERN(line, lower)) return isTagLine(line, lower) ? 'tags' : undefined
  if (FEED_FOOTER(line, lower)) return 'feed-footer'
  if (COPYRIGHT(line, lower)) return 'copyright'
  if (COMMENT_FORM(line, lower)) return 'comment-form'
  if (COOKIE(line, lower) && (COOKIE_AUDIENCE.test(lower) || COOKIE_LINE.test(lower))) return 'cookie'
  if (line.length <= 200 && NEWSLETTER(line, lower)) return 'newsletter'
  if (isTagLine(line, lower)) return 'tags'
  if (BREADCRUMB(line, lower)) return 'breadcrumb'
  return undefined
}

/** One map from phrase key to kind; a key in several tables takes the first kind, as a lookup in table order would. */
function phraseTable(extra: ExtraPhrases): ReadonlyMap<string, ChromeKind> {
  const tables: Array<[ChromeKind, readonly string[]]> = [
    ['skip', SKIP_LINES],
    ['comment-form', COMMENT_FORM_HEADINGS],
    ['comments', COMMENT_HEADINGS],
    ['advertisement', ADVERTISEMENT_LINES],
    ['related', RELATED_HEADINGS],
    ['read-more', READ_MORE_LINES],
    ['ui', UI_LINES],
    ...(['share', 'cookie', 'comment-count', 'copyright', 'feed-footer', 'newsletter', 'tags', 'breadcrumb'] as const).map((kind): [ChromeKind, readonly string[]] => [kind, []]),
  ]
  const table = new Map<string, ChromeKind>()
  for (const [kind, builtIn] of tables) {
    for (const phrase of [...builtIn, ...(extra[kind] ?? [])]) {
      const key = phraseKey(phrase)
      if (!table.has(key)) table.set(key, kind)
    }
  }
  return table
}

/** Builds a matcher with the caller's extra phrases merged into the whole-line tables. */
export function createChromeMatcher(extra: ExtraPhrases = {}): ChromeMatcher {
  const table = phraseTable(extra)
  const shaped = (trimmed: string, key: LineKey): ChromeKind | undefined => {
    const byPattern = patternKind(trimmed, key.lower) ?? menuKind(trimmed)
    if (byPattern !== undefined) return byPattern
    if (trimmed.length <= 120 && !endsInStop(trimmed) && COMMENT_COUNT(key.flat, key.flat)) return 'comment-count'
    if (key.keyWords === 0 || key.keyWords > MAX_PHRASE_WORDS) return undefined
    const phrase = key.keyWords === key.words ? key.flat : withoutNumbers(key.flat)
    return table.get(phrase) ?? (isShareLine(phrase, key.keyWords) || FOLLOW_ON.test(key.flat) ? 'share' : undefined)
  }
  const match = (line: string): ChromeKind | undefined => {
    const trimmed = line.trim()
    return trimmed === '' ? undefined : shaped(trimmed, lineKey(trimmed))
  }
  return Object.assign(match, { shaped, signature: JSON.stringify(extra) })
}

/**
 * True for a line that goes with one reader comment: a signature, a timestamp (a date and a time
 * of day on a short line), a relative time or a reply button. Bylines above an article look the
 * same, so callers count these lines rather than trusting one.
 */
export function isCommentMetaLine(line: string): boolean {
  const trimmed = line.trim()
  return trimmed.length <= 120 && isCommentMetaShaped(trimmed, lineKey(trimmed))
}

/**
 * {@link isCommentMetaLine} on a trimmed line whose `comparable()` form the caller has. Patterns
 * that need a signature verb or a final digit are only tried on lines that have one.
 */
export function isCommentMetaShaped(trimmed: string, key: LineKey): boolean {
  if (trimmed.length > 120) return false
  if (COMMENT_META(trimmed, key.lower)) return true
  if (SIGNATURE_ENDS.has(lastWord(key.flat)) && COMMENT_SIGNATURE.test(trimmed)) return true
  if (isAsciiDigit(trimmed.charCodeAt(trimmed.length - 1)) && COMMENT_STAMP(trimmed, key.lower)) return true
  return trimmed.includes(':') && TIME_OF_DAY.test(trimmed) && hasDate(trimmed) && wordCount(trimmed) <= 20
}
