/**
 * check-urls — the same url twice with different content, a sign of a scraper that mixed up
 * pages (or of a page that changed while it was being crawled).
 *
 * Warns `check-urls/conflicting-content` on every later document whose url (without its
 * `#fragment`) was seen before with a different cleaned text (compared whitespace-insensitively),
 * naming the first one and its line. Identical copies are left to `dedupe-docs`. `ordered:
 * true` so "first" means first in input order whatever the concurrency: place it just before
 * `dedupe-docs`. Memory, in the run state (never module-wide): per distinct url the first 64
 * bits of its SHA-256 in a typed-array table (src/text/key-table.ts), 32 bits of the first
 * text's hash and the first document's name (src/core/document-names.ts): about 40 bytes, not
 * the url's text. The text is hashed in `prepare`, so with workers the main thread does not
 * read it again.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { createHash } from 'node:crypto'
import { addDocumentName, createDocumentNames, documentName } from '../core/document-names.ts'
import type { DocumentNames } from '../core/document-names.ts'
import type { Stage } from '../core/stage.ts'
import { appendRecord, createChunkedRecords, recordValue } from '../text/chunked-records.ts'
import type { ChunkedRecords } from '../text/chunked-records.ts'
import { fingerprint } from '../text/fingerprint.ts'
import { createKeyTable, hexKey, lookupKey, storeKey } from '../text/key-table.ts'
import type { KeyTable } from '../text/key-table.ts'

const Options = z.object({}).strict()

/** Options of {@link checkUrls} as users write them (none yet). */
export type CheckUrlsOptions = z.input<typeof Options>

/** Rule ids of the check-urls stage. */
export const checkUrlsRules = ['check-urls/conflicting-content'] as const

/** What the run remembers: url hashes, each to its first document's number in `names` and `textHashes`. */
interface CheckUrlsState {
  urls: KeyTable
  names: DocumentNames
  /** 32 bits of the first document's text hash, one record per url. */
  textHashes: ChunkedRecords
}

function urlHash(url: string): { high: number; low: number } {
  const key = URL.canParse(url) ? new URL(url).href.replace(/#.*$/u, '') : url.trim()
  return hexKey(createHash('sha256').update(key).digest('hex'))
}

/** 32 bits of the whitespace-insensitive text hash: a collision only hides one warning (odds 1 in 4 billion). */
function textHash(text: string): number {
  return hexKey(fingerprint(text, { ignoreCase: false, ignoreWhitespace: true })).high
}

/** Creates the check-urls stage; its memory is per run (`context.run`). */
export function checkUrls(options: CheckUrlsOptions = {}): Stage<(typeof checkUrlsRules)[number]> {
  const settings = parseStageOptions('check-urls', Options, options)
  return {
    name: 'check-urls',
    rules: checkUrlsRules,
    ordered: true,
    options: settings,
    prepare(doc) {
      return doc.url === undefined || doc.url === '' ? doc : { ...doc, prepared: { ...doc.prepared, 'check-urls': textHash(doc.text) } }
    },
    run(doc, context) {
      if (doc.url === undefined || doc.url === '') return doc
      const state = context.run.state<CheckUrlsState>('check-urls', () => ({ urls: createKeyTable(), names: createDocumentNames(), textHashes: createChunkedRecords(1) }))
      const { high, low } = urlHash(doc.url)
      const hash = (doc.prepared?.['check-urls'] as number | undefined) ?? textHash(doc.text)
      const first = lookupKey(state.urls, high, low)
      if (first === -1) {
        appendRecord(state.textHashes, [hash])
        storeKey(state.urls, high, low, addDocumentName(state.names, doc))
        return doc
      }
      if (recordValue(state.textHashes, first, 0) !== hash) {
        const { source, line } = documentName(state.names, first)
        const where = line === undefined ? source : `${source} (line ${line})`
        context.warn('check-urls/conflicting-content', `Same url as ${where}, but different content: the scraper may have mixed up pages.`, { ...(doc.source.line === undefined ? {} : { place: { line: doc.source.line } }), actual: doc.url })
      }
      return doc
    },
  }
}
