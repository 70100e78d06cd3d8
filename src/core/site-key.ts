/**
 * Which site a document belongs to: the host of its url (without `www.`), or the top folder of
 * its source path when it has no usable url (`news/a.txt` → `news/`, `dump.zip!/site/a.txt` →
 * `dump.zip!/site/`). Scrapers are usually one per host or one output folder per site, so this
 * is the unit that breaks together.
 */
import type { Doc } from './doc.ts'

/** The site of files at the top of the input root, with no url. */
export const TOP_LEVEL_SITE = '(top level)'

/** The host of `url` in lower case without `www.`, or undefined when it has none. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined
  const host = new URL(url).hostname.toLowerCase()
  return host === '' ? undefined : host.replace(/^www\./u, '')
}

function folderOf(doc: Doc): string {
  const { path, entry } = doc.source
  const slash = path.indexOf('/')
  if (slash > 0) return `${path.slice(0, slash)}/`
  const entrySlash = entry?.indexOf('/') ?? -1
  if (entry !== undefined && entrySlash > 0) return `${path}!/${entry.slice(0, entrySlash)}/`
  return TOP_LEVEL_SITE
}

/** The site key of `doc`. */
export function siteOf(doc: Doc): string {
  return hostOf(doc.url) ?? folderOf(doc)
}
