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
  COOKIE_PATTERNS,
  COPYRIGHT_PATTERNS,
  FEED_FOOTER_PATTERNS,
  NEWSLETTER_PATTERNS,
  READ_MORE_LINES,
  RELATED_HEADINGS,
  SHARE_WORDS,
  SKIP_LINES,
  TAG_PATTERNS,
  TIME_OF_DAY,
  UI_LINES,
} from './chrome-phrases.ts'
import type { ChromeKind } from './chrome-phrases.ts'
import { comparable, wordsOf } from './lines.ts'
import { hasDate, isBylineOrDate } from './prose.ts'

export type { ChromeKind } from './chrome-phrases.ts'

/** Extra whole-line phrases per kind, as users pass them in options. */
export type ExtraPhrases = Partial<Record<ChromeKind, readonly string[]>>

/** A prepared matcher: the built-in tables plus the caller's extra phrases. */
export interface ChromeMatcher {
  (line: string): ChromeKind | undefined
}

/** Share words that make a line a share bar; the others ("this", "on") only fill one. */
const SHARE_CORE = new Set(['share', 'shares', 'tweet', 'retweet', 'facebook', 'twitter', 'linkedin', 'pinterest', 'reddit', 'whatsapp', 'pin', 'pinit', 'tumblr', 'stumbleupon', 'digg', 'delicious', 'flipboard', 'xing', 'telegram', 'teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'partilhar', 'delen', 'tweeten'])
const SHARE_SET = new Set(SHARE_WORDS)
/** Longest whole-line entry worth checking; longer lines can only match patterns. */
const MAX_PHRASE_WORDS = 10
const MAX_PATTERN_CHARS = 400

const NUMBER = /^\d+$/

/** The words of a `comparable()` form without standalone numbers. */
function keyWords(flat: string): string[] {
  return flat.split(' ').filter((word) => word.length > 0 && !NUMBER.test(word))
}

/** `comparable()` without standalone numbers, so counts do not block a match. */
export function phraseKey(line: string): string {
  return keyWords(comparable(line)).join(' ')
}

function isShareLine(key: string): boolean {
  const tokens = key.split(' ')
  if (tokens.length === 0 || tokens.length > 12) return false
  let core = false
  for (const token of tokens) {
    if (!SHARE_SET.has(token)) return false
    if (SHARE_CORE.has(token)) core = true
  }
  return core
}

function anyMatch(patterns: readonly RegExp[], line: string): boolean {
  return patterns.some((pattern) => pattern.test(line))
}

function tableOf(builtIn: readonly string[], extra: readonly string[] | undefined): ReadonlySet<string> {
  return new Set([...builtIn, ...(extra ?? [])].map(phraseKey))
}

const MENU_SEPARATOR = /\s+(?:\||•|·|::|\/)\s+|\s*\|\s*/
const CRUMB_SEPARATOR = /\s+(?:»|›|>|→)\s+/
/** Longest item (in words) of a menu written on one line. */
const MENU_ITEM_WORDS = 4

/** Items of a line split by `separator`, when there are at least `min` and all are short. */
function shortItems(line: string, separator: RegExp, min: number): boolean {
  const items = line.split(separator).map((item) => item.trim()).filter((item) => item !== '')
  return items.length >= min && items.every((item) => wordsOf(item).length <= MENU_ITEM_WORDS && !/[.!?]$/.test(item))
}

/** A menu or a breadcrumb written on one line ("Home | About | Contact", "Home › News › World"); not a byline with its date. */
function menuKind(line: string): ChromeKind | undefined {
  if (line.length > 300) return undefined
  const kind = shortItems(line, CRUMB_SEPARATOR, 3) ? 'breadcrumb' : shortItems(line, MENU_SEPARATOR, 3) ? 'menu' : undefined
  // The date checks are the costly part, so they only veto a line already shaped like a menu.
  return kind === undefined || hasDate(line) || isBylineOrDate(line) ? undefined : kind
}

/** Checks the pattern tables, in order from most to least specific. */
function patternKind(line: string): ChromeKind | undefined {
  if (anyMatch(FEED_FOOTER_PATTERNS, line)) return 'feed-footer'
  if (line.length > MAX_PATTERN_CHARS) return undefined
  if (anyMatch(COPYRIGHT_PATTERNS, line)) return 'copyright'
  if (anyMatch(COMMENT_FORM_PATTERNS, line)) return 'comment-form'
  if (anyMatch(COOKIE_PATTERNS, line)) return 'cookie'
  if (line.length <= 200 && anyMatch(NEWSLETTER_PATTERNS, line)) return 'newsletter'
  if (line.length <= 200 && anyMatch(TAG_PATTERNS, line)) return 'tags'
  if (anyMatch(BREADCRUMB_PATTERNS, line)) return 'breadcrumb'
  return undefined
}

/** Builds a matcher with the caller's extra phrases merged into the whole-line tables. */
export function createChromeMatcher(extra: ExtraPhrases = {}): ChromeMatcher {
  const tables: Array<[ChromeKind, ReadonlySet<string>]> = [
    ['skip', tableOf(SKIP_LINES, extra.skip)],
    ['comment-form', tableOf(COMMENT_FORM_HEADINGS, extra['comment-form'])],
    ['comments', tableOf(COMMENT_HEADINGS, extra.comments)],
    ['advertisement', tableOf(ADVERTISEMENT_LINES, extra.advertisement)],
    ['related', tableOf(RELATED_HEADINGS, extra.related)],
    ['read-more', tableOf(READ_MORE_LINES, extra['read-more'])],
    ['ui', tableOf(UI_LINES, extra.ui)],
  ]
  const others: Array<[ChromeKind, ReadonlySet<string>]> = (['share', 'cookie', 'comment-count', 'copyright', 'feed-footer', 'newsletter', 'tags', 'breadcrumb'] as const).map((kind) => [kind, tableOf([], extra[kind])])
  const all = [...tables, ...others]
  return (line: string) => {
    const trimmed = line.trim()
    if (trimmed === '') return undefined
    const byPattern = patternKind(trimmed) ?? menuKind(trimmed)
    if (byPattern !== undefined) return byPattern
    const flat = comparable(trimmed)
    if (trimmed.length <= 120 && !/[.!?]$/.test(trimmed) && anyMatch(COMMENT_COUNT_PATTERNS, flat)) return 'comment-count'
    const words = keyWords(flat)
    if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return undefined
    const key = words.join(' ')
    for (const [kind, table] of all) if (table.has(key)) return kind
    return isShareLine(key) ? 'share' : undefined
  }
}

/**
 * True for a line that goes with one reader comment: a signature, a timestamp (a date and a time
 * of day on a short line), a relative time or a reply button. Bylines above an article look the
 * same, so callers count these lines rather than trusting one.
 */
export function isCommentMetaLine(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length > 120) return false
  if (anyMatch(COMMENT_META_PATTERNS, trimmed)) return true
  return TIME_OF_DAY.test(trimmed) && hasDate(trimmed) && wordsOf(trimmed).length <= 20
}
