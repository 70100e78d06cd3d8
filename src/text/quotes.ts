/**
 * Quote folding. The tables name every quote-like character scraped text carries: curly and
 * low-9 quotes, guillemets, primes, modifier-letter and grave/acute apostrophes.
 */

/** A converted string and how many characters changed. */
export interface QuoteResult {
  text: string
  count: number
}

const DOUBLE = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2036\u301D\u301E\u301F\uFF02]/g
const SINGLE = /[\u2018\u2019\u201A\u201B\u2039\u203A\u2032\u2035\u02BC\u02BB\u0060\u00B4]/g

/** Straightens every quote-like character to `"` or `'`. Idempotent. */
export function toAsciiQuotes(text: string): QuoteResult {
  let count = 0
  const result = text
    .replace(DOUBLE, () => {
      count += 1
      return '"'
    })
    .replace(SINGLE, () => {
      count += 1
      return "'"
    })
  return { text: result, count }
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013-]/

/**
 * Curls straight quotes by context: a quote at the start or after space/opening punctuation
 * opens, otherwise it closes; an apostrophe between letters is U+2019. Idempotent, because
 * curly input is first straightened and then curled the same way.
 */
export function toSmartQuotes(text: string): QuoteResult {
  const straight = toAsciiQuotes(text).text
  let result = ''
  for (let index = 0; index < straight.length; index += 1) {
    const character = straight[index] as string
    if (character !== '"' && character !== "'") {
      result += character
      continue
    }
    const before = index === 0 ? ' ' : (straight[index - 1] as string)
    const opens = OPENING_CONTEXT.test(before)
    if (character === '"') result += opens ? '\u201C' : '\u201D'
    else result += opens ? '\u2018' : '\u2019'
  }
  let count = 0
  for (let index = 0; index < text.length; index += 1) if (text[index] !== result[index]) count += 1
  return { text: result, count }
}
