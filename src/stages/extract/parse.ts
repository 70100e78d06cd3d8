/**
 * Parsing with linkedom, made safe for real-world input. linkedom builds the tree exactly as
 * written: a fragment without `<html>`/`<body>` ends up outside `document.body` (or, for
 * plain text, without a document element at all), so we rebuild the skeleton first and hand
 * linkedom a complete `<html><head>…</head><body>…</body></html>`.
 */
import { parseHTML } from 'linkedom'

const BODY_OPEN = /<body(?=[\s>/])[^>]*>/i
const HEAD_CLOSE = /<\/head\s*>/i
const HTML_OPEN = /<html(?=[\s>/])[^>]*>/i
/** Skeleton tags (and prologs) removed from both parts before they are put back in place. */
const SKELETON = /<!doctype[^>]*>|<\?xml[^>]*>|<\/?(?:html|head|body)(?=[\s>/])[^>]*>/gi

/** The two halves of a page: what belongs in `<head>` and what belongs in `<body>`. */
interface PageParts {
  htmlAttributes: string
  bodyAttributes: string
  head: string
  body: string
}

/** Splits a page at `<body>` (or `</head>`); without either, everything is body content. */
function splitPage(html: string): PageParts {
  const htmlAttributes = attributesOf(HTML_OPEN.exec(html)?.[0], 'html')
  const bodyOpen = BODY_OPEN.exec(html)
  if (bodyOpen !== null) {
    const head = html.slice(0, bodyOpen.index)
    const body = html.slice(bodyOpen.index + bodyOpen[0].length)
    return { htmlAttributes, bodyAttributes: attributesOf(bodyOpen[0], 'body'), head, body }
  }
  const headClose = HEAD_CLOSE.exec(html)
  if (headClose !== null) {
    const head = html.slice(0, headClose.index)
    return { htmlAttributes, bodyAttributes: '', head, body: html.slice(headClose.index + headClose[0].length) }
  }
  return { htmlAttributes, bodyAttributes: '', head: '', body: html }
}

/** `<html lang="en" class=x>` → ` lang="en" class=x` (a trailing `/` dropped). */
function attributesOf(tag: string | undefined, name: string): string {
  if (tag === undefined) return ''
  return tag.slice(name.length + 1, -1).replace(/\/\s*$/, '')
}

/** Rebuilds `html` around a proper skeleton, so that every fragment lands in the body. */
export function wrapDocument(html: string): string {
  const parts = splitPage(html)
  const head = parts.head.replace(SKELETON, '')
  const body = parts.body.replace(SKELETON, '')
  return `<!DOCTYPE html><html${parts.htmlAttributes}><head>${head}</head><body${parts.bodyAttributes}>${body}</body></html>`
}

/** Parses any HTML string into a document that always has `documentElement`, `head` and `body`. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(wrapDocument(html))
  if (document.documentElement === null || document.body === null) {
    throw new Error('The parser returned a document without <html> or <body>.')
  }
  return document
}
