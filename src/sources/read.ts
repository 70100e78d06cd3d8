/**
 * The dispatcher: picks the reader for an input by its name and contains whatever goes wrong
 * in it. Archives call back into it for their entries, so a JSONL inside a zip inside a gz is
 * read by the same code as a JSONL on disk.
 */
import type { SourceFormat } from '../core/doc.ts'
import type { InputBlob } from './blob.ts'
import { insideArchive } from './blob.ts'
import { classify } from './discover.ts'
import type { InputKind } from './discover.ts'
import { seedFromError, skippedItem } from './fatal.ts'
import { readFeed } from './feed.ts'
import { readGzip } from './gzip.ts'
import { readHtml } from './html.ts'
import { readJson } from './json.ts'
import { readJsonl } from './jsonl.ts'
import { readTxt } from './txt.ts'
import type { SourceItem, SourceOptions } from './types.ts'
import { readZip } from './zip.ts'

/** What every reader gets: the options, and the dispatcher itself for archive entries. */
export interface ReadContext {
  options: SourceOptions
  read(blob: InputBlob): AsyncGenerator<SourceItem>
}

type Reader = (blob: InputBlob, context: ReadContext) => AsyncGenerator<SourceItem>

const READERS: Readonly<Record<InputKind, { read: Reader; format: SourceFormat }>> = {
  txt: { read: readTxt, format: 'txt' },
  html: { read: readHtml, format: 'html' },
  feed: { read: readFeed, format: 'xml' },
  json: { read: readJson, format: 'json' },
  jsonl: { read: readJsonl, format: 'jsonl' },
  zip: { read: readZip, format: 'unknown' },
  gzip: { read: readGzip, format: 'unknown' },
}

/**
 * Yields the seeds of one input (or a skipped item for an unsupported one). Never throws: a
 * reader's error becomes a fatal seed after whatever the reader already yielded.
 */
export async function* readBlob(blob: InputBlob, options: SourceOptions): AsyncGenerator<SourceItem> {
  const kind = classify(blob.name)
  if ('skip' in kind) {
    yield skippedItem(blob.location, kind.skip)
    return
  }
  const reader = READERS[kind.kind]
  const context: ReadContext = { options, read: (inner) => readBlob(inner, options) }
  try {
    yield* reader.read(blob, context)
  } catch (error) {
    yield seedFromError(blob.location, reader.format, error, insideArchive(blob))
  }
}
