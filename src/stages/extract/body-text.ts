/**
 * The whole page body as text, for two uses: its length is the yardstick for Readability's
 * result ("extracted N of M characters"), and its chrome-less variant is the fallback when
 * Readability finds too little. Chrome here means landmark elements only (page-level nav,
 * header, footer, aside, forms); finer cleaning is drop-chrome's job, on lines.
 */
import { domToParagraphs } from './dom-text.ts'
import { chromeKind, FORM_WRAPPER_SHARE, isContentScope } from './html-rules.ts'

const SCOPE_SEARCH_DEPTH = 64

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
    const kind = chromeKind(tag, (name) => element.getAttribute(name))
    if (kind === 'chrome') return true
    if (kind === 'scoped') return !insideContent(element)
    if (kind !== 'form') return false
    pageLength ??= (body.textContent ?? '').length
    return (element.textContent ?? '').length <= pageLength * FORM_WRAPPER_SHARE
  }
  return { full, withoutChrome: domToParagraphs(body, { skip: isChrome }) }
}

function insideContent(element: Element): boolean {
  let parent = element.parentElement
  for (let steps = 0; parent !== null && steps < SCOPE_SEARCH_DEPTH; steps += 1) {
    const scope = parent
    if (isContentScope(scope.localName.toLowerCase(), (name) => scope.getAttribute(name))) return true
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
