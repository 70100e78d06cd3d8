/**
 * HTML → text from parser events (open tag, text, close tag) instead of a DOM, so a page is read
 * in one streaming pass with no tree built. Line breaks follow innerText, as in the text dumps
 * the text stages are built for: a `p` is set apart by a blank line, any other block (div, li,
 * h1, tr…) by a line break, `<br>` is a line break; breaks between blocks collapse to the
 * largest. Which elements count (blocks, pre, cells, invisible and non-text elements) is the
 * DOM walker's table (html-rules.ts). Landmark chrome is not dropped on the spot:
 * its text goes to separate chunks, so the caller can keep it when nothing else is left and
 * can put a headline back that sat in a page header.
 */
import { createBlockText } from '../../text/block-text.ts'
import type { BlockText } from '../../text/block-text.ts'
import { BLOCK_TAGS, CELL_TAGS, chromeKind, isContentScope, isHiddenBy, NON_TEXT_TAGS, PARAGRAPH_TAGS, PREFORMATTED_TAGS } from './html-rules.ts'
import type { AttributeReader } from './html-rules.ts'

/** A form that is chrome unless its text is over a share of the page's (known only at the end). */
export interface FormRegion {
  start: number
  length: number
}

/** A landmark left out as chrome; `scoped` for a page-level header or footer. */
export interface ChromeRegion {
  scoped: boolean
}

/** Consecutive paragraphs that share one chrome status. */
export interface TextChunk {
  paragraphs: string[]
  /** The chrome landmark (nav, aside, page header/footer, chrome role) around the chunk. */
  region?: ChromeRegion
  /** The candidate forms around the chunk. */
  forms: FormRegion[]
  /** Set when the chunk is one h1-h3 heading inside chrome (a headline the page header holds). */
  heading?: boolean
  /** Line breaks before the chunk's first text: 1 continues the previous paragraph, 2 starts one. */
  join: number
}

/** What the reader produced: chunks in page order and the page's raw text length (as `textContent`). */
export interface SaxText {
  chunks: TextChunk[]
  pageLength: number
}

/** Per-element flags pushed on open and undone on close. */
const SKIP = 1
const CHROME = 2
const FORM = 4
const SCOPE = 8
const PRE = 16
const HEAD = 32
const HEADING = 64
const QUIET = 128

const HEADING_TAGS = new Set(['h1', 'h2', 'h3'])

/** The reader's state for one page. */
interface State {
  writer: BlockText
  chunks: TextChunk[]
  flags: number[]
  skip: number
  region: ChromeRegion | undefined
  scopes: number
  pre: number
  head: number
  forms: FormRegion[]
  raw: number
  ariaHidden: boolean
  /** Required line breaks (innerText) waiting for the next text: 0, 1 or 2. */
  pending: number
  /** The breaks before the current chunk's first text, once it has some. */
  join: number | undefined
}

/** Options of {@link createSaxText}. */
export interface SaxTextOptions {
  /** Also leave out `aria-hidden="true"` elements (icons, duplicated labels). */
  ariaHidden: boolean
}

/** The event sink a parser drives; {@link SaxTextReader.finish} returns the chunks. */
export interface SaxTextReader {
  open(tag: string, attribute: AttributeReader): void
  close(tag: string): void
  text(value: string): void
  finish(): SaxText
}

/** Creates a reader for one page. */
export function createSaxText(options: SaxTextOptions): SaxTextReader {
  const state: State = { writer: createBlockText(), chunks: [], flags: [], skip: 0, region: undefined, scopes: 0, pre: 0, head: 0, forms: [], raw: 0, ariaHidden: options.ariaHidden, pending: 0, join: undefined }
  return {
    open: (tag, attribute) => open(state, tag, attribute),
    close: (tag) => close(state, tag),
    text: (value) => text(state, value),
    finish() {
      cut(state, false)
      return { chunks: state.chunks, pageLength: state.raw }
    },
  }
}

/** Characters that are not collapsible whitespace: text that a browser would show. */
const VISIBLE = /[^ \t\n\r\f\u00A0]/

function text(state: State, value: string): void {
  if (state.head === 0) state.raw += value.length
  if (state.skip > 0) return
  if (state.pre > 0) {
    if (value.length > 0) flushBreaks(state)
    state.writer.preformatted(value)
    return
  }
  if (VISIBLE.test(value)) flushBreaks(state)
  state.writer.text(value)
}

/** Writes the pending required breaks before visible text (none at a chunk's start). */
function flushBreaks(state: State): void {
  state.join ??= state.pending
  if (state.pending >= 2) state.writer.blockBreak()
  else if (state.pending === 1) state.writer.lineBreak()
  state.pending = 0
}

/** Asks for at least `count` line breaks before the next text. */
function requireBreaks(state: State, tag: string): void {
  const count = PARAGRAPH_TAGS.has(tag) ? 2 : 1
  if (count > state.pending) state.pending = count
}

function open(state: State, tag: string, attribute: AttributeReader): void {
  if (state.skip > 0) return void state.flags.push(QUIET)
  if (NON_TEXT_TAGS.has(tag) || isHiddenBy(attribute) || (state.ariaHidden && attribute('aria-hidden') === 'true')) {
    state.skip += 1
    if (tag === 'head') state.head += 1
    return void state.flags.push(SKIP | (tag === 'head' ? HEAD : 0))
  }
  let flags = landmark(state, tag, attribute)
  if (isContentScope(tag, attribute)) {
    flags |= SCOPE
    state.scopes += 1
  }
  if (tag === 'br') {
    flushBreaks(state)
    state.writer.lineBreak()
  } else if (BLOCK_TAGS.has(tag)) requireBreaks(state, tag)
  else if (CELL_TAGS.has(tag)) state.writer.separate()
  if (PREFORMATTED_TAGS.has(tag)) {
    flags |= PRE
    state.pre += 1
  }
  if (HEADING_TAGS.has(tag) && (state.region !== undefined || state.forms.length > 0)) {
    cut(state, false)
    flags |= HEADING
  }
  state.flags.push(flags)
}

/** Starts a chrome or form region (cutting the chunk there) and returns its flag. */
function landmark(state: State, tag: string, attribute: AttributeReader): number {
  if (state.region !== undefined) return 0
  const kind = chromeKind(tag, attribute)
  if (kind === 'chrome' || (kind === 'scoped' && state.scopes === 0)) {
    cut(state, false)
    state.region = { scoped: kind === 'scoped' }
    return CHROME
  }
  if (kind !== 'form') return 0
  cut(state, false)
  state.forms.push({ start: state.raw, length: -1 })
  return FORM
}

function close(state: State, tag: string): void {
  const flags = state.flags.pop() ?? 0
  if (flags === QUIET) return
  if ((flags & SKIP) !== 0) {
    state.skip -= 1
    if ((flags & HEAD) !== 0) state.head -= 1
    return
  }
  if ((flags & HEADING) !== 0) cut(state, true)
  closeBox(state, tag, flags)
  if ((flags & CHROME) !== 0) {
    cut(state, false)
    state.region = undefined
  }
  if ((flags & FORM) !== 0) {
    cut(state, false)
    const form = state.forms.pop()
    if (form !== undefined) form.length = state.raw - form.start
  }
  if ((flags & SCOPE) !== 0) state.scopes -= 1
}

/** The close-tag side of rendering: end the block or cell, leave preformatted text. */
function closeBox(state: State, tag: string, flags: number): void {
  if (BLOCK_TAGS.has(tag)) requireBreaks(state, tag)
  else if (CELL_TAGS.has(tag)) state.writer.separate()
  if ((flags & PRE) !== 0) state.pre -= 1
}

/** Ends the current chunk (its block included) and starts a new one. */
function cut(state: State, heading: boolean): void {
  const paragraphs = state.writer.finish()
  if (paragraphs.length > 0) {
    const chunk: TextChunk = { paragraphs, forms: [...state.forms], join: state.join ?? 2 }
    if (state.region !== undefined) chunk.region = state.region
    if (heading) chunk.heading = true
    state.chunks.push(chunk)
  }
  state.writer = createBlockText()
  state.join = undefined
}
