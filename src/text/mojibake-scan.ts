/**
 * Finds the places where a string could be UTF-8 bytes that were shown through a single-byte
 * code page: a character that is a lead byte (0xC2–0xF4) in that code page followed by the
 * right number of characters that are continuation bytes (0x80–0xBF), forming valid UTF-8.
 * Whether a place should really be repaired is decided elsewhere (mojibake-cost.ts).
 *
 * Lossy copies are common, so a continuation may also be: U+FFFD or "?" (a byte the first
 * decoder had no character for, e.g. 0x81, 0x8D, 0x8F, 0x90, 0x9D in windows-1252; the
 * repaired character is then U+FFFD), or a plain space standing for byte 0xA0 (a no-break
 * space that a later step turned into a space). CESU-8 pairs (a UTF-16 surrogate pair encoded
 * as two 3-byte sequences, as Java and MySQL's old `utf8` did) decode to one astral character.
 */
import { KIND, kindOf, rarityOf } from './char-class.ts'
import { isContinuationByte, isLeadByte, LEAD_MASK } from './codepages.ts'
import type { CodePage } from './codepages.ts'

/** One place that decodes as UTF-8 in a given code page. Offsets are UTF-16 indexes. */
export interface SequenceMatch {
  start: number
  end: number
  /** The repaired character(s); U+FFFD when a byte was lost. */
  text: string
  /** Some byte was lost (U+FFFD or "?" in its place). */
  lossy: boolean
  /** A "?" stood for a lost byte (weaker evidence than U+FFFD). */
  question: boolean
  /** A plain space stood for byte 0xA0. */
  space: boolean
}

const LOST = -1

function sequenceLength(lead: number): number {
  return lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
}

/** Second-byte limits that rule out overlong forms and code points above U+10FFFF. */
function secondByteFits(lead: number, second: number, allowSurrogate: boolean): boolean {
  if (second === LOST) return true
  if (lead === 0xe0) return second >= 0xa0
  if (lead === 0xed) return allowSurrogate || second <= 0x9f
  if (lead === 0xf0) return second >= 0x90
  if (lead === 0xf4) return second <= 0x8f
  return true
}

function codePointOf(bytes: readonly number[]): number {
  const lead = bytes[0] ?? 0
  const length = bytes.length
  let code = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07)
  for (let index = 1; index < length; index += 1) code = (code << 6) | ((bytes[index] ?? 0) & 0x3f)
  return code
}

interface RawSequence {
  bytes: number[]
  end: number
  question: boolean
  space: boolean
}

/** Reads lead + continuations at `index` as bytes of `page`, or undefined when they don't fit. */
function readBytes(line: string, index: number, page: CodePage): RawSequence | undefined {
  const lead = page.byteTable[line.charCodeAt(index)] ?? -1
  if (!isLeadByte(lead)) return undefined
  const bytes = [lead]
  let question = false
  let space = false
  for (let offset = 1; offset < sequenceLength(lead); offset += 1) {
    const code = line.charCodeAt(index + offset)
    const byte = Number.isNaN(code) ? -1 : (page.byteTable[code] ?? -1)
    if (isContinuationByte(byte)) bytes.push(byte)
    else if (code === 0xfffd) bytes.push(LOST)
    else if (code === 0x3f) {
      question = true
      bytes.push(LOST)
    } else if (code === 0x20) {
      space = true
      bytes.push(0xa0)
    } else return undefined
  }
  return { bytes, end: index + bytes.length, question, space }
}

/**
 * The character a sequence with one lost byte most likely was: the lost byte was one the code
 * page has no character for, so only a few candidates exist; when exactly one of them is a
 * common letter or mark (Japanese "の" is E3 81 AE, and 0x81 is undefined in windows-1252),
 * that is the answer. Otherwise U+FFFD: the character is gone.
 */
function guessLost(bytes: readonly number[], page: CodePage): string {
  const at = bytes.indexOf(LOST)
  if (at !== bytes.lastIndexOf(LOST) || bytes.length === 0) return '\uFFFD'
  const found: number[] = []
  for (const byte of page.lostBytes) {
    const filled = bytes.map((value, index) => (index === at ? byte : value))
    if (!secondByteFits(filled[0] ?? 0, filled[1] ?? 0, false)) continue
    const code = codePointOf(filled)
    const kind = kindOf(code)
    if (rarityOf(code) === 0 && (kind === KIND.mark || kind === KIND.upper || kind === KIND.lower || kind === KIND.letter)) found.push(code)
  }
  return found.length === 1 ? String.fromCodePoint(found[0] ?? 0xfffd) : '\uFFFD'
}

/** The UTF-8 sequence of `page` starting at `index`, if there is one. */
export function readSequence(line: string, index: number, page: CodePage): SequenceMatch | undefined {
  const raw = readBytes(line, index, page)
  if (raw === undefined) return undefined
  const [lead = 0, second = LOST] = raw.bytes
  if (!secondByteFits(lead, second, true)) return undefined
  const lossy = raw.bytes.includes(LOST)
  if (lossy) return { start: index, end: raw.end, text: guessLost(raw.bytes, page), lossy, question: raw.question, space: raw.space }
  const code = codePointOf(raw.bytes)
  // A stand-in space must have stood for a character of its own, not a combining mark.
  if (raw.space && kindOf(code) === KIND.mark) return undefined
  if (code < 0xd800 || code > 0xdfff) return { start: index, end: raw.end, text: String.fromCodePoint(code), lossy, question: raw.question, space: raw.space }
  if (code > 0xdbff) return undefined
  const low = readBytes(line, raw.end, page)
  if (low === undefined || low.bytes.includes(LOST) || low.bytes[0] !== 0xed) return undefined
  const lowCode = codePointOf(low.bytes)
  if (lowCode < 0xdc00 || lowCode > 0xdfff) return undefined
  const text = String.fromCharCode(code, lowCode)
  return { start: index, end: low.end, text, lossy, question: raw.question || low.question, space: raw.space || low.space }
}

/** All non-overlapping sequences of `page` in `line`, left to right. */
export function scanSequences(line: string, page: CodePage): SequenceMatch[] {
  const matches: SequenceMatch[] = []
  let index = 0
  while (index < line.length) {
    const match = ((LEAD_MASK[line.charCodeAt(index)] ?? 0) & page.bit) === 0 ? undefined : readSequence(line, index, page)
    if (match === undefined) index += 1
    else {
      matches.push(match)
      index = match.end
    }
  }
  return matches
}
