/**
 * The rendering and chrome rules of HTML → text, as tables and small predicates on a tag name
 * and an attribute getter, so the DOM walker (dom-text.ts, body-text.ts) and the streaming
 * reader (sax-text.ts) apply exactly the same rules.
 */

/** Elements that start and end a paragraph (the CSS `display: block`-like ones, plus rows). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav',
  'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp',
])

/** Blocks set apart by a blank line in innerText (all other blocks by a line break). */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p'])

/** Elements whose text keeps its spaces and line breaks. */
export const PREFORMATTED_TAGS: ReadonlySet<string> = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea'])

/** Table cells: inline boxes that must be kept apart from their neighbours. */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th'])

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

/** Reads one attribute of the element at hand (null or undefined when absent). */
export type AttributeReader = (name: string) => string | null | undefined

/** True for elements a browser would not render: `hidden`, inline `display:none`/`visibility:hidden`. */
export function isHiddenBy(attribute: AttributeReader): boolean {
  const hidden = attribute('hidden')
  if (hidden !== null && hidden !== undefined) return true
  const style = attribute('style')
  return style !== null && style !== undefined && style.length > 0 && HIDDEN_STYLE.test(style)
}

/** Landmark roles that mark page chrome, as the elements below do. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menubar', 'dialog', 'alertdialog'])
const ALWAYS_CHROME = new Set(['nav', 'aside', 'dialog'])
/** `header`/`footer` are chrome at page level only; inside an article they hold its title or notes. */
const SCOPED_CHROME = new Set(['header', 'footer'])
const CONTENT_SCOPES = new Set(['article', 'main'])

/** A form holding more than this share of the page text is a page wrapper (ASP.NET), not chrome. */
export const FORM_WRAPPER_SHARE = 0.5

/**
 * How an element counts as landmark chrome: always, only outside article/main (`scoped`), as a
 * form (chrome unless it wraps most of the page), or not at all.
 */
export type ChromeKind = 'chrome' | 'scoped' | 'form' | undefined

/** The chrome kind of an element from its tag and `role`. */
export function chromeKind(tag: string, attribute: AttributeReader): ChromeKind {
  if (ALWAYS_CHROME.has(tag)) return 'chrome'
  const role = attribute('role')
  if (role !== null && role !== undefined && role.length > 0 && CHROME_ROLES.has(role.trim().toLowerCase())) return 'chrome'
  if (SCOPED_CHROME.has(tag)) return 'scoped'
  return tag === 'form' ? 'form' : undefined
}

/** True for an element inside which page-level header/footer are the article's own. */
export function isContentScope(tag: string, attribute: AttributeReader): boolean {
  return CONTENT_SCOPES.has(tag) || attribute('role') === 'main'
}
