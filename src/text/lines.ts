/**
 * Line-level helpers for stages that work on the lines of `doc.text` (dedupe-headers,
 * drop-chrome): splitting, word counts, shape measures and rebuilding text from kept lines
 * without gluing paragraphs together.
 *
 * Words are tokens of `[\p{L}\p{N}]+(?:['’][\p{L}]+)*`. They are found by a hand-written scanner
 * over a per-code-unit class table (built once from the same Unicode properties), so counting the
 * words of a line or building its `comparable()` key allocates no array and runs no regex.
 */

/** Splits text into lines (LF, CRLF or CR), keeping empty lines so positions stay 1:1. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

/** Class bits of a code point: a letter (`\p{L}`), a number (`\p{N}`), and "takes two code units". */
const LETTER = 1
const NUMBER = 2
const WIDE = 4

/** `LETTER`/`NUMBER` of every BMP code unit (lone surrogates are neither, as in a `u` regex). */
const BMP_CLASS: Uint8Array = buildClassTable()

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000)
  const chunks: string[] = []
  for (let code = 0; code < 0x10000; code += 0x800) {
    const units = Array.from({ length: 0x800 }, (_, offset) => (code + offset >= 0xd800 && code + offset <= 0xdfff ? 0 : code + offset))
    chunks.push(String.fromCharCode(...units))
  }
  const all = chunks.join('')
  for (const [others, bit] of [[/[^\p{L}]/gu, LETTER], [/[^\p{N}]/gu, NUMBER]] as const) {
    const kept = all.replace(others, '\0')
    for (let code = 0; code < 0x10000; code += 1) if (kept.charCodeAt(code) !== 0) table[code] = (table[code] ?? 0) | bit
  }
  return table
}

const ASTRAL_LETTER = /^\p{L}$/u
const ASTRAL_NUMBER = /^\p{N}$/u

/** Class bits of the code point starting at `index` (0 past the end). */
function classAt(text: string, index: number): number {
  if (index >= text.length) return 0
  const code = text.charCodeAt(index)
  if (code < 0xd800 || code > 0xdbff) return BMP_CLASS[code] as number
  return astralClass(text, index)
}

/** Class bits of a surrogate pair at `index` (a lone surrogate is neither letter nor number). */
function astralClass(text: string, index: number): number {
  const low = index + 1 < text.length ? text.charCodeAt(index + 1) : 0
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0
  const char = text.slice(index, index + 2)
  return ASTRAL_LETTER.test(char) ? LETTER | WIDE : ASTRAL_NUMBER.test(char) ? NUMBER | WIDE : 0
}

/** Start of the first word at or after `from`, or -1. */
function nextWord(text: string, from: number): number {
  const length = text.length
  for (let index = from; index < length; ) {
    const code = text.charCodeAt(index)
    const kind = code < 0xd800 || code > 0xdbff ? (BMP_CLASS[code] as number) : astralClass(text, index)
    if ((kind & (LETTER | NUMBER)) !== 0) return index
    index += (kind & WIDE) !== 0 ? 2 : 1
  }
  return -1
}

/** Index after the code points from `index` on whose class has a bit of `bits`. */
function skipClass(text: string, index: number, bits: number): number {
  const length = text.length
  let at = index
  while (at < length) {
    const code = text.charCodeAt(at)
    const kind = code < 0xd800 || code > 0xdbff ? (BMP_CLASS[code] as number) : astralClass(text, at)
    if ((kind & bits) === 0) return at
    at += (kind & WIDE) !== 0 ? 2 : 1
  }
  return at
}

/** End of the word starting at `start`: letters and digits, then `'`/`’` + letters, repeated. */
function wordEnd(text: string, start: number): number {
  let at = skipClass(text, start, LETTER | NUMBER)
  while (at < text.length) {
    const code = text.charCodeAt(at)
    if ((code !== 0x27 && code !== 0x2019) || (classAt(text, at + 1) & LETTER) === 0) return at
    at = skipClass(text, at + 1, LETTER)
  }
  return at
}

/** Word tokens (letters and digits, inner apostrophes kept) of one line. */
export function wordsOf(text: string): string[] {
  const words: string[] = []
  for (let start = nextWord(text, 0); start >= 0; ) {
    const end = wordEnd(text, start)
    words.push(text.slice(start, end))
    start = nextWord(text, end)
  }
  return words
}

/** Number of `wordsOf(text)` tokens, without building them. */
export function wordCount(text: string): number {
  let count = 0
  for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd(text, start))) count += 1
  return count
}

/** A line's words in `comparable()` form, with counts that come free with the scan. */
export interface LineKey {
  /** `comparable(text)`. */
  flat: string
  /** `text.toLowerCase()`. */
  lower: string
  /** Words of `flat`. */
  words: number
  /** Words of `flat` not made only of ASCII digits (counts, years): see {@link withoutNumbers}. */
  keyWords: number
  /**
   * Lowercasing kept every code unit in place, so the words of `flat` are the lowercased words
   * of the line, one for one. JavaScript's lowercasing maps every code point but U+0130 (İ) to
   * one of the same length and the same letter/number class (tests/text/lines.test.ts checks
   * this against the runtime's Unicode tables), so an unchanged length is proof enough.
   */
  aligned: boolean
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index)
    if (code < 0x30 || code > 0x39) return false
  }
  return true
}

/**
 * `comparable()` of a line and its word counts in one scan of its lowercased text. Words one
 * space apart are copied as one run, so a sentence costs a slice per punctuation mark, not per word.
 */
export function lineKey(text: string): LineKey {
  const lower = text.toLowerCase()
  let flat = ''
  let words = 0
  let keyWords = 0
  let runStart = 0
  let previous = 0
  for (let start = nextWord(lower, 0); start >= 0; start = nextWord(lower, previous)) {
    const end = wordEnd(lower, start)
    if (words === 0) runStart = start
    else if (start !== previous + 1 || lower.charCodeAt(previous) !== 0x20) {
      flat = flat === '' ? lower.slice(runStart, previous) : `${flat} ${lower.slice(runStart, previous)}`
      runStart = start
    }
    if (!isDigits(lower, start, end)) keyWords += 1
    words += 1
    previous = end
  }
  if (words > 0) flat = flat === '' ? (runStart === 0 && previous === lower.length ? lower : lower.slice(runStart, previous)) : `${flat} ${lower.slice(runStart, previous)}`
  return { flat, lower, words, keyWords, aligned: lower.length === text.length }
}

/** `flat` (a `comparable()` form) without its words made only of ASCII digits, so counts do not block a phrase match. */
export function withoutNumbers(flat: string): string {
  let out = ''
  for (let start = 0; start < flat.length; ) {
    let end = flat.indexOf(' ', start)
    if (end < 0) end = flat.length
    if (end > start && !isDigits(flat, start, end)) out = out === '' ? flat.slice(start, end) : `${out} ${flat.slice(start, end)}`
    start = end + 1
  }
  return out
}

/** Lowercased, punctuation-free form of a line, for comparing lines and matching phrases. */
export function comparable(text: string): string {
  return lineKey(text).flat
}

/** Closing quotes and brackets that may follow sentence-final punctuation. */
const CLOSERS = `"'”’»)]`
/** Sentence-final punctuation. */
const SENTENCE_ENDS = '.!?…。！？:;'

/** True when the line ends like a sentence (period, question mark, colon, closing quote…). */
export function endsLikeSentence(text: string): boolean {
  const trimmed = text.trimEnd()
  let end = trimmed.length
  while (end > 0 && CLOSERS.includes(trimmed.charAt(end - 1))) end -= 1
  return end > 0 && SENTENCE_ENDS.includes(trimmed.charAt(end - 1))
}

/**
 * Rebuilds text from the lines whose `keep` flag is set. Blank lines and removed lines both
 * separate paragraphs when they stood between kept text, so a dropped line never glues two
 * paragraphs, and runs of blank lines collapse to one.
 */
export function joinKeptLines(lines: readonly string[], keep: readonly boolean[]): string {
  const out: string[] = []
  let pendingBreak = false
  let pendingBlank = false
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string
    if (line.trim() === '') {
      pendingBlank = true
      continue
    }
    if (keep[index] !== true) {
      pendingBreak = true
      continue
    }
    if (out.length > 0 && (pendingBlank || pendingBreak)) out.push('')
    out.push(line)
    pendingBreak = false
    pendingBlank = false
  }
  return out.join('\n')
}
