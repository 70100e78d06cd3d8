/**
 * Character classes for the mojibake badness model, as lookup tables over the Basic
 * Multilingual Plane built once from Unicode properties (the regex engine's `\p{...}`), so that
 * weighing a candidate costs array reads instead of regex tests per character. Characters
 * outside the BMP (emoji, rare ideographs) are classified on the fly.
 */
import { charRarity } from './char-rarity.ts'

/** What a character is, as far as the badness model cares. */
export const KIND = { space: 0, upper: 1, lower: 2, letter: 3, mark: 4, digit: 5, ascii: 6, symbol: 7, control: 8 } as const
/** One of {@link KIND}. */
export type Kind = (typeof KIND)[keyof typeof KIND]

/** Script ids that the model treats specially. Other scripts get ids above these. */
export const SCRIPT = { none: 0, neutral: 1, latin: 2, greek: 3 } as const

/** Letters by category that behave like symbols in text (florin, micro, ordinals, modifiers). */
const SYMBOL_LETTERS = /[\u0192\u00B5\u00AA\u00BA\u02B0-\u02FF]/gu

/** Scripts with their own ids; the rest fall back to an id per 128-code-point block. */
const NAMED_SCRIPTS = ['Cyrillic', 'Hebrew', 'Arabic', 'Armenian', 'Georgian', 'Thai', 'Lao', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Myanmar', 'Khmer', 'Ethiopic', 'Tibetan', 'Mongolian', 'Syriac', 'Thaana']

const SCRIPT_PATTERNS: ReadonlyArray<readonly [number, RegExp]> = [
  [SCRIPT.latin, /\p{Script=Latin}/gu],
  [SCRIPT.greek, /\p{Script=Greek}/gu],
  [SCRIPT.neutral, /[\p{Script=Inherited}\p{Script=Common}]/gu],
  [4, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/gu],
  ...NAMED_SCRIPTS.map((name, index) => [5 + index, new RegExp(`\\p{Script=${name}}`, 'gu')] as const),
]

/** Every BMP code unit once, lone surrogates replaced by a space so the string is well-formed. */
const BMP: string = Array.from({ length: 0x10000 }, (_, code) => (code >= 0xd800 && code <= 0xdfff ? ' ' : String.fromCharCode(code))).join('')

function fill(table: Uint8Array, pattern: RegExp, value: number): void {
  for (const match of BMP.matchAll(pattern)) table[match.index] = value
}

const KIND_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000).fill(KIND.symbol)
  const steps: ReadonlyArray<readonly [RegExp, Kind]> = [
    [/\p{Nd}/gu, KIND.digit],
    [/\p{M}/gu, KIND.mark],
    [/\p{L}/gu, KIND.letter],
    [/\p{Ll}/gu, KIND.lower],
    [/\p{Lu}/gu, KIND.upper],
    [SYMBOL_LETTERS, KIND.symbol],
    [/[\u0000-\u007F]/gu, KIND.ascii],
    [/[A-Z]/g, KIND.upper],
    [/[a-z]/g, KIND.lower],
    [/[0-9]/g, KIND.digit],
    [/[\u0000-\u001F\u007F-\u009F]/g, KIND.control],
    [/\s/gu, KIND.space],
  ]
  for (const [pattern, kind] of steps) fill(table, pattern, kind)
  table[0xfffd] = KIND.letter // a lost character, most likely a letter
  return table
})()

const SCRIPT_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000)
  for (let code = 0; code < 0x10000; code += 1) table[code] = 64 + ((code >> 7) % 190)
  for (const [id, pattern] of SCRIPT_PATTERNS) fill(table, pattern, id)
  return table
})()

const RARITY_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000)
  for (let code = 0; code < 0x10000; code += 1) table[code] = charRarity(code)
  fill(table, /\p{Cn}/gu, 3)
  return table
})()

/** The {@link Kind} of a code point. */
export function kindOf(code: number): Kind {
  if (code < 0x10000) return (KIND_TABLE[code] ?? KIND.symbol) as Kind
  const char = String.fromCodePoint(code)
  return /\p{L}/u.test(char) ? KIND.letter : /\p{M}/u.test(char) ? KIND.mark : KIND.symbol
}

/** A script id for a letter or mark: {@link SCRIPT} values, or ids for other scripts. */
export function scriptOf(code: number): number {
  if (code < 0x10000) return SCRIPT_TABLE[code] ?? SCRIPT.neutral
  const char = String.fromCodePoint(code)
  for (const [id, pattern] of SCRIPT_PATTERNS) if (new RegExp(pattern.source, 'u').test(char)) return id
  return 64 + ((code >> 7) % 190)
}

/** How unlikely the code point is in ordinary text (char-rarity.ts; unassigned weigh 3). */
export function rarityOf(code: number): number {
  if (code < 0x10000) return RARITY_TABLE[code] ?? 3
  return /\p{Cn}/u.test(String.fromCodePoint(code)) ? 3 : charRarity(code)
}
