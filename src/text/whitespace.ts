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

/** A space character other than the plain space; with a double space, what SPACE_RUN needs to find anything. */
const OTHER_SPACE = new RegExp(`[${SPACES.replace(' ', '')}]`)

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
  let spaced = text
  if (text.includes('  ') || OTHER_SPACE.test(text)) spaced = spaced.replace(SPACE_RUN, ' ')
  if (spaced.includes(' \n')) spaced = spaced.replace(/ \n/g, '\n')
  if (spaced.includes('\n ')) spaced = spaced.replace(/\n /g, '\n')
  if (spaced.includes('\n\n\n')) spaced = spaced.replace(/\n{3,}/g, '\n\n')
  return trimEndSpaces(spaced.replace(/^[ \n]+/, ''))
}

/** Drops trailing spaces and line ends (a loop from the end: a `[ \n]+$` regex tries every run). */
function trimEndSpaces(text: string): string {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x0a)) end -= 1
  return end === text.length ? text : text.slice(0, end)
}

/** A one-line field such as a title: all whitespace, line ends included, becomes single spaces. */
export function collapseToLine(text: string): string {
  return normalizeSpacing(normalizeLineEnds(text)).replace(/\n+/g, ' ')
}
