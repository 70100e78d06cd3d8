/**
 * Small XML text helpers for feeds. The feed reader never lets the parser expand entities a
 * document defines itself (the billion-laughs attack): the DOCTYPE is blanked out before
 * parsing, and raw element content is unescaped here with the five predefined entities and
 * numeric references only.
 */

const DOCTYPE = /<!DOCTYPE\b(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)/gi

/**
 * Replaces every DOCTYPE declaration with spaces, keeping newlines, so line and column
 * numbers in later error messages still point at the original file.
 */
export function blankDoctype(xml: string): string {
  return xml.replace(DOCTYPE, (declaration) => declaration.replace(/[^\n]/g, ' '))
}

/** Whether the text declares entities of its own (reported, never expanded). */
export function declaresEntities(xml: string): boolean {
  return /<!DOCTYPE\b[^>]*\[[\s\S]*?<!ENTITY/i.test(xml.slice(0, 64 * 1024))
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
  return valid ? String.fromCodePoint(code) : '\uFFFD'
}

/** Unescapes predefined and numeric references; other `&name;` references stay as written. */
export function unescapeXml(text: string): string {
  return text.replace(REFERENCE, (_match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10))
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16))
    return PREDEFINED[name ?? ''] ?? ''
  })
}

const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g

/**
 * The character data of an element's raw inner XML: CDATA sections are taken verbatim and
 * the text between them is unescaped. An unclosed CDATA section runs to the end.
 */
export function xmlCharacterData(raw: string): string {
  let result = ''
  let last = 0
  for (const match of raw.matchAll(CDATA)) {
    result += unescapeXml(raw.slice(last, match.index)) + (match[1] ?? '')
    last = match.index + match[0].length
  }
  return result + unescapeXml(raw.slice(last))
}

/** Whether a string carries HTML markup (tags), so it should go through extraction as HTML. */
export function looksLikeMarkup(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|table|article|section|blockquote|figure|html|body)\b[^>]*>/i.test(text)
}

/** Maps character offsets to 1-based line numbers in one text, in O(log lines) per lookup. */
export function lineLocator(text: string): (offset: number) => number {
  const starts: number[] = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}
