/**
 * Whitespace in the shape later stages rely on: "\n" line ends, one space between words, no
 * spaces at either end of a line (line-based stages compare lines; indentation in scraped text
 * is layout, not content), at most one blank line in a row, none at the start or end. Single
 * newlines are kept: a line break inside a paragraph is information ("<br>", a poem, an
 * address), and paragraphs are separated by exactly one blank line.
 */

const LINE_END = /\r\n?|[\u2028\u2029]/g
/** Tab, vertical tab, form feed and every Unicode space separator (no-break, thin, ideographic...). */
const SPACES = '\\t\\v\\f \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000'
/**
 * Only the runs that need changing: two or more spaces, or any other space character. A single
 * plain space (nearly all of them) is not matched, which keeps 100 MB inputs fast.
 */
const SPACE_RUN = new RegExp(` [${SPACES}]+|[${SPACES.replace(' ', '')}][${SPACES}]*`, 'g')

/** "\r\n", "\r", U+2028 and U+2029 → "\n". Returns the same string when there is nothing to do. */
export function normalizeLineEnds(text: string): string {
  return /[\r\u2028\u2029]/.test(text) ? text.replace(LINE_END, '\n') : text
}

/**
 * Collapses spaces and blank lines (after {@link normalizeLineEnds}): every run of spaces,
 * tabs and Unicode spaces becomes one space, spaces around line ends and at the ends of the
 * text go, and three or more line ends become one blank line. Idempotent.
 */
export function normalizeSpacing(text: string): string {
  return text
    .replace(SPACE_RUN, ' ')
    .replace(/ \n/g, '\n')
    .replace(/\n /g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[ \n]+/, '')
    .replace(/[ \n]+$/, '')
}

/** A one-line field such as a title: all whitespace, line ends included, becomes single spaces. */
export function collapseToLine(text: string): string {
  return normalizeSpacing(normalizeLineEnds(text)).replace(/\n+/g, ' ')
}
