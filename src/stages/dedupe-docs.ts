/**
 * dedupe-docs — rejects exact duplicates after cleaning, keeping the first in input order.
 *
 * Two documents are duplicates when their cleaned text is identical after the chosen
 * normalisation (`ignoreWhitespace`, default on; `ignoreCase`, default off). The same article
 * often reaches a batch several times (a page, its feed item, its copy in an archive): only the
 * first is kept. Rules: `dedupe-docs/duplicate` (fatal), naming the kept document's source and
 * id. `ordered: true`, so the runner feeds documents in input order and the kept copy never
 * depends on concurrency. State lives in the run (`dedupe-docs` key) and holds one hash per
 * kept document, so memory stays small on large batches.
 */
import { z } from 'zod'
import { sourceLabel } from '../core/doc.ts'
import type { Stage } from '../core/stage.ts'
import { fingerprint } from '../text/fingerprint.ts'

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

/** What the run remembers about a kept document: enough to name it in a rejection. */
interface KeptDocument {
  id: string
  source: string
}

/** Creates the dedupe-docs stage; its memory is per run (`context.run`), never module-wide. */
export function dedupeDocs(options: DedupeDocsOptions = {}): Stage<(typeof dedupeDocsRules)[number]> {
  const settings = Options.parse(options)
  return {
    name: 'dedupe-docs',
    rules: dedupeDocsRules,
    ordered: true,
    options: settings,
    prepare(doc) {
      return { ...doc, prepared: { ...doc.prepared, 'dedupe-docs': fingerprint(doc.text, settings) } }
    },
    run(doc, context) {
      const seen = context.run.state('dedupe-docs', () => new Map<string, KeptDocument>())
      const hash = (doc.prepared?.['dedupe-docs'] as string | undefined) ?? fingerprint(doc.text, settings)
      const kept = seen.get(hash)
      if (kept !== undefined) {
        return context.drop('dedupe-docs/duplicate', `Same text as ${kept.source} (id ${kept.id}), which came first and was kept.`)
      }
      seen.set(hash, { id: doc.id, source: sourceLabel(doc.source) })
      return doc
    },
  }
}
