/**
 * Escaping for report.html. Everything in the report that came from a document (text, titles,
 * urls, source paths, rule messages) is attacker-controlled scraped content, so every value is
 * escaped at the one place it enters markup, and data for scripts is JSON that cannot close
 * its `<script>` element.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/gu, (char) => ENTITIES[char] as string)
}

/** JSON for a `<script type="application/json">` element: `<`, `>`, `&` and line separators escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029')
}

/** Inline script source that cannot end its element early (a literal `</script` is split). */
export function safeInlineScript(source: string): string {
  return source.replace(/<\/(script)/giu, '<\\/$1')
}

/** An id usable in `href="#…"` for a document id (ids are hex, but do not trust that). */
export function anchorId(documentId: string): string {
  return `doc-${documentId.replace(/[^A-Za-z0-9_-]/gu, '_')}`
}
