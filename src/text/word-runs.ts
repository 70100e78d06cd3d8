/**
 * Counting words as runs of letters and runs of digits ("don't" is two, "C++ 11" two), the
 * measure the line joins and verse checks use for "a line of prose" and "a short line".
 */
import { isAscii, isAsciiDigit, isAsciiLetter } from './ascii-text.ts'

/** Runs of letters and runs of digits, as /\p{L}+|\p{N}+/gu counts them (by hand for ASCII: every line of a page is counted). */
export function wordRuns(text: string): number {
  if (!isAscii(text)) return text.match(/\p{L}+|\p{N}+/gu)?.length ?? 0
  let count = 0
  let previous = 0
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at)
    const kind = isAsciiLetter(code) ? 1 : isAsciiDigit(code) ? 2 : 0
    if (kind !== 0 && kind !== previous) count += 1
    previous = kind
  }
  return count
}
