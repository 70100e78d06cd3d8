/**
 * A sentence that goes on across a dash, a bracketed aside or a bracket or quotation left open
 * at a line break: three of the checks garble-lines.ts joins broken lines on (the others:
 * line-continuation.ts).
 */
import { lastCharIs, SPACED_DASH_END, terminal } from './line-ends.ts'
import { proseLine } from './prose-line.ts'
import { wordRuns } from './word-runs.ts'

/** A hyphen-minus opening a line, then a word that links it to the line above ("- to the readers"): a bullet opens with its item ("- fixed a crash"). */
const HYPHEN_THEN_LINK = /^-\s+(?:to|and|but|or|which|who|as|so|because|not|with|for|including|that|then|if|when|while|though|although|even|just|only|plus)\b/u

/**
 * A spaced dash between two halves of a sentence, at the end of the first line ("is intentional
 * –⏎it takes …") or the start of the second: prose on both sides, going on in lowercase to the
 * sentence's stop. A spaced hyphen-minus is a dash too, at the line's end ("the weather -⏎it has
 * been wet"; one right after a letter may be a word cut) or at its start before a linking word
 * ("the team⏎- to the readers"), unless the paragraph has two such lines (a list's bullets, see
 * paragraphShape) or the line above is code ("WHERE age > 18⏎-- only adults").
 */
export function dashContinues(top: string, lower: string): boolean {
  const dashEnd = SPACED_DASH_END.test(top)
  const opensWithDash = /^(?:[–—]|--)\s+\p{Ll}/u.test(lower) || HYPHEN_THEN_LINK.test(lower)
  const dashStart = opensWithDash && lastCharIs(top, /[\p{Ll}\p{N}]$/u) && wordRuns(top) >= 8 && !(lower.startsWith('-') && /[=<>{}]/u.test(top))
  if (!dashEnd && !dashStart) return false
  return proseLine(top.replace(SPACED_DASH_END, '')) && (dashStart || /^\p{Ll}/u.test(lower)) && wordRuns(lower) >= 3 && terminal(lower.trimEnd())
}

/** A bracketed aside of two words or more closing on its own "!" or "?" ("boards (because we can’t help ourselves!)"). */
const ASIDE_WITH_STOP = /\p{L}\s+\(([^()\s]+\s[^()]*[!?])\)$/u

/**
 * A sentence of prose going on after such an aside, on a linking word ("… ourselves!)⏎over the
 * last couple of weeks."); a menu's or shop's item under its note ("Lamb Vindaloo (very hot!)⏎
 * tender lamb …", "Free shipping (US only!)⏎ships within …") or a comment's next line stays apart.
 */
export function goesOnAfterAside(top: string, lower: string): boolean {
  const aside = ASIDE_WITH_STOP.exec(top)
  if (aside === null || !proseLine(top.slice(0, aside.index + 1))) return false
  return /^(?:over|and|but|or|so|to|in|on|at|for|with|from|by|until|since|after|before|because|which|as|than|then|while|during|into)\s/u.test(lower) && wordRuns(lower) >= 3 && terminal(lower.trimEnd())
}

/** Marks that open and close an aside or a quotation; a straight double quote does both. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [['(', ')'], ['“', '”'], ['«', '»'], ['"', '"']]

/** A straight quote stands an odd number of times: one of them is left open (or closes one left open). */
function odd(text: string, mark: string): boolean {
  let count = 0
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) count += 1
  return count % 2 === 1
}

/** Where the mark `open` the line leaves open stands, or -1. */
function leftOpen(top: string, open: string, close: string): number {
  const at = top.lastIndexOf(open)
  if (open === close) return odd(top, open) ? at : -1
  return at >= 0 && top.indexOf(close, at) < 0 ? at : -1
}

/**
 * A bracket or quotation the line leaves open before a word or number and the next line closes
 * ("Deb (of Smitten⏎Kitchen fame)’s new book", "define “Switch⏎On” days"); not a frowning face
 * and a smiling one (":(⏎… :)"), nor an excerpt cut off inside its bracket ("(and it was still
 * too sweet...").
 */
export function bracketContinues(top: string, lower: string): boolean {
  if (!/[(“«"]/u.test(top) || /(?:\.\.\.|…)$/u.test(top)) return false
  return PAIRS.some(([open, close]) => {
    const at = leftOpen(top, open, close)
    if (at < 0 || !/^[\p{L}\p{N}]/u.test(top.slice(at + 1))) return false
    const end = lower.indexOf(close)
    return end >= 0 && (open === close ? odd(lower, close) : !lower.slice(0, end).includes(open)) && !/[:;=][-^']?$/u.test(lower.slice(0, end))
  })
}
