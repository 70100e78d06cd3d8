/**
 * Per-line features for finding the article in a text dump (drop-chrome's classifier and
 * dedupe-headers' title search): shape (words, sentence punctuation), how
 * prose-like the line is, which chrome phrase it matches, and which blank-line block it sits in.
 */
import { endsLikeSentence, wordsOf } from '../lines.ts'
import { DEFAULT_PROSE, isProseLine } from '../prose.ts'
import type { ProseThresholds } from '../prose.ts'
import { isCommentMetaLine } from '../chrome-match.ts'
import type { ChromeKind, ChromeMatcher } from '../chrome-match.ts'

/** What decides prose status, here: the shared thresholds and the menu-block size. */
export interface FeatureThresholds extends ProseThresholds {
  /** Blocks of at least this many lines, mostly short, hold no prose (0 turns this off). */
  menuBlockLines: number
}

/** Defaults measured on the development corpus. */
export const DEFAULT_FEATURES: Readonly<FeatureThresholds> = { ...DEFAULT_PROSE, menuBlockLines: 5 }

/** Everything the classifier knows about one line of the input. */
export interface LineInfo {
  /** 0-based index in the input lines. */
  index: number
  text: string
  blank: boolean
  words: number
  /** Ends like a sentence. */
  terminal: boolean
  /** Running prose: long enough, sentence-like, full of function words. */
  prose: boolean
  kind: ChromeKind | undefined
  /**
   * Signature, timestamp or reply button of a reader comment, when another one is near (comment
   * threads repeat them; a lone byline with a date above an article is not one of them).
   */
  meta: boolean
  /** Id of the blank-line-delimited block the line belongs to. */
  block: number
  /**
   * An item of a related-articles block: a short line after a "Related" heading in the same
   * block, or a teaser (a paragraph followed by "Read more", with the headline above it).
   */
  relatedItem: boolean
  /** Starts with a list marker written in the text ("- ", "• ", "1. "): authored, since innerText drops HTML bullets. */
  listItem: boolean
}

/** Non-blank lines within which another comment meta line makes a meta line part of a thread. */
const META_NEIGHBOURHOOD = 12

/** Clears `meta` on lines with no other meta line within {@link META_NEIGHBOURHOOD} non-blank lines. */
function keepRepeatedMeta(lines: LineInfo[]): void {
  const text = lines.filter((line) => !line.blank)
  const positions = text.flatMap((line, position) => (line.meta ? [position] : []))
  positions.forEach((position, order) => {
    const before = positions[order - 1]
    const after = positions[order + 1]
    const near = (before !== undefined && position - before <= META_NEIGHBOURHOOD) || (after !== undefined && after - position <= META_NEIGHBOURHOOD)
    if (!near) (text[position] as LineInfo).meta = false
  })
}

/** A list marker typed into the text: a dash, bullet or star, or a number with a period or bracket. */
const LIST_MARKER = /^(?:[-–—•·*▪►✓]|\d{1,2}[.)])\s+\S/u

/** Lines above a "Read more" link taken as its teaser (the summary and its headline). */
const TEASER_LINES = 2

/** Longest line (in words) taken as an item of a related-articles block. */
const RELATED_ITEM_WORDS = 25

/**
 * Prose inside a block of mostly (over 2/3) short lines is a menu entry with a description, a
 * teaser list or a sidebar, not article text: on the development corpus, 6% of such lines are
 * article text against 53% of prose lines standing alone. They lose their prose status, except
 * the block's last line: an article's first paragraph often follows its byline block directly.
 */
function demoteMenuBlockProse(lines: LineInfo[], minBlockLines: number): void {
  const blocks = new Map<number, LineInfo[]>()
  for (const line of lines) {
    if (line.blank) continue
    const block = blocks.get(line.block)
    if (block === undefined) blocks.set(line.block, [line])
    else block.push(line)
  }
  for (const block of blocks.values()) {
    if (block.length < minBlockLines) continue
    const short = block.filter((line) => !line.prose).length
    if (short * 3 <= block.length * 2) continue
    for (const line of block.slice(0, -1)) line.prose = false
  }
}

/** Marks teasers: the lines of a block followed by a "Read more" link, and the line above them. */
function markTeasers(lines: LineInfo[]): void {
  const text = lines.filter((line) => !line.blank)
  text.forEach((line, position) => {
    if (line.kind !== 'read-more') return
    for (let back = position - 1; back >= 0 && back >= position - TEASER_LINES; back -= 1) {
      const item = text[back] as LineInfo
      if (item.kind !== undefined) break
      item.relatedItem = true
      item.prose = false
    }
  })
}

/** Marks the short lines that follow a related-articles heading in the same block. */
function markRelatedItems(lines: LineInfo[]): void {
  let heading: LineInfo | undefined
  for (const line of lines) {
    if (line.kind === 'related') heading = line
    else if (heading !== undefined && !line.blank && line.block === heading.block && line.words <= RELATED_ITEM_WORDS && line.kind === undefined) {
      line.relatedItem = true
      line.prose = false
    } else heading = undefined
  }
}

/** Computes the features of every line; blank lines get zeroed features. */
export function lineFeatures(lines: readonly string[], match: ChromeMatcher, thresholds: FeatureThresholds): LineInfo[] {
  let block = 0
  let previousBlank = true
  const infos = lines.map((raw, index): LineInfo => {
    const text = raw.trim()
    const blank = text === ''
    if (!blank && previousBlank) block += 1
    previousBlank = blank
    const words = blank ? [] : wordsOf(text)
    const terminal = !blank && endsLikeSentence(text)
    const kind = blank ? undefined : match(text)
    return {
      index,
      text,
      blank,
      words: words.length,
      terminal,
      prose: !blank && kind === undefined && isProseLine(text, thresholds, words),
      kind,
      meta: !blank && isCommentMetaLine(text),
      block,
      relatedItem: false,
      listItem: !blank && LIST_MARKER.test(text),
    }
  })
  keepRepeatedMeta(infos)
  if (thresholds.menuBlockLines > 0) demoteMenuBlockProse(infos, thresholds.menuBlockLines)
  markRelatedItems(infos)
  markTeasers(infos)
  return infos
}
