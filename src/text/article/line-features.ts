/**
 * Per-line features for finding the article in a text dump (drop-chrome's classifier and
 * dedupe-headers' title search): what each line is on its own (`line-base.ts`), then what its
 * neighbours make of it: which blank-line block it sits in, whether its comment-meta shape is
 * part of a thread, whether it is prose in a menu block, an item of a related block or a teaser.
 */
import { DEFAULT_PROSE } from '../prose.ts'
import type { ProseThresholds } from '../prose.ts'
import type { ChromeKind, ChromeMatcher } from '../chrome-match.ts'
import { lineBase } from './line-base.ts'
import type { LineBase, LineHandover } from './line-base.ts'

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
  /** The line, trimmed. */
  text: string
  /** `comparable(text)`, for comparing lines. */
  key: string
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
  /** What the line is on its own (undefined for blank lines), to hand over to a later stage. */
  base: LineBase | undefined
}

/** Non-blank lines within which another comment meta line makes a meta line part of a thread. */
const META_NEIGHBOURHOOD = 12

/** Clears `meta` on lines with no other meta line within {@link META_NEIGHBOURHOOD} non-blank lines. */
function keepRepeatedMeta(lines: readonly LineInfo[]): void {
  const metas: LineInfo[] = []
  const positions: number[] = []
  let position = 0
  for (const line of lines) {
    if (line.blank) continue
    if (line.meta) {
      metas.push(line)
      positions.push(position)
    }
    position += 1
  }
  for (let order = 0; order < metas.length; order += 1) {
    const at = positions[order] as number
    const before = positions[order - 1]
    const after = positions[order + 1]
    const near = (before !== undefined && at - before <= META_NEIGHBOURHOOD) || (after !== undefined && after - at <= META_NEIGHBOURHOOD)
    if (!near) (metas[order] as LineInfo).meta = false
  }
}

/** Lines above a "Read more" link taken as its teaser (the summary and its headline). */
const TEASER_LINES = 2

/** Longest line (in words) taken as an item of a related-articles block. */
const RELATED_ITEM_WORDS = 25

/**
 * Prose inside a block of mostly (over 2/3) short lines is a menu entry with a description, a
 * teaser list or a sidebar, not article text: on the development corpus, 6% of such lines are
 * article text against 53% of prose lines standing alone. They lose their prose status, except
 * the block's last line: an article's first paragraph often follows its byline block directly.
 * A block is a run of non-blank lines.
 */
function demoteMenuBlockProse(lines: readonly LineInfo[], minBlockLines: number): void {
  for (let start = 0; start < lines.length; ) {
    if ((lines[start] as LineInfo).blank) {
      start += 1
      continue
    }
    let end = start
    let short = 0
    for (; end < lines.length && !(lines[end] as LineInfo).blank; end += 1) if (!(lines[end] as LineInfo).prose) short += 1
    const size = end - start
    if (size >= minBlockLines && short * 3 > size * 2) for (let index = start; index < end - 1; index += 1) (lines[index] as LineInfo).prose = false
    start = end
  }
}

/** Marks teasers: the non-blank lines right above a "Read more" link (up to the first chrome line). */
function markTeasers(lines: readonly LineInfo[]): void {
  lines.forEach((line, index) => {
    if (line.kind !== 'read-more') return
    let taken = 0
    for (let back = index - 1; back >= 0 && taken < TEASER_LINES; back -= 1) {
      const item = lines[back] as LineInfo
      if (item.blank) continue
      if (item.kind !== undefined) break
      item.relatedItem = true
      item.prose = false
      taken += 1
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

/**
 * Computes the features of every line; blank lines get zeroed features. `handover` (made with the
 * same matcher and thresholds) supplies the base features of the non-blank lines it lists in order.
 */
export function lineFeatures(lines: readonly string[], match: ChromeMatcher, thresholds: FeatureThresholds, handover?: LineHandover): LineInfo[] {
  let block = 0
  let previousBlank = true
  let position = 0
  const infos = lines.map((raw, index): LineInfo => {
    const text = raw.trim()
    const blank = text === ''
    if (!blank && previousBlank) block += 1
    previousBlank = blank
    if (blank) return { index, text, key: '', blank, words: 0, terminal: false, prose: false, kind: undefined, meta: false, block, relatedItem: false, listItem: false, base: undefined }
    const known = handover?.texts[position] === text ? handover.bases[position] : undefined
    position += 1
    const base = known ?? lineBase(text, match, thresholds)
    return { index, text, key: base.key, blank, words: base.words, terminal: base.terminal, prose: base.prose, kind: base.kind, meta: base.meta, block, relatedItem: false, listItem: base.listItem, base }
  })
  keepRepeatedMeta(infos)
  if (thresholds.menuBlockLines > 0) demoteMenuBlockProse(infos, thresholds.menuBlockLines)
  markRelatedItems(infos)
  markTeasers(infos)
  return infos
}

/** The base features of the lines whose `keep` flag is set, for the next stage (see {@link LineHandover}). */
export function handOver(infos: readonly LineInfo[], keep: readonly boolean[], config: string): LineHandover {
  const texts: string[] = []
  const bases: LineBase[] = []
  for (const info of infos) {
    if (info.base === undefined || keep[info.index] !== true) continue
    texts.push(info.text)
    bases.push(info.base)
  }
  return { config, texts, bases }
}
