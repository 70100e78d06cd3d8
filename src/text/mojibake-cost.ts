/**
 * A "badness" score for a short stretch of text: how much it looks like mojibake rather than
 * writing. Correct text in any language scores 0 or close to it; UTF-8 shown through a
 * single-byte code page scores high, because it puts symbols inside words ("rÃ©gime"),
 * switches case mid-word ("NicolÃ¡s"), mixes scripts within a word, and contains C1 controls
 * and rare characters. The repair only replaces text by a candidate that scores clearly lower.
 *
 * Weights (ours): C1 control 4; rare character 1–3 (char-rarity.ts); a symbol run between two
 * letters 1 + 2 per symbol (one apostrophe, hyphen or middle dot is fine); at a word's end or
 * start, 1 per mojibake symbol that is not punctuation there; two different mojibake symbols in
 * a row 1; a non-ASCII capital right after a lower-case letter 2; a lower-case letter among
 * capitals 2; letters of two scripts touching 2 (Latin-Greek 0.5, as in "IL2Rγ"); a non-Latin,
 * non-Greek letter glued to a digit 1; "Ã", "Ä" or "Å" followed by a windows-1252 letter from
 * its upper half ("ÄŒ") 2; a combining mark after a space 2, or an unusual one on a
 * Latin letter 1; "Ã" 2 and "Â" 1 (2 when alone): they are the windows-1252 lead bytes of the
 * whole Latin-1 range and rare as real letters.
 */
import { KIND, kindOf, rarityOf, SCRIPT, scriptOf } from './char-class.ts'
import type { Kind } from './char-class.ts'
import { CODE_PAGES } from './codepages.ts'

function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.codePointAt(0) ?? 0))
}

/** Symbols that close a word naturally: quotes, ellipsis, marks such as ™ ® ° ², ordinals. */
const CLOSERS = codes('’”“‘»«›‹…™®©°²³¹ªº¿¡´¨†‡‰¢€–—•·′″')
/** Symbols that open a word naturally: quotes, inverted marks, bullets, currency, maths. */
const OPENERS = codes('¿¡«»‹›„“”‘’‚•–—…€£¥§¶°µ©®¨´†±×÷√∞≈≤≥¬')
/** The only symbols that sit between two letters of one word: apostrophes, dots, hyphens. */
const MIDWORD = codes('’\'·‐‑\u00AD–—/‧・')
/** Everyday punctuation: two of these in a row ("…”") is normal. */
const COMMON_PUNCTUATION = codes('’”“‘„‚»«›‹…–—•©®™°¿¡€£$')

/**
 * The symbols mojibake is made of: every non-letter in the high half of the code pages the
 * repair knows (¢ ¤ ¦ § ¨ ± ´ ¶ ¸ ¼ × ƒ ˆ ‰ ˜ √ ∂ ≈ ├ ╨ ...). Other symbols (emoji, arrows,
 * music) are not suspicious where they stand.
 */
const ODD: ReadonlySet<number> = new Set(
  CODE_PAGES.flatMap((page) => [...page.byteOf.keys()]).filter((code) => code >= 0xa1 && kindOf(code) !== KIND.space && !isLetter(kindOf(code))),
)
/** Combining accents of living orthographies (Yoruba, Vietnamese, pinyin stack these freely). */
const COMMON_MARKS = /[\u0300-\u030C\u0323-\u0328\u0331]/u

/**
 * Ã Ä Å are the windows-1252 lead bytes of Latin-1 and Latin Extended-A letters, and Š Œ Ž š
 * œ ž Ÿ are windows-1252 continuation bytes; no orthography writes one after the other, so the
 * pair is mojibake even in capitals ("ÄŒ" is "Č", "ÃŸ" is "ß").
 */
const LEAD_CAPITALS = codes('ÃÄÅ')
const CP1252_LETTERS = codes('ŠŒŽšœžŸ')

const A_TILDE = 0xc3
const A_CIRCUMFLEX = 0xc2

interface Unit {
  code: number
  kind: Kind
}

function isLetter(kind: Kind | undefined): boolean {
  return kind === KIND.upper || kind === KIND.lower || kind === KIND.letter
}

function unitsOf(text: string): Unit[] {
  const units: Unit[] = []
  for (let index = 0; index < text.length; index += 1) {
    const code = text.codePointAt(index) ?? 0
    if (code > 0xffff) index += 1
    units.push({ code, kind: kindOf(code) })
  }
  return units
}

/** Cost of single characters: controls, rare characters, the suspicious "Ã" and lone "Â". */
function characterCost(units: readonly Unit[]): number {
  let cost = 0
  units.forEach((unit, index) => {
    if (unit.kind === KIND.control) cost += unit.code >= 0x80 ? 4 : 1
    else if (unit.kind !== KIND.space && unit.code !== 0xfffd) cost += rarityOf(unit.code)
    if (unit.code === A_TILDE) cost += 2
    if (unit.code === A_CIRCUMFLEX) cost += isLetter(units[index - 1]?.kind) || isLetter(units[index + 1]?.kind) ? 1 : 2
  })
  return cost
}

function scriptPairCost(left: Unit, right: Unit): number {
  const a = scriptOf(left.code)
  const b = scriptOf(right.code)
  if (a === b || a === SCRIPT.neutral || b === SCRIPT.neutral) return 0
  return (a === SCRIPT.latin && b === SCRIPT.greek) || (a === SCRIPT.greek && b === SCRIPT.latin) ? 0.5 : 2
}

/** A Latin letter with a mark it takes in some orthography, or that NFC composes with it. */
function composes(base: Unit, mark: Unit): boolean {
  const pair = String.fromCodePoint(base.code, mark.code)
  return COMMON_MARKS.test(pair) || [...pair.normalize('NFC')].length === 1
}

/** A letter of a non-Latin script glued to a digit ("4288ו"); Greek is exempt (units: "10μs"). */
function touchesDigit(unit: Unit, before: Unit, after: Unit | undefined): boolean {
  if (unit.code < 0x80 || !isLetter(unit.kind)) return false
  const script = scriptOf(unit.code)
  return script !== SCRIPT.latin && script !== SCRIPT.greek && (before.kind === KIND.digit || after?.kind === KIND.digit)
}

/** Cost of neighbouring letters: case switches and script mixing inside a word. */
function letterPairCost(units: readonly Unit[]): number {
  let cost = 0
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index] as Unit
    const before = units[index - 1]
    const after = units[index + 1]
    if (unit.kind === KIND.mark && (before === undefined || before.kind === KIND.space)) cost += 2
    if (unit.kind === KIND.mark && before !== undefined && before.code < 0x250 && isLetter(before.kind) && !composes(before, unit)) cost += 1
    if (before === undefined || !(isLetter(unit.kind) || unit.kind === KIND.mark)) continue
    if (isLetter(before.kind) || before.kind === KIND.mark) cost += scriptPairCost(before, unit)
    if (before.kind === KIND.lower && unit.kind === KIND.upper && unit.code >= 0x80) cost += 2
    if (unit.kind === KIND.lower && unit.code >= 0x80 && before.kind === KIND.upper && (after?.kind === KIND.upper || (after === undefined || !isLetter(after.kind)) && units[index - 2]?.kind === KIND.upper)) cost += 2
    if (touchesDigit(unit, before, after)) cost += 1
    if (LEAD_CAPITALS.has(before.code) && CP1252_LETTERS.has(unit.code)) cost += 2
  }
  return cost
}

/** Cost of one run of symbols inside a word, given what stands before and after it. */
function symbolRunCost(run: readonly Unit[], before: Unit | undefined, after: Unit | undefined): number {
  let cost = 0
  for (let index = 1; index < run.length; index += 1) {
    const left = run[index - 1] as Unit
    const right = run[index] as Unit
    if (left.code !== right.code && (ODD.has(left.code) || ODD.has(right.code)) && !(COMMON_PUNCTUATION.has(left.code) && COMMON_PUNCTUATION.has(right.code))) cost += 1
  }
  const afterLetter = isLetter(before?.kind)
  const beforeLetter = isLetter(after?.kind)
  if (afterLetter && beforeLetter) return cost + (run.length === 1 && MIDWORD.has(run[0]?.code ?? 0) ? 0 : 1 + 2 * run.length)
  if (afterLetter) return cost + run.filter((unit) => ODD.has(unit.code) && !CLOSERS.has(unit.code)).length
  if (beforeLetter) return cost + run.filter((unit) => ODD.has(unit.code) && !OPENERS.has(unit.code)).length
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
