/**
 * Repairs that join lines: a word hyphenated across a line break ("infor-\nmation") and a
 * sentence broken over two lines inside a paragraph. Both only act when the evidence is
 * strong (a lowercase continuation, a word list, a line that cannot end there), because
 * verse, lists, addresses and bylines also put short lines one under another.
 */
import { isAscii, isAsciiDigit, isAsciiLetter } from './ascii-text.ts'
import { NEVER_FINAL_DOTTED, PREPOSITIVE, SENTENCE_STARTERS } from './abbreviations.ts'
import { CONTINUES_LINE, CONTINUES_PROSE } from './english.ts'
import type { CaseCounts } from './garble-case.ts'
import type { Lexicon } from './lexicon.ts'

/** One line of the text being repaired, with its 1-based line number in the input. */
export interface NumberedLine {
  text: string
  line: number
}

/** The word lists the joins consult in English text: the lexicon, and the case list when loaded (garble-case.ts). */
export interface JoinWords {
  lexicon: Lexicon
  caseCounts?: ReadonlyMap<string, CaseCounts>
}

/** One repair, for the stage to report. */
export interface Repair {
  rule: 'hyphen-joined' | 'line-joined' | 'glue-split' | 'repeated-word' | 'punctuation-spacing'
  line: number
  actual: string
}

const HYPHEN_END = /(\p{L}+)-$/u
const LOWER_START = /^(\p{Ll}+)(?![\p{L}\p{N}])/u
const LIST_START = /^(?:[-*•▪◦‣⁃–—]|\d{1,3}[.)]|\p{L}[.)]\s)/u

/**
 * True when `text` ends in one of `stops` and then only `closers` (the two sets share no
 * character): what /[stops][closers]*$/u says, read backwards from the end instead of by a
 * pattern that V8 tries at every position of the line.
 */
function endsWithStop(text: string, stops: string, closers: string): boolean {
  let at = text.length - 1
  while (at >= 0 && closers.includes(text.charAt(at))) at -= 1
  return at >= 0 && stops.includes(text.charAt(at))
}

/** The line ends a sentence: /[.!?…:;。！？]["'”’»)\]]*$/u. */
const terminal = (text: string): boolean => endsWithStop(text, '.!?…:;。！？', '"\'”’»)]')

/** True when the last character of `text` matches `pattern` (one character, anchored with $): tested on the last two code units only. */
const lastCharIs = (text: string, pattern: RegExp): boolean => pattern.test(text.slice(-2))


/** Runs of letters and runs of digits, as /\p{L}+|\p{N}+/gu counts them (by hand for ASCII). */
function wordCount(text: string): number {
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

/** "well-known" stays hyphenated, "infor-mation" is joined; the document's own spelling wins. */
function keepsHyphen(left: string, right: string, lexicon: Lexicon, docWords: () => ReadonlySet<string>): boolean {
  const joined = `${left}${right}`.toLowerCase()
  const hyphenated = `${left}-${right}`.toLowerCase()
  if (docWords().has(hyphenated)) return true
  if (docWords().has(joined) || lexicon.isWord(joined, 2)) return false
  return lexicon.isWord(left, 3) && lexicon.isWord(right, 3)
}

/** The merged line when `upper` ends in a hyphenated fragment that `lower` completes. */
function hyphenMerge(upper: string, lower: string, lexicon: Lexicon, docWords: () => ReadonlySet<string>): string | undefined {
  const top = upper.trimEnd()
  if (!top.endsWith('-')) return undefined
  const fragment = HYPHEN_END.exec(top)
  const rest = lower.trimStart()
  const completion = LOWER_START.exec(rest)
  if (fragment === null || completion === null || /^\s/u.test(lower)) return undefined
  const left = fragment[1] as string
  const hyphen = keepsHyphen(left, completion[1] as string, lexicon, docWords) ? '-' : ''
  return `${top.slice(0, -1)}${hyphen}${rest}`
}

/**
 * A capitalised word that is a name, not a common word or a usual sentence opener. The word
 * list alone takes a word mostly seen capitalised for a name, which sentence openers such as
 * "According" also are; the case list knows them in lowercase inside sentences.
 */
function startsWithName(text: string, words: JoinWords | undefined): boolean {
  const word = /^\p{Lu}[\p{Ll}'’]+/u.exec(text)?.[0]
  const lower = word?.toLowerCase()
  if (word === undefined || lower === undefined || words === undefined || SENTENCE_STARTERS.has(lower) || words.caseCounts?.has(lower) === true) return false
  return !words.lexicon.isCommonLowercase(word)
}

/** Abbreviations a lowercase phrase may follow ("press vs.⏎what gets written"); "St." or "Dr." are followed by a name. */
const BEFORE_PHRASE = new Set(['vs', 'viz', 'cf', 'incl', 'excl', 'resp', ...NEVER_FINAL_DOTTED])

/** The abbreviation the line ends in when a name or phrase must follow it ("Mr.", "i.e."), else undefined. */
function endsInPrepositive(text: string): string | undefined {
  if (!text.endsWith('.')) return undefined
  const word = /(?:^|\s)\(?([\p{L}.]+)\.$/u.exec(text)?.[1]?.toLowerCase()
  return word !== undefined && (PREPOSITIVE.has(word) || NEVER_FINAL_DOTTED.has(word)) ? word : undefined
}

/** How `lower` starts: a lowercase word, a capital, a number, a dash or bracket. */
function startKind(lower: string): 'lower' | 'upper' | 'number' | 'dash' | 'other' {
  if (/^\p{Ll}/u.test(lower)) return 'lower'
  if (/^\p{Lu}/u.test(lower)) return 'upper'
  if (/^[$€£¥]?\d/u.test(lower)) return 'number'
  if (/^[–—(]/u.test(lower)) return 'dash'
  return 'other'
}

/**
 * Lines that stand alone even in lowercase: bylines ("By The Associated Press"; lowercase "by
 * the number of …" is no byline), datelines, addresses, a site's domain ("guardian.co.uk,
 * Monday 29 October"; "e.g." is no domain).
 */
const STANDS_ALONE = /^(?:By\s|by(?!\s+(?:the|a|an|this|that|these|those|their|his|her|its|our|my|your|far|now|then|way)\b)|[Pp]osted|[Uu]pdated|[Pp]ublished|[Ww]ritten|[Ff]iled|https?:|www\.|[\p{Ll}\d-]{3,}(?:\.[\p{Ll}]{2,})+(?![\p{L}\d]))/u

/**
 * A line that {@link STANDS_ALONE}, unless it is "by" and a lowercase word running on to a
 * sentence's stop ("by swiping from the lock screen."): a byline names someone and has no stop.
 */
function standsAlone(lower: string): boolean {
  return STANDS_ALONE.test(lower) && !(/^by \p{Ll}/u.test(lower) && terminal(lower.trimEnd()))
}

/**
 * A capitalised continuation: a long unfinished line, then a name and more lowercase words. A
 * line that stops on a capitalised word ("the Dodd-Frank Wall Street") is a name cut in two when
 * the next starts with one more capitalised word that no sentence starts with ("Reform and
 * Consumer Protection Act …") and goes on as a sentence to its stop.
 */
function nameContinues(top: string, lower: string, words: JoinWords | undefined): boolean {
  if (!lastCharIs(top, /\p{Ll}$/u) || wordCount(top) < 8 || top.includes(':') || looksLikeTitle(top)) return false
  if (startsWithName(lower, words)) return lowercaseWords(lower) >= 3
  // The second half must not be a common word, which would open the sentence after a caption ("… in Washington⏎Officials said").
  const first = /^\p{Lu}[\p{L}'’]*/u.exec(lower)?.[0]
  const nameCut = /(?:^|\s)\p{Lu}[\p{L}'’-]*$/u.test(top)
  if (!nameCut || first === undefined || SENTENCE_STARTERS.has(first.toLowerCase()) || words?.lexicon.isCommonLowercase(first) !== false) return false
  return lowercaseWords(lower) >= 3 && terminal(lower.trimEnd())
}

/** Words of `line` that start in lowercase. */
function lowercaseWords(line: string): number {
  return line.match(/(?:^|\s)\p{Ll}+/gu)?.length ?? 0
}

/** Lines that are not a sentence's first half: a separator bar or a URL (menus, bylines, tweets). */
const NOT_PROSE = /\||:\/\//u

/** A line of at least five words of prose: not a title, no separator bar, no URL. */
function proseLine(top: string): boolean {
  return wordCount(top) >= 5 && !looksLikeTitle(top) && !NOT_PROSE.test(top)
}

/** The part of `top` after its last sentence stop: the sentence the line leaves unfinished ("… with us? Log in" → "Log in"). */
function unfinishedSentence(top: string): string {
  const stop = Math.max(top.lastIndexOf('. '), top.lastIndexOf('? '), top.lastIndexOf('! '))
  return stop === -1 ? top : top.slice(stop + 2)
}

/** An unfinished line of prose that ends in a number, not a date, year or time ("There are about 45,000⏎nurse…"). */
function endsInQuantity(top: string): boolean {
  if (!lastCharIs(top, /\p{N}$/u) || /(?:\b(?:19|20)\d\d|\d[/.-]\d+[/.-]\d+|\d:\d\d)$/u.test(top)) return false
  return proseLine(top)
}

/**
 * A number inside a sentence: an unfinished line of prose (no separator bar, no URL), then a
 * number, lowercase words and the sentence's end ("since age⏎9 with keeping his cattle safe.").
 */
function numberContinues(top: string, lower: string): boolean {
  if (!lastCharIs(top, /\p{Ll}$/u) || !proseLine(top)) return false
  return /^\S+ \p{Ll}/u.test(lower) && lowercaseWords(lower) >= 3 && terminal(lower.trimEnd())
}

/**
 * A spaced dash between two halves of a sentence, at the end of the first line ("is intentional
 * –⏎it takes …") or the start of the second: prose on both sides, going on in lowercase to the
 * sentence's stop. A hyphen-minus is left alone (it may be a word cut at the line's end).
 */
function dashContinues(top: string, lower: string): boolean {
  const dashEnd = /\s[–—]$/u.test(top)
  const dashStart = /^[–—]\s+\p{Ll}/u.test(lower) && lastCharIs(top, /\p{Ll}$/u) && wordCount(top) >= 8
  if (!dashEnd && !dashStart) return false
  return proseLine(top.replace(/\s[–—]$/u, '')) && (dashStart || /^\p{Ll}/u.test(lower)) && wordCount(lower) >= 3 && terminal(lower.trimEnd())
}

/** What marks a paragraph as a list: two or more lines opening with a number or a dash, or ending in a semicolon. */
interface ParagraphShape {
  numbered: boolean
  dashed: boolean
  semicolons: boolean
}

function paragraphShape(lines: readonly NumberedLine[]): ParagraphShape {
  const count = (test: (text: string) => boolean): number => lines.filter((line) => test(line.text)).length
  return {
    numbered: count((text) => startKind(text) === 'number') >= 2,
    dashed: count((text) => /^[-–—]\s/u.test(text)) >= 2,
    semicolons: count((text) => text.trimEnd().endsWith(';')) >= 2,
  }
}

/** True when `lower` continues the sentence that `upper` leaves unfinished, in a paragraph of `shape`. */
function continuesSentence(upper: string, lower: string, words: JoinWords | undefined, shape: ParagraphShape): boolean {
  const top = upper.trimEnd()
  if (/^\s/u.test(lower)) return false
  if (!shape.dashed && dashContinues(top, lower)) return true
  if (lastCharIs(top, /[-–—]$/u) || LIST_START.test(lower) || standsAlone(lower)) return false
  const kind = startKind(lower)
  const abbreviation = endsInPrepositive(top)
  if (abbreviation !== undefined) return kind === 'upper' || (kind === 'lower' && BEFORE_PHRASE.has(abbreviation))
  if (top.endsWith(':') || (top.endsWith(';') && !shape.semicolons)) return kind === 'lower' && terminal(lower.trimEnd()) && wordCount(lower) >= 3
  if (terminal(top)) return false
  const last = /(\p{L}+)[^\p{L}\p{N}]*$/u.exec(top)?.[1] ?? ''
  const strong = CONTINUES_LINE.has(last) || (CONTINUES_PROSE.has(last) && proseLine(unfinishedSentence(top))) || (top.endsWith(',') && wordCount(top) >= 4)
  // After "the", "of" and the like, a quoted word goes on too ("is called the⏎'reloading hypothesis'").
  if (strong) return kind !== 'other' || /^["'“‘«]\p{L}/u.test(lower)
  // A comma inside a closing quote, then its attribution ("… after that,"⏎Hauck says."), not a title.
  if (/,["'”’»]+$/u.test(top) && wordCount(top) >= 4) return kind === 'lower' || (kind === 'upper' && /^\S+\s+\p{Ll}/u.test(lower))
  // Two lowercase lines without a stop are list items ("you will understand them⏎they will understand you").
  if (kind === 'lower') return (lastCharIs(top, /[\p{L},)]$/u) ? wordCount(top) >= 2 : endsInQuantity(top)) && (terminal(lower.trimEnd()) || (wordCount(lower) >= 5 && !/^\p{Ll}/u.test(top)))
  if (kind === 'number') return !shape.numbered && numberContinues(top, lower)
  if (kind === 'dash') return lastCharIs(top, /[\p{Ll},]$/u) && wordCount(top) >= 4 && !looksLikeTitle(top)
  return kind === 'upper' && nameContinues(top, lower, words)
}

/** Headings capitalise most words ("Cities In Ukraine Are Bombed"). */
function looksLikeTitle(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? []
  return words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 > words.length
}

/** Verse, lists and addresses: three or more lines, all of them short, most without a stop. */
function looksLikeVerse(lines: readonly string[]): boolean {
  if (lines.length < 3) return false
  const longest = Math.max(...lines.map(wordCount))
  const stopped = lines.filter((line) => endsWithStop(line.trimEnd(), '.!?', '"\'”’)]')).length
  return longest < 12 && stopped * 2 < lines.length
}

function joinParagraph(lines: NumberedLine[], words: JoinWords | undefined, docWords: () => ReadonlySet<string>, repairs: Repair[]): NumberedLine[] {
  const verse = looksLikeVerse(lines.map((line) => line.text))
  // A list (ingredients, steps, dashed or semicolon items) is not a sentence broken before an item.
  const shape = paragraphShape(lines)
  const out: NumberedLine[] = []
  for (const line of lines) {
    const previous = out[out.length - 1]
    const merged = previous === undefined || words === undefined ? undefined : hyphenMerge(previous.text, line.text, words.lexicon, docWords)
    if (previous !== undefined && merged !== undefined) {
      repairs.push({ rule: 'hyphen-joined', line: previous.line, actual: `${previous.text.trimEnd().slice(-30)}⏎${line.text.trimStart().slice(0, 30)}` })
      previous.text = merged
    } else if (previous !== undefined && !verse && continuesSentence(previous.text, line.text, words, shape)) {
      repairs.push({ rule: 'line-joined', line: previous.line, actual: `${previous.text.trimEnd().slice(-30)}⏎${line.text.slice(0, 30)}` })
      previous.text = `${previous.text.trimEnd()} ${line.text.trimStart()}`
    } else out.push({ ...line })
  }
  return out
}

/** Splits text into numbered lines (1-based), the form every repair pass works on. */
export function numberLines(text: string): NumberedLine[] {
  return text.split('\n').map((content, index) => ({ text: content, line: index + 1 }))
}

/**
 * Joins hyphenated and broken lines inside each paragraph (blank lines are kept as they are).
 * Without word lists (text that is not English) only broken lines are joined.
 */
export function joinLines(lines: readonly NumberedLine[], words: JoinWords | undefined, repairs: Repair[]): NumberedLine[] {
  // Only a hyphenated line end needs the document's words, so they are gathered on first use.
  let seen: ReadonlySet<string> | undefined
  const docWords = (): ReadonlySet<string> => (seen ??= new Set(lines.map((line) => line.text).join('\n').toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []))
  const result: NumberedLine[] = []
  let paragraph: NumberedLine[] = []
  const flush = (): void => {
    result.push(...joinParagraph(paragraph, words, docWords, repairs))
    paragraph = []
  }
  for (const line of lines) {
    if (line.text.trim() === '') {
      flush()
      result.push(line)
    } else paragraph.push(line)
  }
  flush()
  return result
}
