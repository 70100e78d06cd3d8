/**
 * The whole page body as text, for two uses: its length is the yardstick for Readability's
 * result ("extracted N of M characters"), and its chrome-less variant is the fallback when
 * Readability finds too little. Chrome here means landmark elements only (page-level nav,
 * header, footer, aside, forms); finer cleaning is drop-chrome's job, on lines.
 */
import { domToParagraphs } from './dom-text.ts'

/** Landmark roles that mark page chrome, as the elements below do. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar', 'dialog', 'alertdialog'])
const ALWAYS_CHROME = new Set(['nav', 'aside', 'dialog'])
/** `header`/`footer` are chrome at page level only; inside an article they hold its title or notes. */
const SCOPED_CHROME = new Set(['header', 'footer'])
const CONTENT_SCOPES = new Set(['article', 'main'])
const SCOPE_SEARCH_DEPTH = 64
/** A form holding more than this share of the page text is a page wrapper (ASP.NET), not chrome. */
const FORM_WRAPPER_SHARE = 0.5

/** Body paragraphs with everything visible, and with landmark chrome left out. */
export interface BodyText {
  full: string[]
  withoutChrome: string[]
}

/** Reads the body both ways. Call before Readability mutates the document. */
export function readBody(document: Document): BodyText {
  const body = document.body
  const full = domToParagraphs(body)
  let pageLength: number | undefined
  const isChrome = (element: Element, tag: string): boolean => {
    if (ALWAYS_CHROME.has(tag) || CHROME_ROLES.has((element.getAttribute('role') ?? '').trim().toLowerCase())) return true
    if (SCOPED_CHROME.has(tag)) return !insideContent(element)
    if (tag !== 'form') return false
    pageLength ??= (body.textContent ?? '').length
    return (element.textContent ?? '').length <= pageLength * FORM_WRAPPER_SHARE
  }
  return { full, withoutChrome: domToParagraphs(body, { skip: isChrome }) }
}

function insideContent(element: Element): boolean {
  let parent = element.parentElement
  for (let steps = 0; parent !== null && steps < SCOPE_SEARCH_DEPTH; steps += 1) {
    if (CONTENT_SCOPES.has(parent.localName.toLowerCase()) || parent.getAttribute('role') === 'main') return true
    parent = parent.parentElement
  }
  return false
}

/** Total characters of a paragraph list as joined into text. */
export function textLength(paragraphs: readonly string[]): number {
  let length = Math.max(0, paragraphs.length - 1) * 2
  for (const paragraph of paragraphs) length += paragraph.length
  return length
}
