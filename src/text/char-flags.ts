/**
 * Unicode properties that word counting and text measures ask about every character, as one
 * bit set per Basic Multilingual Plane code point built once from the regex engine's `\p{...}`
 * classes. A table read replaces a Unicode regex test per character, so measures become one
 * char-code loop over the text; code points outside the BMP (rare: emoji, historic scripts,
 * CJK extensions) are classified on the fly with the same classes, so results never differ.
 */

/** `\s` (Unicode-aware): spaces, line ends, no-break and ideographic spaces, BOM. */
export const SPACE = 1
/** `\p{L}`. */
export const LETTER = 2
/** `\p{M}`. */
export const MARK = 4
/** `\p{N}`. */
export const NUMBER = 8
/** Han, Hiragana or Katakana: each character counts as a word. */
export const CJK = 16
/** Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar, Tibetan). */
export const UNSPACED = 32

const CLASSES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\s/u, SPACE],
  [/\p{L}/u, LETTER],
  [/\p{M}/u, MARK],
  [/\p{N}/u, NUMBER],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, CJK],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u, UNSPACED],
]

/** Flags of every BMP code unit (surrogates: none); read it directly in hot loops, {@link flagsAt} otherwise. */
export const BMP_FLAGS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000)
  const bmp = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('')
  for (const [pattern, flag] of CLASSES) {
    for (const match of bmp.matchAll(new RegExp(pattern.source, 'gu'))) table[match.index] = (table[match.index] as number) | flag
  }
  table.fill(0, 0xd800, 0xe000) // lone surrogates have no properties
  return table
})()

/** Flags of a code point above the BMP. */
function astralFlags(code: number): number {
  const char = String.fromCodePoint(code)
  let flags = 0
  for (const [pattern, flag] of CLASSES) if (pattern.test(char)) flags |= flag
  return flags
}

/** The flag set of code point `code` (any plane). */
export function flagsOf(code: number): number {
  return code < 0x10000 ? (BMP_FLAGS[code] as number) : astralFlags(code)
}

/**
 * The flag set of the code point at UTF-16 `index` of `text` (a lone surrogate has none). Use
 * {@link widthAt} to step over it.
 */
export function flagsAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 0xd800 || code > 0xdbff) return BMP_FLAGS[code] as number
  const next = text.charCodeAt(index + 1)
  return next >= 0xdc00 && next <= 0xdfff ? astralFlags(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000) : 0
}

/** UTF-16 units of the code point at `index`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = text.charCodeAt(index + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}
