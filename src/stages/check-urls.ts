/**
 * check-urls — the same url twice with different content, a sign of a scraper that mixed up
 * pages (or of a page that changed while it was being crawled).
 *
 * Warns `check-urls/conflicting-content` on every later document whose url (without its
 * `#fragment`) was seen before with a different cleaned text (compared whitespace-insensitively),
 * naming the first one and its line. Identical copies are left to `dedupe-docs`. `ordered:
 * true` so "first" means first in input order whatever the concurrency: place it just before
 * `dedupe-docs`. Memory: one entry per distinct url (a 16-hex-character text hash and the first
 * document's source label), kept in the run state, never module-wide.
 */
import { z } from 'zod'
import { sourceLabel } from '../core/doc.ts'
import type { Stage } from '../core/stage.ts'
import { fingerprint } from '../text/fingerprint.ts'

const Options = z.object({}).strict()

/** Options of {@link checkUrls} as users write them (none yet). */
export type CheckUrlsOptions = z.input<typeof Options>

/** Rule ids of the check-urls stage. */
export const checkUrlsRules = ['check-urls/conflicting-content'] as const

interface FirstSeen {
  hash: string
  source: string
  line?: number
}

function urlKey(url: string): string {
  return URL.canParse(url) ? new URL(url).href.replace(/#.*$/u, '') : url.trim()
}

/** Creates the check-urls stage; its memory is per run (`context.run`). */
export function checkUrls(options: CheckUrlsOptions = {}): Stage<(typeof checkUrlsRules)[number]> {
  const settings = Options.parse(options)
  return {
    name: 'check-urls',
    rules: checkUrlsRules,
    ordered: true,
    options: settings,
    run(doc, context) {
      if (doc.url === undefined || doc.url === '') return doc
      const seen = context.run.state('check-urls', () => new Map<string, FirstSeen>())
      const key = urlKey(doc.url)
      const hash = fingerprint(doc.text, { ignoreCase: false, ignoreWhitespace: true }).slice(0, 16)
      const first = seen.get(key)
      if (first === undefined) {
        seen.set(key, { hash, source: sourceLabel(doc.source), ...(doc.source.line === undefined ? {} : { line: doc.source.line }) })
        return doc
      }
      if (first.hash !== hash) {
        const where = first.line === undefined ? first.source : `${first.source} (line ${first.line})`
        context.warn('check-urls/conflicting-content', `Same url as ${where}, but different content: the scraper may have mixed up pages.`, { ...(doc.source.line === undefined ? {} : { place: { line: doc.source.line } }), actual: doc.url })
      }
      return doc
    },
  }
}
