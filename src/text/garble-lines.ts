/**
 * Repairs that join lines: a word hyphenated across a line break ("infor-\nmation") and a
 * sentence broken over two lines inside a paragraph. Both only act when the evidence is
 * strong (a lowercase continuation, a word list, a line that cannot end there), because
 * verse, lists, addresses and bylines also put short lines one under another.
 */
import { continuesSentence, paragraphShape } from './line-continuation.ts'
import { looksLikeVerse } from './verse.ts'
import type { JoinWords } from './line-continuation.ts'
import type { Lexicon } from './lexicon.ts'

/** One line of the text being repaired, with its 1-based line number in the input. */
export interface NumberedLine {
  text: string
  line: number
}

/** One repair, for the stage to report. */
export interface Repair {
  rule: 'hyphen-joined' | 'line-joined' | 'glue-split' | 'repeated-word' | 'punctuation-spacing'
  line: number
  actual: string
}

const HYPHEN_END = /(\p{L}+)-$/u
const LOWER_START = /^(\p{Ll}+)(?![\p{L}\p{N}])/u

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

/** Joins the hyphenated and broken lines of one paragraph, unless it reads as verse. */
function joinParagraph(lines: NumberedLine[], words: JoinWords | undefined, docWords: () => ReadonlySet<string>, repairs: Repair[]): NumberedLine[] {
  const texts = lines.map((line) => line.text)
  const verse = looksLikeVerse(texts)
  // A list (ingredients, steps, dashed or semicolon items) is not a sentence broken before an item.
  const shape = paragraphShape(texts)
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
