/**
 * The tokens the English word n-gram model counts and scores (garble detection): words in
 * lowercase, numbers, and the punctuation that shapes a sentence. Words the model does not
 * know become a class by shape and suffix ("<cap>", "<-ing>", "<num>"…), so the model still
 * knows what usually surrounds a name, a number or an unknown participle. The same function
 * cuts the training text (scripts/build-garble-model.ts) and the text being checked, so the
 * two always agree.
 */

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

/** Cuts a sentence into model tokens. */
export function ngramTokens(sentence: string): NgramToken[] {
  const tokens: NgramToken[] = []
  for (const match of sentence.matchAll(TOKEN)) {
    const raw = match[0]
    const start = match.index
    let form: string
    if (match[1] !== undefined) form = raw.toLowerCase().replace(/’/gu, "'")
    else if (match[2] !== undefined) form = '<num>'
    else if (QUOTES.has(raw)) form = '"'
    else if (DASHES.has(raw)) form = '—'
    else form = raw
    tokens.push({ form, raw, start, end: start + raw.length, word: match[1] !== undefined && LETTERS.test(raw) })
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

/** The class of a token the vocabulary does not hold, from its shape as written. */
export function tokenClass(token: NgramToken): string {
  if (token.form === '<num>') return '<num>'
  if (/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(token.raw)) return '<caps>'
  if (/^\p{Lu}/u.test(token.raw)) return '<cap>'
  for (const [pattern, name] of SUFFIX_CLASSES) if (pattern.test(token.form)) return name
  return '<unk>'
}
