/**
 * Saved web pages (`.html`, `.htm`, `.xhtml`). The seed carries the raw bytes so that `decode`
 * can honour the page's own `<meta charset>`; `extract` then finds the article in it.
 */
import type { InputBlob } from './blob.ts'
import { readDocumentBytes } from './blob.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'

/** Reads a page into one seed with `raw` bytes and format `html`. */
export async function* readHtml(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const raw = await readDocumentBytes(blob, context.options.limits.maxFileBytes)
  yield { kind: 'doc', init: { source: { ...blob.location, format: 'html' }, raw } }
}
