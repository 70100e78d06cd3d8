/**
 * Size and depth of an element tree, measured iteratively. Readability's cost grows with
 * element count and roughly with depth squared (it climbs ancestors for every node), and some
 * of its helpers recurse; measuring first lets the stage skip it on pathological pages instead
 * of hanging or overflowing the stack.
 */

/** Element count and maximum nesting depth under (and including) a root element. */
export interface TreeShape {
  elements: number
  depth: number
}

/**
 * Walks the element tree with an explicit stack. Stops counting once `limit` elements were
 * seen (the answer is then only known to exceed the limit), so a huge page costs little.
 */
export function measureTree(root: Element, limit = Number.POSITIVE_INFINITY): TreeShape {
  let elements = 0
  let depth = 0
  let level = 1
  let node: Element | null = root
  while (node !== null && elements <= limit) {
    elements += 1
    if (level > depth) depth = level
    const child: Element | null = node.firstElementChild
    if (child !== null) {
      node = child
      level += 1
      continue
    }
    node = nextElement(node, root, () => (level -= 1))
  }
  return { elements, depth }
}

function nextElement(node: Element, root: Element, climbed: () => void): Element | null {
  let current: Element = node
  while (current !== root) {
    const sibling = current.nextElementSibling
    if (sibling !== null) return sibling
    const parent = current.parentElement
    if (parent === null) return null
    climbed()
    current = parent
  }
  return null
}
