/**
 * DOM → plain text with structure: blocks become paragraphs, `<br>` a line break, `pre`
 * keeps its lines, table cells and rows stay apart, invisible and non-text elements vanish.
 * The walk is iterative (first child / next sibling / parent), so a page nested 100 000
 * levels deep cannot overflow the stack.
 */
import { createBlockText } from '../../text/block-text.ts'
import type { BlockText } from '../../text/block-text.ts'
import { BLOCK_TAGS, CELL_TAGS, isHiddenBy, NON_TEXT_TAGS, PREFORMATTED_TAGS } from './html-rules.ts'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** Lower-case tag name of an element (linkedom upper-cases HTML tag names). */
export function tagOf(element: Element): string {
  return element.localName.toLowerCase()
}

/** True for elements a browser would not render: `hidden`, inline `display:none`/`visibility:hidden`. */
export function isHidden(element: Element): boolean {
  return isHiddenBy((name) => element.getAttribute(name))
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
