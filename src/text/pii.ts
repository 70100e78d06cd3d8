/**
 * Finding personal data to redact: e-mail addresses, IPv4/IPv6 addresses and phone numbers.
 * Each finder returns spans; a candidate must pass checks that keep look-alikes out: version
 * numbers are not IPs (`v1.2.3.4`, `1.2.3.4.5`, leading zeros), and dates, prices, ISBNs, year
 * ranges, order or reference numbers and thousands (`1.000.000`) are not phone numbers.
 */
import { isIPv6 } from 'node:net'

/** A found item: where it is in the text. */
export interface Span {
  start: number
  end: number
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu
const IPV4 = /(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{N}]|\.\d)/gu
const IPV6 = /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:(?:\.\d{1,3}){3})?(?![\p{L}\p{N}:])/gu
/** Words right before a number that make it a version, not an address. */
const VERSION_BEFORE = /(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\bupdate|\bfirmware|\bchrome|\bfirefox|\bnode)\s*$/iu

function spans(text: string, pattern: RegExp, accept: (match: string, start: number) => boolean): Span[] {
  const out: Span[] = []
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0], match.index)) out.push({ start: match.index, end: match.index + match[0].length })
  }
  return out
}

/** E-mail addresses (a dotted domain with a letter TLD; `user@localhost` and `@handles` are not). */
export function findEmails(text: string): Span[] {
  return spans(text, EMAIL, () => true)
}

/** IPv4 (octets ≤ 255, no leading zeros, not after a version word) and IPv6 (valid per node:net). */
export function findIpAddresses(text: string): Span[] {
  const v4 = spans(text, IPV4, (match, start) => {
    const octets = match.split('.')
    if (octets.some((octet) => Number(octet) > 255 || (octet.length > 1 && octet.startsWith('0')))) return false
    return !VERSION_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  })
  const v6 = spans(text, IPV6, (match) => /[0-9A-Fa-f]/u.test(match) && (match.includes('::') || match.split(':').length === 8) && isIPv6(match))
  return [...v4, ...v6].sort((a, b) => a.start - b.start)
}

const PHONE = /(?<![\p{L}\p{N}#$€£¥@/.,:_-])(?:\+\d{1,3}[ \u00A0.-]?)?(?:\(\d{1,5}\)[ \u00A0.-]?)?\d{1,8}(?:[ \u00A0.-]\d{1,8}){0,5}(?![\p{L}\p{N}$€£¥%@/_]|[.,:-]\d)/gu
/** Words right before a number that make it an identifier, not a phone number. */
const IDENTIFIER_BEFORE = /(?:isbn(?:-1[03])?|issn|order|invoice|ref(?:erence)?|no\.?|nr\.?|number|id|account|tracking|serial|case|patent|version|v|#)\s*[:#]?\s*$/iu
const CURRENCY_AFTER = /^\s*(?:€|\$|£|¥|eur|usd|gbp|chf|jpy|euros?|dollars?)\b/iu
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/u
const YEAR_RANGE = /^(?:1\d|20)\d{2}\s?[-–]\s?(?:1\d|20)\d{2}$/u

/** True when the shape of `candidate` (groups, separators, prefix) is a phone number's. */
function phoneShape(candidate: string): boolean {
  const digits = candidate.replace(/\D/gu, '').length
  if (digits < 7 || digits > 15) return false
  if (DATE.test(candidate) || YEAR_RANGE.test(candidate)) return false
  const international = candidate.startsWith('+')
  const groups = candidate.replace(/^\+\d{1,3}/u, '').split(/[ \u00A0.()-]+/u).filter((group) => group.length > 0)
  const dotted = /\d\.\d/u.test(candidate)
  if (/^\d{1,3}(?:[.,]\d{3})+$/u.test(candidate) || /^\d{1,2}(?: \d{3})+$/u.test(candidate)) return false
  if (dotted && !international && !/^\(?\d{3}\)?\.\d{3}\.\d{4}$/u.test(candidate)) return false
  if (international || candidate.includes('(')) return groups.length >= 1 && digits >= 8
  if (groups.length >= 3) return groups.every((group) => group.length <= 5)
  return groups.length === 2 && (groups[0] as string).startsWith('0') && digits >= 9
}

/** Phone numbers: international (`+…`), with an area code in parentheses, or grouped national forms. */
export function findPhoneNumbers(text: string): Span[] {
  return spans(text, PHONE, (match, start) => {
    const candidate = match.trim()
    if (!phoneShape(candidate)) return false
    if (IDENTIFIER_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return false
    return !CURRENCY_AFTER.test(text.slice(start + match.length, start + match.length + 10))
  })
}

/** Replaces every span (sorted, non-overlapping) with `placeholder`. */
export function replaceSpans(text: string, found: readonly Span[], placeholder: string): string {
  let out = ''
  let last = 0
  for (const span of found) {
    if (span.start < last) continue
    out += text.slice(last, span.start) + placeholder
    last = span.end
  }
  return out + text.slice(last)
}
