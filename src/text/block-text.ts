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

/** Creates an empty builder; one per converted tree. */
export function createBlockText(): BlockText {
  const paragraphs: string[] = []
  let parts: string[] = []
  let lineHasContent = false
  let pendingSpace = false

  const write = (value: string): void => {
    if (pendingSpace && lineHasContent) parts.push(' ')
    pendingSpace = false
    parts.push(value)
    lineHasContent = true
  }
  const flush = (): void => {
    if (parts.length > 0) pushParagraphs(paragraphs, parts.join(''))
    parts = []
    lineHasContent = false
    pendingSpace = false
  }
  return {
    text(value) {
      const collapsed = value.replace(COLLAPSIBLE, ' ')
      if (collapsed.length === 0) return
      const start = collapsed.startsWith(' ') ? 1 : 0
      const trailing = collapsed.length > start && collapsed.endsWith(' ')
      const body = collapsed.slice(start, trailing ? -1 : undefined)
      if (start === 1) pendingSpace = true
      if (body.length > 0) write(body)
      if (trailing) pendingSpace = true
    },
    preformatted(value) {
      const normalized = value.replace(/\r\n?/g, '\n')
      if (normalized.length === 0) return
      write(normalized)
      lineHasContent = !normalized.endsWith('\n')
    },
    lineBreak() {
      parts.push('\n')
      lineHasContent = false
      pendingSpace = false
    },
    separate() {
      if (lineHasContent) pendingSpace = true
    },
    blockBreak: flush,
    finish() {
      flush()
      return paragraphs
    },
  }
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
