/**
 * HTML character references that leaked into plain text: scrapers that take `textContent` of
 * escaped markup, feeds that escape twice, CMS fields stored escaped ("AT&amp;T",
 * "don&#8217;t", "&amp;amp;"). Decoded with the complete WHATWG named-reference table of the
 * `entities` package, strictly: a reference must end in ";", so "?a=1&para=2" and "R&D" in a
 * URL or prose are left alone. Numeric references follow the HTML rules (&#150; is "–").
 */
import { decodeHTMLStrict } from 'entities'

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g

/** Decoded text and how many references were decoded. */
export interface EntityResult {
  text: string
  count: number
}

function decodeOnce(text: string): EntityResult {
  let count = 0
  const decoded = text.replace(REFERENCE, (reference) => {
    const value = decodeHTMLStrict(reference)
    if (value !== reference) count += 1
    return value
  })
  return { text: decoded, count }
}

/**
 * Decodes character references until none is left, so double escaping ("&amp;amp;") comes out
 * as "&" and running it again changes nothing. Each round makes the text shorter, so it ends.
 */
export function decodeEntities(text: string): EntityResult {
  if (!text.includes('&')) return { text, count: 0 }
  let current = text
  let count = 0
  for (;;) {
    const round = decodeOnce(current)
    if (round.count === 0) return { text: current, count }
    current = round.text
    count += round.count
  }
}
