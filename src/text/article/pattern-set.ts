/**
 * Tests a line against many regexes at once, for the chrome tables (`chrome-phrases.ts`): the
 * patterns are merged into a few combined regexes, and a combined regex whose every pattern needs
 * one of a few plain words (read off the pattern itself: `\bcookies?` needs "cookie") is only run
 * on lines whose lowercased text holds one of them. Most lines hold none and cost a substring scan.
 */

/** Matches a line (and its lowercased form) when any of the patterns of the set does. */
export type PatternSet = (line: string, lower: string) => boolean

/** True when `source` has a `|` outside groups and classes. */
function alternatesAtTop(source: string): boolean {
  let depth = 0
  let inClass = false
  for (let index = 0; index < source.length; index += 1) {
    const char = source.charAt(index)
    if (char === '\\') index += 1
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth += 1
    else if (char === ')') depth -= 1
    else if (char === '|' && depth === 0) return true
  }
  return false
}

const QUANTIFIERS = '?*{'

/** The plain lowercase ASCII words and spaces `source` starts with, up to the first character that is not one or is optional. */
function literalPrefix(source: string): string {
  let end = 0
  while (end < source.length && /[a-z ]/i.test(source.charAt(end))) end += 1
  if (end < source.length && QUANTIFIERS.includes(source.charAt(end))) end -= 1
  return source.slice(0, Math.max(end, 0)).toLowerCase()
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0
  for (let index = open; index < source.length; index += 1) {
    const char = source.charAt(index)
    if (char === '\\') index += 1
    else if (char === '(') depth += 1
    else if (char === ')' && (depth -= 1) === 0) return index
  }
  return -1
}

/** Plain words the first element of `source` (a group of plain alternatives) needs one of, if it is such a group. */
function groupWords(source: string): string[] | undefined {
  const close = closingParen(source, 0)
  if (close < 0 || QUANTIFIERS.includes(source.charAt(close + 1))) return undefined
  const inner = source.slice(source.startsWith('(?:') ? 3 : 1, close)
  if (inner.includes('(')) return undefined
  const words = inner.split('|').map(literalPrefix)
  return words.every((word) => word.trim().length >= 3) ? words : undefined
}

/** The longest run of plain words outside groups and classes (so not optional), or ''. */
function longestTopLevelRun(source: string): string {
  let best = ''
  for (let index = 0; index < source.length; ) {
    const char = source.charAt(index)
    if (char === '(') index = closingParen(source, index) + 1 || source.length
    else if (char === '[') index = source.indexOf(']', index + 1) + 1 || source.length
    else if (char === '\\') index += 2
    else if (/[a-z ]/i.test(char)) {
      const run = literalPrefix(source.slice(index))
      if (run.trim().length > best.trim().length) best = run
      index += Math.max(run.length, 1)
    } else index += 1
  }
  return best
}

/**
 * Words one of which every match of a case-insensitive (non-Unicode) pattern contains: its
 * first element after `\b` when that is a plain word or a group of alternatives each starting
 * with one, else its longest run of plain words outside any group. Undefined when there is none
 * of at least three letters (then the pattern is always run).
 */
export function requiredWords(pattern: RegExp): string[] | undefined {
  if (pattern.flags.includes('u') || alternatesAtTop(pattern.source)) return undefined
  const source = pattern.source.replace(/^\\b/, '')
  const words = source.startsWith('(') ? groupWords(source) : undefined
  if (words !== undefined) return words
  const prefix = source.startsWith('(') ? '' : literalPrefix(source)
  const run = prefix.trim().length >= 3 ? prefix : longestTopLevelRun(source)
  return run.trim().length >= 3 ? [run] : undefined
}

/** A pattern's first character when it is a required literal without case ("©"): no line lacking it can match. */
function leadingLiteral(source: string): string | undefined {
  const first = source.charAt(0)
  if (!/^[^\\^$.*+?()[\]{}|\p{L}\p{N}\s]$/u.test(first) || QUANTIFIERS.includes(source.charAt(1)) || source.length < 2 || alternatesAtTop(source)) return undefined
  return first
}

interface Group {
  flags: string
  /** On the line: a caseless character; on the lowercased line: any of some words. */
  char: string | undefined
  words: string[] | undefined
  sources: string[]
}

/** Which combined regex a pattern joins: same flags, same anchoring, same kind of precondition. */
function groupName(pattern: RegExp, char: string | undefined, words: string[] | undefined): string {
  const anchored = pattern.source.startsWith('^')
  return `${pattern.flags} ${anchored ? '^' : ''} ${char ?? ''} ${words === undefined ? '' : 'words'}`
}

/**
 * A set of patterns tested as a few combined regexes (anchored patterns apart, as the engine
 * tries those at the first position only). Only for `test`: group numbers shift, so patterns
 * with back-references are refused.
 */
export function patternSet(patterns: readonly RegExp[]): PatternSet {
  const groups = new Map<string, Group>()
  for (const pattern of patterns) {
    if (/\\[1-9]|\\k</.test(pattern.source) || pattern.global || pattern.sticky) throw new Error(`Cannot combine ${String(pattern)}`)
    const anchored = pattern.source.startsWith('^')
    const char = anchored ? undefined : leadingLiteral(pattern.source)
    const words = anchored || char !== undefined ? undefined : requiredWords(pattern)
    const name = groupName(pattern, char, words)
    const group = groups.get(name) ?? { flags: pattern.flags, char, words: words === undefined ? undefined : [], sources: [] }
    group.sources.push(`(?:${pattern.source})`)
    if (words !== undefined) group.words?.push(...words)
    groups.set(name, group)
  }
  const tests = [...groups.values()].map((group) => ({
    regex: new RegExp(group.sources.join('|'), group.flags),
    char: group.char,
    words: group.words === undefined ? undefined : new RegExp([...new Set(group.words)].join('|')),
  }))
  return (line, lower) => {
    for (const { regex, char, words } of tests) {
      if (char !== undefined && !line.includes(char)) continue
      if (words !== undefined && !words.test(lower)) continue
      if (regex.test(line)) return true
    }
    return false
  }
}
