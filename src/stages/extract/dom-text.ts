/**
 * DOM → plain text with structure: blocks become paragraphs, `<br>` a line break, `pre`
 * keeps its lines, table cells and rows stay apart, invisible and non-text elements vanish.
 * The walk is iterative (first child / next sibling / parent), so a page nested 100 000
 * levels deep cannot overflow the stack.
 */
import { createBlockText } from '../../text/block-text.ts'
import type { BlockText } from '../../text/block-text.ts'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** Elements that start and end a paragraph (the CSS `display: block`-like ones, plus rows). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp',
])

/** Elements whose text keeps its spaces and line breaks. */
const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea'])

/** Table cells: inline boxes that must be kept apart from their neighbours. */
const CELL_TAGS = new Set(['td', 'th'])

/**
 * Elements that never contribute readable text: code, styling, embedded documents and media,
 * form controls (their labels are UI, not content) and document metadata.
 */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'applet', 'audio', 'base', 'button', 'canvas', 'datalist', 'embed', 'frame', 'frameset', 'head',
  'iframe', 'img', 'input', 'link', 'map', 'math', 'meta', 'meter', 'noembed', 'noframes', 'noscript',
  'object', 'option', 'optgroup', 'param', 'picture', 'progress', 'script', 'select', 'source', 'style',
  'svg', 'template', 'textarea', 'title', 'track', 'video',
])

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i

/** Lower-case tag name of an element (linkedom upper-cases HTML tag names). */
export function tagOf(element: Element): string {
  return element.localName.toLowerCase()
}

/** True for elements a browser would not render: `hidden`, inline `display:none`/`visibility:hidden`. */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true
  const style = element.getAttribute('style')
  return style !== null && style.length > 0 && HIDDEN_STYLE.test(style)
}

/** Options of {@link domToParagraphs}. */
export interface DomTextOptions {
  /** Extra elements to leave out with their whole subtree (page chrome in the fallback). */
  skip?: (element: Element, tag: string) => boolean
}

/** Converts the subtree under `root` (not including `root`'s own box) into paragraphs. */
export function domToParagraphs(root: Node, options: DomTextOptions = {}): string[] {
  const writer = createBlockText()
  const state = { preformatted: 0 }
  let node: Node | null = root.firstChild
  while (node !== null) {
    let descend = false
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const value = (node as CharacterData).data
      if (state.preformatted > 0) writer.preformatted(value)
      else writer.text(value)
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element
      const tag = tagOf(element)
      if (!NON_TEXT_TAGS.has(tag) && !isHidden(element) && options.skip?.(element, tag) !== true) {
        open(writer, state, tag)
        descend = element.firstChild !== null
        if (!descend) close(writer, state, tag)
      }
    }
    node = descend ? node.firstChild : nextNode(node, root, (parent) => close(writer, state, tagOf(parent)))
  }
  return writer.finish()
}

/** The next node in document order after `node`'s subtree, closing each parent climbed out of. */
function nextNode(node: Node, root: Node, leave: (parent: Element) => void): Node | null {
  let current = node
  for (;;) {
    const sibling = current.nextSibling
    if (sibling !== null) return sibling
    const parent = current.parentNode
    if (parent === null || parent === root) return null
    leave(parent as Element)
    current = parent
  }
}

function open(writer: BlockText, state: { preformatted: number }, tag: string): void {
  if (tag === 'br') writer.lineBreak()
  else if (BLOCK_TAGS.has(tag)) writer.blockBreak()
  else if (CELL_TAGS.has(tag)) writer.separate()
  if (PREFORMATTED_TAGS.has(tag)) state.preformatted += 1
}

function close(writer: BlockText, state: { preformatted: number }, tag: string): void {
  if (BLOCK_TAGS.has(tag)) writer.blockBreak()
  else if (CELL_TAGS.has(tag)) writer.separate()
  if (PREFORMATTED_TAGS.has(tag)) state.preformatted -= 1
}
