/**
 * Builds plain text from a stream of rendering events (inline text, line breaks, block
 * boundaries), collapsing whitespace the way a browser lays out normal-flow text. It knows
 * nothing about the DOM, so any tree walker (HTML, feeds) can drive it.
 *
 * Output model of sluice: paragraphs joined by a blank line; a line break inside a paragraph
 * (`<br>`) is a single "\n"; two line breaks in a row start a new paragraph, as they look
 * like one on screen (stanzas of a poem, `<br><br>` separated blocks).
 */

/** Whitespace a browser collapses in normal flow; NBSP is folded too, as plain text has no use for it. */
const COLLAPSIBLE = /[ \t\n\r\f\u00A0]+/g
const BLANK_LINES = /\n(?:[ \t]*\n)+/

/** The events a tree walker sends; {@link BlockText.finish} returns the paragraphs. */
export interface BlockText {
  /** Normal-flow text: whitespace runs become one space, dropped at line starts and ends. */
  text(value: string): void
  /** Text inside `pre`-like elements: kept as is, line breaks included. */
  preformatted(value: string): void
  /** A forced line break (`<br>`). */
  lineBreak(): void
  /** A boundary between inline boxes that must not glue words (table cells). */
  separate(): void
  /** The end of a block (`p`, `div`, `li`…): whatever was written becomes paragraphs. */
  blockBreak(): void
  /** Closes the last block and returns every non-empty paragraph in order. */
  finish(): string[]
}

/** The builder's state: finished paragraphs and the block being written. */
interface State {
  paragraphs: string[]
  parts: string[]
  lineHasContent: boolean
  pendingSpace: boolean
}

/** Creates an empty builder; one per converted tree. */
export function createBlockText(): BlockText {
  const state: State = { paragraphs: [], parts: [], lineHasContent: false, pendingSpace: false }
  return {
    text: (value) => writeText(state, value),
    preformatted(value) {
      const normalized = value.replace(/\r\n?/g, '\n')
      if (normalized.length === 0) return
      write(state, normalized)
      state.lineHasContent = !normalized.endsWith('\n')
    },
    lineBreak() {
      state.parts.push('\n')
      state.lineHasContent = false
      state.pendingSpace = false
    },
    separate() {
      if (state.lineHasContent) state.pendingSpace = true
    },
    blockBreak: () => flush(state),
    finish() {
      flush(state)
      return state.paragraphs
    },
  }
}

/** Collapses whitespace; a space at either end is only remembered, written before the next word. */
function writeText(state: State, value: string): void {
  const collapsed = value.replace(COLLAPSIBLE, ' ')
  if (collapsed.length === 0) return
  const start = collapsed.startsWith(' ') ? 1 : 0
  const trailing = collapsed.length > start && collapsed.endsWith(' ')
  const body = collapsed.slice(start, trailing ? -1 : undefined)
  if (start === 1) state.pendingSpace = true
  if (body.length > 0) write(state, body)
  if (trailing) state.pendingSpace = true
}

/** Appends content, with the pending space when the line already has some. */
function write(state: State, value: string): void {
  if (state.pendingSpace && state.lineHasContent) state.parts.push(' ')
  state.pendingSpace = false
  state.parts.push(value)
  state.lineHasContent = true
}

function flush(state: State): void {
  if (state.parts.length > 0) pushParagraphs(state.paragraphs, state.parts.join(''))
  state.parts = []
  state.lineHasContent = false
  state.pendingSpace = false
}

/**
 * Splits one block's text on blank lines, trims line ends (and line starts outside
 * preformatted text, which never start with a space here) and keeps the non-empty pieces.
 */
function pushParagraphs(target: string[], block: string): void {
  for (const piece of block.split(BLANK_LINES)) {
    const lines = piece.split('\n').map((line) => line.trimEnd())
    while (lines.length > 0 && lines[0]?.trim() === '') lines.shift()
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
    if (lines.length > 0) target.push(lines.join('\n'))
  }
}
