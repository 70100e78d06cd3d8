/**
 * dedupe-docs — rejects exact duplicates after cleaning, keeping the first in input order.
 *
 * Two documents are duplicates when their cleaned text is identical after the chosen
 * normalisation (`ignoreWhitespace`, default on; `ignoreCase`, default off). The same article
 * often reaches a batch several times (a page, its feed item, its copy in an archive): only the
 * first is kept. Rules: `dedupe-docs/duplicate` (fatal), naming the kept document's source and
 * id. `ordered: true`, so the runner feeds documents in input order and the kept copy never
 * depends on concurrency. State lives in the run (`dedupe-docs` key): per kept document the
 * first 64 bits of the text's SHA-256 in a typed-array table (src/text/key-table.ts) and its
 * name (src/core/document-names.ts), about 40 bytes, never its text. Two different texts share
 * those 64 bits with probability about n² / 2⁶⁵ (3 in a million for 10 million documents).
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { addDocumentName, createDocumentNames, documentName } from '../core/document-names.ts'
import type { DocumentNames } from '../core/document-names.ts'
import type { Stage } from '../core/stage.ts'
import { fingerprint } from '../text/fingerprint.ts'
import { createKeyTable, hexKey, lookupKey, storeKey } from '../text/key-table.ts'
import type { KeyTable } from '../text/key-table.ts'

const Options = z
  .object({
    /** Compare texts case-insensitively. */
    ignoreCase: z.boolean().default(false),
    /** Treat every run of whitespace as one space when comparing. */
    ignoreWhitespace: z.boolean().default(true),
  })
  .strict()

/** Options of {@link dedupeDocs} as users write them. */
export type DedupeDocsOptions = z.input<typeof Options>

/** Rule ids of the dedupe-docs stage. */
export const dedupeDocsRules = ['dedupe-docs/duplicate'] as const

/** What the run remembers: kept texts' hashes, each to the kept document's number in `names`. */
interface DedupeDocsState {
  table: KeyTable
  names: DocumentNames
}

/** Creates the dedupe-docs stage; its memory is per run (`context.run`), never module-wide. */
export function dedupeDocs(options: DedupeDocsOptions = {}): Stage<(typeof dedupeDocsRules)[number]> {
  const settings = parseStageOptions('dedupe-docs', Options, options)
  return {
    name: 'dedupe-docs',
    rules: dedupeDocsRules,
    ordered: true,
    options: settings,
    prepare(doc) {
      return { ...doc, prepared: { ...doc.prepared, 'dedupe-docs': fingerprint(doc.text, settings) } }
    },
    run(doc, context) {
      const state = context.run.state<DedupeDocsState>('dedupe-docs', () => ({ table: createKeyTable(), names: createDocumentNames() }))
      const { high, low } = hexKey((doc.prepared?.['dedupe-docs'] as string | undefined) ?? fingerprint(doc.text, settings))
      const kept = lookupKey(state.table, high, low)
      if (kept !== -1) {
        const { source, id } = documentName(state.names, kept)
        return context.drop('dedupe-docs/duplicate', `Same text as ${source} (id ${id}), which came first and was kept.`)
      }
      storeKey(state.table, high, low, addDocumentName(state.names, doc))
      return doc
    },
  }
}
