/**
 * The article's visible headline. Readability deletes the `h1`/`h2` that repeats the page
 * title (it reports the title separately), but a plain-text corpus wants the headline as the
 * first line, as it is in text dumps; dedupe-headers later removes repeats. We find the
 * heading before Readability runs and put it back when the extracted text lacks it.
 */

const WORD = /[\p{L}\p{N}]+/gu
/** Share of the heading's words that must appear in the title for it to count as the headline. */
const TITLE_OVERLAP = 0.8
/** Share of the title's words the heading must cover. */
const TITLE_COVERAGE = 0.5
const HEADINGS = 'h1, h2, h3'
const MAX_HEADINGS = 50
const LONGEST_HEADLINE = 400

/** Normalised word list used to compare headings, titles and paragraphs. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** Texts of the page's first `h1`-`h3` headings, read before Readability removes any. */
export function readHeadings(document: Document): string[] {
  const texts: string[] = []
  for (const heading of [...document.querySelectorAll(HEADINGS)].slice(0, MAX_HEADINGS)) {
    const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (text.length > 0 && text.length <= LONGEST_HEADLINE) texts.push(text)
  }
  return texts
}

/** The first heading whose words are (almost) all in one of the page's title candidates. */
export function findHeadline(headings: readonly string[], titles: readonly string[]): string | undefined {
  const titleWords = titles.map((title) => new Set(wordsOf(title))).filter((words) => words.size > 0)
  if (titleWords.length === 0) return undefined
  return headings.find((heading) => {
    const words = wordsOf(heading)
    return words.length > 0 && titleWords.some((title) => matches(words, title))
  })
}

/**
 * Most of the heading's words are in the title, and they make up a fair part of the title
 * (which may add a site name): "Menu" or "Comments" never match a long title.
 */
function matches(words: readonly string[], title: ReadonlySet<string>): boolean {
  const shared = words.filter((word) => title.has(word)).length
  return shared >= words.length * TITLE_OVERLAP && shared >= title.size * TITLE_COVERAGE
}

/** True when one of the first paragraphs already says the headline. */
export function startsWithHeadline(paragraphs: readonly string[], headline: string, within = 3): boolean {
  const target = wordsOf(headline).join(' ')
  return paragraphs.slice(0, within).some((paragraph) => wordsOf(paragraph).join(' ').includes(target))
}
