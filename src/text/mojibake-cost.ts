/**
 * A "badness" score for a short stretch of text: how much it looks like mojibake rather than
 * writing. Correct text in any language scores 0 or close to it; UTF-8 shown through a
 * single-byte code page scores high, because it puts symbols inside words ("rÃ©gime"),
 * switches case mid-word ("NicolÃ¡s"), mixes scripts within a word, and contains C1 controls
 * and rare characters. The repair only replaces text by a candidate that scores clearly lower.
 *
 * Weights (ours): C1 control 4; rare character 1–3 (char-rarity.ts); a symbol run inside a word
 * 2 plus 1 per extra symbol; a symbol where a word ends or starts that is not punctuation there
 * 1; two different odd symbols in a row 1; lower case followed by a non-ASCII capital 1; a
 * lower-case letter among capitals 2; letters of two scripts touching 2 (Latin-Greek 0.5, as
 * in "IL2Rγ"); a combining mark with nothing to combine with 2; "Ã" 2 and a lone "Â" 2 (they
 * are the windows-1252 lead bytes of the whole Latin-1 range and rare as real letters).
 */
import { charRarity } from './char-rarity.ts'
import { CODE_PAGES } from './codepages.ts'

const KIND = { space: 0, upper: 1, lower: 2, letter: 3, mark: 4, digit: 5, ascii: 6, symbol: 7, control: 8 } as const
type Kind = (typeof KIND)[keyof typeof KIND]

/** Symbols that close a word naturally: quotes, ellipsis, marks such as ™ ® ° ², ordinals. */
const CLOSERS = new Set('’”“‘»«›‹…™®©°²³¹ªº¿¡´¨†‡‰¢€–—•·′″\uFFFD')
/** Symbols that open a word naturally: quotes, inverted marks, bullets, currency, maths. */
const OPENERS = new Set('¿¡«»‹›„“”‘’‚•–—…€£¥§¶°µ©®¨´†±×÷√∞≈≤≥¬\uFFFD')
/** The only symbols that sit between two letters of one word: apostrophes, dots, hyphens. */
const MIDWORD = new Set('’\'·‐‑\u00AD–—/‧・\uFFFD')
/** Everyday punctuation: two of these in a row ("…”") is normal. */
const COMMON_PUNCTUATION = new Set('’”“‘„‚»«›‹…–—•©®™°¿¡€£$')

/**
 * The symbols mojibake is made of: every non-letter in the high half of the code pages the
 * repair knows (¢ ¤ ¦ § ¨ ± ´ ¶ ¸ ¼ × ƒ ˆ ‰ ˜ √ ∂ ≈ ├ ╨ ...). Other symbols (emoji, arrows,
 * music) are not suspicious where they stand.
 */
const ODD = new Set(
  CODE_PAGES.flatMap((page) => [...page.byteOf.keys()])
    .filter((code) => code >= 0xa1 && !/[\p{L}\s]/u.test(String.fromCodePoint(code)))
    .map((code) => String.fromCodePoint(code)),
)
/** Combining accents of living orthographies (Yoruba, Vietnamese, pinyin stack these freely). */
const COMMON_MARKS = /[\u0300-\u030C\u0323-\u0328\u0331]/u
/** Letters by category that behave like symbols in text (florin, micro, ordinals, modifiers). */
const SYMBOL_LETTERS = /[\u0192\u00B5\u00AA\u00BA\u02B0-\u02FF]/u

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
  ['neutral', /[\p{Script=Inherited}\p{Script=Common}]/u],
  ...['Armenian', 'Georgian', 'Thai', 'Lao', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Myanmar', 'Khmer', 'Ethiopic', 'Tibetan', 'Mongolian', 'Syriac', 'Thaana'].map(
    (name) => [name.toLowerCase(), new RegExp(`\\p{Script=${name}}`, 'u')] as const,
  ),
]

interface Unit {
  char: string
  code: number
  kind: Kind
}

function kindOf(char: string, code: number): Kind {
  if (/\s/u.test(char)) return KIND.space
  if (code < 0x80) return /[A-Za-z]/.test(char) ? (char < 'a' ? KIND.upper : KIND.lower) : /\d/.test(char) ? KIND.digit : code < 0x20 || code === 0x7f ? KIND.control : KIND.ascii
  if (code <= 0x9f) return KIND.control
  if (code === 0xfffd) return KIND.letter
  if (SYMBOL_LETTERS.test(char)) return KIND.symbol
  if (/\p{Lu}/u.test(char)) return KIND.upper
  if (/\p{Ll}/u.test(char)) return KIND.lower
  if (/\p{L}/u.test(char)) return KIND.letter
  if (/\p{M}/u.test(char)) return KIND.mark
  if (/\p{Nd}/u.test(char)) return KIND.digit
  return KIND.symbol
}

function isLetter(kind: Kind | undefined): boolean {
  return kind === KIND.upper || kind === KIND.lower || kind === KIND.letter
}

/** Script group of a letter or mark: Latin, Greek, ..., or the 128-code-point block it sits in. */
function scriptOf(unit: Unit): string {
  for (const [name, pattern] of SCRIPTS) if (pattern.test(unit.char)) return name
  return `block-${unit.code >> 7}`
}

function unitsOf(text: string): Unit[] {
  const units: Unit[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    units.push({ char, code, kind: kindOf(char, code) })
  }
  return units
}

/** Cost of single characters: controls, rare characters, the suspicious "Ã" and lone "Â". */
function characterCost(units: readonly Unit[]): number {
  let cost = 0
  units.forEach((unit, index) => {
    if (unit.kind === KIND.control) cost += unit.code >= 0x80 ? 4 : unit.char === '\t' ? 0 : 1
    else if (unit.kind !== KIND.space && unit.code !== 0xfffd) cost += /\p{Cn}/u.test(unit.char) ? 3 : charRarity(unit.code)
    if (unit.char === 'Ã') cost += 2
    if (unit.char === 'Â') cost += isLetter(units[index - 1]?.kind) || isLetter(units[index + 1]?.kind) ? 1 : 2
  })
  return cost
}

function scriptPairCost(left: Unit, right: Unit): number {
  const a = scriptOf(left)
  const b = scriptOf(right)
  if (a === b || a === 'neutral' || b === 'neutral') return 0
  return (a === 'latin' && b === 'greek') || (a === 'greek' && b === 'latin') ? 0.5 : 2
}

/** Cost of neighbouring letters: case switches and script mixing inside a word. */
function letterPairCost(units: readonly Unit[]): number {
  let cost = 0
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index] as Unit
    const before = units[index - 1]
    const after = units[index + 1]
    if (unit.kind === KIND.mark && (before === undefined || before.kind === KIND.space)) cost += 2
    if (unit.kind === KIND.mark && before !== undefined && before.code < 0x250 && isLetter(before.kind) && !COMMON_MARKS.test(unit.char) && [...`${before.char}${unit.char}`.normalize('NFC')].length > 1) cost += 1
    if (before === undefined || !(isLetter(unit.kind) || unit.kind === KIND.mark)) continue
    if (isLetter(before.kind) || before.kind === KIND.mark) cost += scriptPairCost(before, unit)
    if (before.kind === KIND.lower && unit.kind === KIND.upper && unit.code >= 0x80) cost += 2
    if (unit.kind === KIND.lower && unit.code >= 0x80 && before.kind === KIND.upper && (after?.kind === KIND.upper || (after === undefined || !isLetter(after.kind)) && units[index - 2]?.kind === KIND.upper)) cost += 2
    if (unit.code >= 0x80 && !/\p{Script=Latin}/u.test(unit.char) && isLetter(unit.kind) && (before.kind === KIND.digit || after?.kind === KIND.digit)) cost += 1
  }
  return cost
}

/** Cost of one run of symbols inside a word, given what stands before and after it. */
function symbolRunCost(run: readonly Unit[], before: Unit | undefined, after: Unit | undefined): number {
  let cost = 0
  for (let index = 1; index < run.length; index += 1) {
    const left = run[index - 1] as Unit
    const right = run[index] as Unit
    if (left.char !== right.char && (ODD.has(left.char) || ODD.has(right.char)) && !(COMMON_PUNCTUATION.has(left.char) && COMMON_PUNCTUATION.has(right.char))) cost += 1
  }
  const afterLetter = isLetter(before?.kind)
  const beforeLetter = isLetter(after?.kind)
  if (afterLetter && beforeLetter) return cost + (run.length === 1 && MIDWORD.has(run[0]?.char ?? '') ? 0 : 1 + 2 * run.length)
  if (afterLetter) return cost + run.filter((unit) => ODD.has(unit.char) && !CLOSERS.has(unit.char)).length
  if (beforeLetter) return cost + run.filter((unit) => ODD.has(unit.char) && !OPENERS.has(unit.char)).length
  return cost
}

function symbolCost(units: readonly Unit[]): number {
  let cost = 0
  let index = 0
  while (index < units.length) {
    if (units[index]?.kind !== KIND.symbol) {
      index += 1
      continue
    }
    const start = index
    while (units[index]?.kind === KIND.symbol) index += 1
    cost += symbolRunCost(units.slice(start, index), units[start - 1], units[index])
  }
  return cost
}

/** How much `text` looks like mojibake; 0 for ordinary writing in any script. */
export function mojibakeCost(text: string): number {
  const units = unitsOf(text)
  return characterCost(units) + letterPairCost(units) + symbolCost(units)
}
