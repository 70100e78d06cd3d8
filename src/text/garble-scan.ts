/**
 * Hand scans of an ASCII line for what garble-detect.ts counts over the whole document: capitals
 * in mid-sentence and words typed twice. They find exactly what the ASCII patterns there find
 * (their tests compare the two), without a regex run with a look-behind and a back-reference
 * over every line of every English document.
 */
import { isAsciiDigit, isAsciiLetter } from './ascii-text.ts'

const SPACE = 32

/** A character a mid-sentence capital may follow, with one space between: `[A-Za-z0-9,;:)]`. */
const beforeCapital = (code: number): boolean => isAsciiLetter(code) || isAsciiDigit(code) || code === 44 || code === 59 || code === 58 || code === 41

/** A character that may not touch a doubled word: `[A-Za-z0-9'-]` (’ is not ASCII). */
const wordTouching = (code: number): boolean => isAsciiLetter(code) || isAsciiDigit(code) || code === 39 || code === 45

/** End of the run of ASCII letters from `at`. */
function lettersEnd(line: string, at: number): number {
  let end = at
  while (end < line.length && isAsciiLetter(line.charCodeAt(end))) end += 1
  return end
}

/** Calls `found` with every match of `(?<=[A-Za-z0-9,;:)] )[A-Z][a-zA-Z]*(?![A-Za-z0-9])` in the ASCII `line`, in order. */
export function eachMidCapital(line: string, found: (word: string) => void): void {
  for (let at = 2; at < line.length; at += 1) {
    const code = line.charCodeAt(at)
    if (code < 65 || code > 90 || line.charCodeAt(at - 1) !== SPACE || !beforeCapital(line.charCodeAt(at - 2))) continue
    const end = lettersEnd(line, at + 1)
    if (end < line.length && isAsciiDigit(line.charCodeAt(end))) continue
    found(line.slice(at, end))
    at = end
  }
}

/** True when line[from, from + length) equals line[at, at + length). */
function sameRun(line: string, from: number, at: number, length: number): boolean {
  for (let offset = 0; offset < length; offset += 1) if (line.charCodeAt(from + offset) !== line.charCodeAt(at + offset)) return false
  return true
}

/**
 * Calls `found` with the word of every match of `(?<![A-Za-z0-9'’-])([A-Za-z]+) \1(?![A-Za-z0-9'’-])`
 * in the ASCII `line`, in order: a letter run not touching a word, a space, the same letters, then
 * nothing that continues a word. Matches do not overlap ("the the the" is one).
 */
export function eachDouble(line: string, found: (word: string) => void): void {
  for (let at = 0; at < line.length; ) {
    if (!isAsciiLetter(line.charCodeAt(at)) || (at > 0 && wordTouching(line.charCodeAt(at - 1)))) {
      at += 1
      continue
    }
    const end = lettersEnd(line, at + 1)
    const next = end + 1 + (end - at)
    if (line.charCodeAt(end) === SPACE && next <= line.length && sameRun(line, at, end + 1, end - at) && !(next < line.length && wordTouching(line.charCodeAt(next)))) {
      found(line.slice(at, end))
      at = next
    } else at = end
  }
}
