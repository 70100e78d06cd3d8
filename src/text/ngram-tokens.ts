/**
 * The tokens the English word n-gram model counts and scores (garble detection): words in
 * lowercase, numbers, and the punctuation that shapes a sentence. Words the model does not
 * know become a class by shape and suffix ("<cap>", "<-ing>", "<num>"…), so the model still
 * knows what usually surrounds a name, a number or an unknown participle. The same function
 * cuts the training text (scripts/build-garble-model.ts) and the text being checked, so the
 * two always agree.
 */
import { isAscii } from './ascii-text.ts'

/** One token of a sentence: its model form (lowercase word, class or punctuation) and where it is. */
export interface NgramToken {
  /** The lowercase word, or the punctuation mark ('"' for every double quote). */
  form: string
  /** The text as written. */
  raw: string
  start: number
  end: number
  /** True for a word of letters only (what garbling drops, doubles or swaps). */
  word: boolean
}

const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*%?)|([,.;:?!()"“”«»]|--|—|–)/gu
const QUOTES = new Set(['"', '“', '”', '«', '»'])
const DASHES = new Set(['--', '—', '–'])
const LETTERS = /^\p{L}+$/u

/** Span kind of a word of letters only: the words the order check may swap. */
export const SPAN_LETTERS = 0
/** Span kind of another word ("don't", "e-mail"). */
export const SPAN_WORD = 1
/** Span kind of a number ("3.50", "5%"): the model reads every number as "<num>". */
export const SPAN_NUMBER = 2
/** Span kind of punctuation the model reads (",", "(", quotes, dashes). */
export const SPAN_MARK = 3

/** Where the model tokens of a sentence are, without building a string or object per token. */
export interface TokenSpans {
  /** True when the sentence is ASCII (then its spans were scanned by hand). */
  ascii: boolean
  count: number
  starts: number[]
  ends: number[]
  kinds: number[]
}

/** Kind of every ASCII character: 1 letter, 2 digit, 3 punctuation token, 0 anything else. */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code)
  if (/[A-Za-z]/u.test(char)) return 1
  if (/[0-9]/u.test(char)) return 2
  return ',.;:?!()"'.includes(char) ? 3 : 0
})

const APOSTROPHE = 39
const HYPHEN = 45

/** Kind of the character at `at` (0 past the end); only for ASCII text. */
const kindAt = (text: string, at: number): number => (at < text.length ? (ASCII_KIND[text.charCodeAt(at)] as number) : 0)

/** End of the ASCII word at `start` as TOKEN's first group reads it; negative (−end − 1) when not letters only. */
function asciiWordEnd(text: string, start: number): number {
  let end = start + 1
  let letters = true
  while (kindAt(text, end) === 1) end += 1
  while (text.charCodeAt(end) === APOSTROPHE && kindAt(text, end + 1) === 1) {
    letters = false
    end += 2
    while (kindAt(text, end) === 1) end += 1
  }
  while (text.charCodeAt(end) === HYPHEN && (kindAt(text, end + 1) === 1 || kindAt(text, end + 1) === 2)) {
    letters = false
    end += 2
    while (kindAt(text, end) === 1 || kindAt(text, end) === 2) end += 1
  }
  return letters ? end : -end - 1
}

/** End of the ASCII number at `start` ("3", "3.50", "1,000", "12:30", "5%"). */
function asciiNumberEnd(text: string, start: number): number {
  let end = start + 1
  while (kindAt(text, end) === 2) end += 1
  for (let code = text.charCodeAt(end); (code === 46 || code === 44 || code === 58) && kindAt(text, end + 1) === 2; code = text.charCodeAt(end)) {
    end += 2
    while (kindAt(text, end) === 2) end += 1
  }
  return text.charCodeAt(end) === 37 ? end + 1 : end
}

function pushSpan(spans: TokenSpans, start: number, end: number, kind: number): void {
  spans.starts.push(start)
  spans.ends.push(end)
  spans.kinds.push(kind)
  spans.count += 1
}

/** {@link tokenSpans} for ASCII text, scanned by hand (the same tokens TOKEN finds). */
function asciiSpans(text: string, limit: number): TokenSpans {
  const spans: TokenSpans = { ascii: true, count: 0, starts: [], ends: [], kinds: [] }
  for (let at = 0; at < text.length && spans.count < limit; ) {
    const kind = ASCII_KIND[text.charCodeAt(at)] as number
    let end = at + 1
    if (kind === 1) {
      end = asciiWordEnd(text, at)
      if (end < 0) pushSpan(spans, at, (end = -end - 1), SPAN_WORD)
      else pushSpan(spans, at, end, SPAN_LETTERS)
    } else if (kind === 2) pushSpan(spans, at, (end = asciiNumberEnd(text, at)), SPAN_NUMBER)
    else if (kind === 3) pushSpan(spans, at, end, SPAN_MARK)
    else if (text.charCodeAt(at) === HYPHEN && text.charCodeAt(at + 1) === HYPHEN) pushSpan(spans, at, (end = at + 2), SPAN_MARK)
    at = end
  }
  return spans
}

/** {@link tokenSpans} for any text, with the TOKEN pattern. */
function patternSpans(text: string, limit: number): TokenSpans {
  const spans: TokenSpans = { ascii: false, count: 0, starts: [], ends: [], kinds: [] }
  for (const match of text.matchAll(TOKEN)) {
    if (spans.count >= limit) break
    const kind = match[1] !== undefined ? (LETTERS.test(match[0]) ? SPAN_LETTERS : SPAN_WORD) : match[2] !== undefined ? SPAN_NUMBER : SPAN_MARK
    pushSpan(spans, match.index, match.index + match[0].length, kind)
  }
  return spans
}

/**
 * The model tokens of a sentence as offsets and kinds (at most `limit` of them): what
 * {@link ngramTokens} cuts, without a string or object per token, because the order check
 * reads every sentence of every English document. ASCII text (nearly all, after
 * normalize-quotes) is scanned by hand, anything else with the pattern.
 */
export function tokenSpans(sentence: string, limit = Number.MAX_SAFE_INTEGER): TokenSpans {
  return !isAscii(sentence) ? patternSpans(sentence, limit) : asciiSpans(sentence, limit)
}

/** The model form of a word as written: lowercase, with a straight apostrophe. */
export function wordForm(raw: string): string {
  const lower = raw.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/gu, "'") : lower
}

/** The model form of a number or punctuation token ('"' for every double quote, "—" for every dash). */
export function markForm(raw: string, kind: number): string {
  if (kind === SPAN_NUMBER) return '<num>'
  if (QUOTES.has(raw)) return '"'
  return DASHES.has(raw) ? '—' : raw
}

/** Cuts a sentence into model tokens. */
export function ngramTokens(sentence: string): NgramToken[] {
  const spans = tokenSpans(sentence)
  const tokens: NgramToken[] = []
  for (let index = 0; index < spans.count; index += 1) {
    const [start, end, kind] = [spans.starts[index] as number, spans.ends[index] as number, spans.kinds[index] as number]
    const raw = sentence.slice(start, end)
    const word = kind === SPAN_LETTERS || kind === SPAN_WORD
    tokens.push({ form: word ? wordForm(raw) : markForm(raw, kind), raw, start, end, word: kind === SPAN_LETTERS })
  }
  return tokens
}

const SUFFIX_CLASSES: readonly [RegExp, string][] = [
  [/'s$/u, '<poss>'],
  [/-/u, '<hyphen>'],
  [/ing$/u, '<-ing>'],
  [/ed$/u, '<-ed>'],
  [/ly$/u, '<-ly>'],
  [/(?:tion|sion|ment|ness|ity|ance|ence|ship)$/u, '<-tion>'],
  [/(?:ers|ors|ists|ians)$/u, '<-ers>'],
  [/(?:er|or|ist|ian)$/u, '<-er>'],
  [/(?:al|ive|ous|ful|less|able|ible|ic|ary|ish)$/u, '<-al>'],
  [/(?:ize|ise|ate|ify)$/u, '<-ize>'],
  [/[^s]s$/u, '<-s>'],
]

/** Every class an unknown token may fall into (the build script adds them to the vocabulary). */
export const NGRAM_CLASSES: readonly string[] = ['<unk>', '<num>', '<cap>', '<caps>', ...new Set(SUFFIX_CLASSES.map(([, name]) => name))]

/** True when `raw` is ASCII, starts with a capital and goes on in capitals and digits ("NATO", "G7"). */
function asciiCaps(raw: string): boolean {
  if (raw.length < 2) return false
  for (let at = 1; at < raw.length; at += 1) {
    const code = raw.charCodeAt(at)
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false
  }
  return true
}

/** The class of a token the vocabulary does not hold, from its shape as written. */
export function tokenClass(token: NgramToken): string {
  if (token.form === '<num>') return '<num>'
  const first = token.raw.charCodeAt(0)
  if (first >= 65 && first <= 90 && isAscii(token.raw)) return asciiCaps(token.raw) ? '<caps>' : '<cap>'
  if (/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(token.raw)) return '<caps>'
  if (/^\p{Lu}/u.test(token.raw)) return '<cap>'
  for (const [pattern, name] of SUFFIX_CLASSES) if (pattern.test(token.form)) return name
  return '<unk>'
}
