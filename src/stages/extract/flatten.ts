/**
 * Guards the parser against absurd nesting. htmlparser2 (under linkedom) keeps its open-element
 * stack with `unshift`/`shift`, so parsing costs depth × elements: 100 000 nested `<div>`s take
 * seconds, 300 000 take minutes. A linear pre-scan of the tags finds such pages and drops the
 * tags that open below `maxDepth` (with their end tags); the text stays, only structure that
 * deep is lost. Elements whose end tag is optional (`p`, `li`, `td`…) and void elements are
 * not counted, so old pages full of unclosed `<p>` are never touched.
 */

/** A tag, a comment, or a raw-text element with its content (skipped whole: its text is not markup). */
const TOKEN = /<!--[\s\S]*?-->|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)(?:\s[^>]*)?>/g

const UNCOUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rp', 'html', 'head', 'body',
])
/** How far down the stack an end tag may look for its start tag (mis-nested markup). */
const END_TAG_REACH = 8

/** The HTML with over-deep tags removed, and the deepest nesting seen. */
export interface FlattenResult {
  html: string
  depth: number
  removed: number
}

/** Removes start and end tags nested deeper than `maxDepth`; returns the input itself when none are. */
export function flattenDeepNesting(html: string, maxDepth: number): FlattenResult {
  const open: { name: string; kept: boolean }[] = []
  const cuts: number[] = []
  let depth = 0
  for (const match of html.matchAll(TOKEN)) {
    const name = match[3]?.toLowerCase()
    if (name === undefined || UNCOUNTED.has(name) || match[0].endsWith('/>')) continue
    if (match[2] === '/') {
      const index = findOpen(open, name)
      if (index < 0) continue
      if (open[index]?.kept === false) cuts.push(match.index, match.index + match[0].length)
      open.length = index
      continue
    }
    const kept = open.length < maxDepth
    open.push({ name, kept })
    if (open.length > depth) depth = open.length
    if (!kept) cuts.push(match.index, match.index + match[0].length)
  }
  return { html: cuts.length === 0 ? html : cutRanges(html, cuts), depth, removed: cuts.length / 2 }
}

function findOpen(open: readonly { name: string }[], name: string): number {
  for (let index = open.length - 1; index >= 0 && index >= open.length - END_TAG_REACH; index -= 1) {
    if (open[index]?.name === name) return index
  }
  return -1
}

/** Joins the pieces of `text` outside the sorted [start, end) pairs in `cuts`. */
function cutRanges(text: string, cuts: readonly number[]): string {
  const pieces: string[] = []
  let position = 0
  for (let index = 0; index < cuts.length; index += 2) {
    pieces.push(text.slice(position, cuts[index]))
    position = cuts[index + 1] ?? position
  }
  pieces.push(text.slice(position))
  return pieces.join('')
}
