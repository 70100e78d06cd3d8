/**
 * Plain text dumps (`.txt`, e.g. a browser's innerText). The seed carries the raw bytes; the
 * `decode` stage picks the charset. Empty and binary files are rejected here with a reason.
 */
import type { InputBlob } from './blob.ts'
import { readDocumentBytes } from './blob.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'

/** Reads a text file into one seed with `raw` bytes and format `txt`. */
export async function* readTxt(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const raw = await readDocumentBytes(blob, context.options.limits.maxFileBytes)
  yield { kind: 'doc', init: { source: { ...blob.location, format: 'txt' }, raw } }
}
