/**
 * Unicode hygiene for scraped text: one normal form, and no characters that carry no text.
 * NFC because the same word must compare equal whether its "é" came precomposed or as "e" +
 * combining accent (dedupe and search depend on it); NFKC is offered for corpora that also
 * want full-width and ligature forms folded. Control characters (other than tab and newline)
 * and invisible junk (zero-width space, word joiner, byte-order mark, soft hyphen,
 * non-characters) are removed. Zero-width joiner and non-joiner are kept where they do work:
 * between two letters or marks (Persian, Indic scripts) and, for the joiner, inside emoji
 * sequences; elsewhere they are junk too.
 */

/** The normal forms the decode stage offers. */
export type NormalForm = 'NFC' | 'NFKC' | 'none'

/** ES2024 string methods that Node 20 has and the project's TypeScript lib does not list yet. */
interface WellFormedString {
  isWellFormed(): boolean
  toWellFormed(): string
}

/** `text` with lone surrogates replaced by U+FFFD (the same string when there are none). */
function toWellFormed(text: string): string {
  const methods = text as unknown as WellFormedString
  return methods.isWellFormed() ? text : methods.toWellFormed()
}

/**
 * Text without characters outside these sets is already in the form. Under NFC: everything
 * below U+0300 (combining marks start there) and the dashes, quotes, punctuation and currency
 * signs of U+2010–U+20BF except U+2028–U+202F are starters that neither decompose nor compose
 * with one another (checked pair by pair). Under NFKC only ASCII is that safe.
 */
const NFC_STABLE = /[^\u0000-\u02FF\u2010-\u2027\u2030-\u205E\u20A0-\u20BF]/
const NFKC_STABLE = /[^\u0000-\u007F]/

/**
 * Normalises `text` to `form` (lone UTF-16 surrogates, which no encoder can write, become
 * U+FFFD first); returns the same string when nothing changes. Text that cannot change (see
 * above) skips the normaliser; the checks are regex scans, far cheaper than normalising.
 */
export function normalizeForm(text: string, form: NormalForm): string {
  if (form === 'none') return text
  const wellFormed = toWellFormed(text)
  if (!(form === 'NFC' ? NFC_STABLE : NFKC_STABLE).test(wellFormed)) return wellFormed
  const normalized = wellFormed.normalize(form)
  return normalized === text ? text : normalized
}

/** Controls except tab and newline (carriage returns are line ends, handled in whitespace.ts). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/
/** Invisible characters that never carry meaning in extracted text. */
const JUNK = /[\u200B\u2060\uFEFF\u00AD\uFFFE\uFFFF]/
const JOINER = /[\u200C\u200D]/
const REMOVABLE = new RegExp(`${CONTROL.source}|${JUNK.source}|${JOINER.source}`, 'gu')
/** Any character of REMOVABLE, as one class (a faster scan), for the common case of text with none. */
const ANY_REMOVABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u00AD\uFFFE\uFFFF\u200C\u200D]/

const WORD_PART = /[\p{L}\p{M}]/u
const EMOJI_PART = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u

/** The character (code point) that ends just before `index`. */
function characterBefore(text: string, index: number): string {
  const pair = text.slice(Math.max(0, index - 2), index)
  return /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair) ? pair : text.slice(Math.max(0, index - 1), index)
}

/** Whether the joiner at `index` of `text` sits where it does work. */
function joinerWorks(text: string, index: number): boolean {
  const previous = characterBefore(text, index)
  const next = String.fromCodePoint(text.codePointAt(index + 1) ?? 0x20)
  if (WORD_PART.test(previous) && WORD_PART.test(next)) return true
  return text[index] === '\u200D' && EMOJI_PART.test(previous) && EMOJI_PART.test(next)
}

/** Text without control and junk characters, and how many were removed. */
export interface RemovalResult {
  text: string
  count: number
}

/** Removes control characters and invisible junk; keeps joiners that work (see above). */
export function removeControls(text: string): RemovalResult {
  if (!ANY_REMOVABLE.test(text)) return { text, count: 0 }
  let count = 0
  const result = text.replace(REMOVABLE, (char: string, index: number) => {
    if (JOINER.test(char) && joinerWorks(text, index)) return char
    count += 1
    return ''
  })
  return count === 0 ? { text, count } : { text: result, count }
}
