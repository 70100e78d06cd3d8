/**
 * Pure checks behind the check-record stage: is a url usable, does a date parse and is it in
 * the past, does a text stop mid-sentence, and do a record's html and text hold the same
 * article. Each answers with a short finding or undefined; the stage turns findings into
 * messages.
 */
import { decodeEntities } from '../../text/entities.ts'
import { endsLikeSentence, wordsOf } from '../../text/lines.ts'

/** Why `url` is not an absolute http(s) url of a real host, or undefined when it is. */
export function urlProblem(url: string): string | undefined {
  if (/\s/u.test(url.trim())) return 'it contains whitespace'
  if (!URL.canParse(url)) return 'it does not parse as an absolute url'
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `its scheme is ${parsed.protocol.replace(':', '')}, not http or https`
  if (parsed.hostname !== 'localhost' && !parsed.hostname.includes('.')) return `its host "${parsed.hostname}" has no domain`
  return undefined
}

/** `unparseable`, `future` (later than `now` plus the tolerance) or undefined for a usable date. */
export function dateProblem(published: string, now: number, toleranceMs: number): 'unparseable' | 'future' | undefined {
  const time = Date.parse(published)
  if (Number.isNaN(time)) return 'unparseable'
  return time > now + toleranceMs ? 'future' : undefined
}

/** Markers scrapers and APIs leave where they cut a text: "…", "...", "[…]", "[+1234 chars]". */
const CUT_MARKER = /(?:\.\.\.|…|\[(?:…|\.\.\.)\]|\[\+\d+ ?chars?\])\s*$/u
const SENTENCE_END = /[.!?…。！？؟।]/u
/** Han and kana characters each count as a word: those scripts do not space their words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu

function wordCount(text: string): number {
  return wordsOf(text).length + (text.match(UNSPACED)?.length ?? 0)
}

/**
 * Why `text` looks cut off, or undefined. A text counts as truncated when its last paragraph
 * ends with a cut marker, or is prose of at least `minCharacters` with no sentence-final
 * punctuation, in a text that does use such punctuation elsewhere (so scripts without it and
 * lists of links are not judged).
 */
export function truncation(text: string, minCharacters: number): string | undefined {
  const paragraphs = text.split(/\n\s*\n/u).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '')
  const last = paragraphs.at(-1)
  if (last === undefined) return undefined
  if (CUT_MARKER.test(last) && last.length >= minCharacters) return 'it ends with a cut marker'
  if (last.length < minCharacters || wordCount(last) < 8 || endsLikeSentence(last)) return undefined
  if (!SENTENCE_END.test(paragraphs.slice(0, -1).join(' ') + last.slice(0, -1))) return undefined
  return 'its last paragraph stops without sentence-final punctuation'
}

/** The visible words of an html fragment, cheaply: no script or style, tags as spaces, entities decoded. */
export function htmlWords(html: string): Set<string> {
  const visible = html
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<[^>]*>/gu, ' ')
  return new Set(wordsOf(decodeEntities(visible).text.toLowerCase()))
}

/**
 * Share of the distinct words of `text` that also appear in `html` (html may add chrome, so
 * only this direction counts). Undefined when the text has too few words to judge.
 */
export function agreement(text: string, html: string, minWords = 20): number | undefined {
  const words = new Set(wordsOf(decodeEntities(text).text.toLowerCase()))
  if (words.size < minWords) return undefined
  const inHtml = htmlWords(html)
  let shared = 0
  for (const word of words) if (inHtml.has(word)) shared += 1
  return shared / words.size
}
