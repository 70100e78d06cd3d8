/**
 * The article's visible headline. Readability deletes every `h1`/`h2` whose words all appear in
 * the page title (it reports the title separately), but a plain-text corpus wants the
 * headline as the first line, as text dumps have it; dedupe-headers later removes repeats.
 * We note the headings before Readability runs and, afterwards, put back the one it removed
 * from right above the article, or else the heading that matches the metadata title best.
 */
import { collapseToLine } from '../../text/whitespace.ts'

const WORD = /[\p{L}\p{N}]+/gu
/** Share of the heading's words that must appear in the title for it to count as the headline. */
const TITLE_OVERLAP = 0.8
/** Share of the title's words the heading must cover (for the metadata-title match). */
const TITLE_COVERAGE = 0.5
const HEADINGS = 'h1, h2, h3'
const MAX_HEADINGS = 50
const LONGEST_HEADLINE = 400
/** Elements after a heading checked for being part of the article (some get cleaned away). */
const FOLLOWERS = 3

/** A heading as it was before Readability ran: text, element, and the elements right after it. */
export interface Heading {
  text: string
  element: Element
  followers: Element[]
}

/** Normalised word list used to compare headings, titles and paragraphs. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** The page's first `h1`-`h3` headings, read before Readability removes any. */
export function readHeadings(document: Document): Heading[] {
  const headings: Heading[] = []
  for (const element of [...document.querySelectorAll(HEADINGS)].slice(0, MAX_HEADINGS)) {
    const text = collapseToLine(element.textContent ?? '')
    if (text.length > 0 && text.length <= LONGEST_HEADLINE) headings.push({ text, element, followers: followersOf(element) })
  }
  return headings
}

/** The next few elements after `element` in document order, outside its own subtree. */
function followersOf(element: Element): Element[] {
  const followers: Element[] = []
  let current: Element | null = element
  while (current !== null && followers.length < FOLLOWERS) {
    let next: Element | null = current.nextElementSibling
    for (let parent = current.parentElement; next === null && parent !== null; parent = parent.parentElement) next = parent.nextElementSibling
    if (next !== null) followers.push(next)
    current = next
  }
  return followers
}

/** What Readability returned, as far as the headline is concerned. */
export interface ArticleStart {
  content: Node
  paragraphs: readonly string[]
  title?: string
}

/**
 * The headline to restore, if any. First choice: a heading Readability removed as a copy of
 * its `title` from right above the article (one of the next elements is in `content`).
 * Otherwise the headings that match a metadata title closely, unless the article already
 * starts with a title-like line or still holds one of them: the one right above the
 * article, else the first.
 */
export function findHeadline(headings: readonly Heading[], article: ArticleStart, titles: readonly string[]): string | undefined {
  const { content, paragraphs, title } = article
  const adjacent = (heading: Heading): boolean => !content.contains(heading.element) && heading.followers.some((next) => content.contains(next))
  const removed = title === undefined ? undefined : headings.find((heading) => adjacent(heading) && matches(wordsOf(heading.text), new Set(wordsOf(title)), 0))
  if (removed !== undefined) return startsWithLine(paragraphs, removed.text) ? undefined : removed.text
  const titleWords = [...titles, title ?? ''].map((candidate) => new Set(wordsOf(candidate))).filter((words) => words.size > 0)
  const firstLine = wordsOf(paragraphs[0]?.split('\n')[0] ?? '')
  if (titleWords.some((words) => matches(firstLine, words, 0))) return undefined
  const candidates = headings.filter((heading) => titleWords.some((words) => matches(wordsOf(heading.text), words, TITLE_COVERAGE)))
  if (candidates.some((heading) => content.contains(heading.element))) return undefined
  const chosen = (candidates.find(adjacent) ?? candidates[0])?.text
  return chosen === undefined || startsWithLine(paragraphs, chosen) ? undefined : chosen
}

/** True when a heading's text matches one of the titles as closely as a headline must. */
export function isTitleHeading(text: string, titles: readonly string[]): boolean {
  const words = wordsOf(text)
  return titles.some((title) => matches(words, new Set(wordsOf(title)), TITLE_COVERAGE))
}

/** True when a line of one of the first `within` paragraphs has the headline's words. */
export function hasHeadlineLine(paragraphs: readonly string[], headline: string, within: number): boolean {
  return startsWithLine(paragraphs, headline, within)
}

/** Most of the heading's words are in the title, and they cover `coverage` of the title. */
function matches(words: readonly string[], title: ReadonlySet<string>, coverage: number): boolean {
  if (words.length === 0) return false
  const shared = words.filter((word) => title.has(word)).length
  return shared >= words.length * TITLE_OVERLAP && shared >= title.size * coverage
}

/** True when a line of one of the first paragraphs is the headline (same words). */
function startsWithLine(paragraphs: readonly string[], headline: string, within = 3): boolean {
  const target = wordsOf(headline).join(' ')
  return paragraphs.slice(0, within).some((paragraph) => paragraph.split('\n').some((line) => wordsOf(line).join(' ') === target))
}
