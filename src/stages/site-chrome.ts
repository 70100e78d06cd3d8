/**
 * site-chrome — learns each site's recurring furniture from the batch and removes it.
 *
 * A short line that already stood on `minPages` earlier pages of the same site ("Advertisement",
 * "Share this:", a newsletter pitch, a menu item drop-chrome did not know) is the site's chrome,
 * not the article's text. The stage runs in input order (`ordered`), so what it has learned,
 * and so its output, is the same whatever the worker count; the first `minPages` pages of a
 * site keep such lines, since nothing is known yet when they pass.
 * The site is the url's host, else the top folder of the source path (as in the report);
 * files at the top of the input with no url belong to no known site and are left alone (a
 * folder of pages from many sites would otherwise lose headings common to many articles).
 * Memory is bounded and holds no text: per site, a table of line fingerprints (32-bit hashes,
 * see line-fingerprint.ts) to page counts, at most `maxLinesPerSite` entries (lines first
 * seen once the table is full are not learned), 11–21 bytes per entry plus about 350 per site
 * (count-table.ts); and at most
 * `maxLines` entries over all sites, each site counting as one more, since a crawl of many
 * domains has many sites. Past that bound the sites seen on fewer than `minPages` pages are
 * forgotten, first seen first, until the tables are ¾ full (a forgotten site starts learning
 * again if it comes back); when only established sites are left, new lines and new sites are
 * not learned.
 * Lines of more than `maxLineLength` characters are never touched: prose is not furniture.
 * A page made only of known lines is left as it is. After a removal the stage rebuilds
 * `paragraphs`, `sentences` (when present) and the counts in `stats`, as segment does.
 * Rule: `site-chrome/line-removed` (info: the line and on how many earlier pages it stood).
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { excerpt } from '../core/message.ts'
import { siteOf, TOP_LEVEL_SITE } from '../core/site-key.ts'
import type { Stage, StageContext } from '../core/stage.ts'
import { countOf, createCountTable, setCount } from '../text/count-table.ts'
import type { CountTable } from '../text/count-table.ts'
import { lineFingerprint } from '../text/line-fingerprint.ts'
import { segmentText } from '../text/text-stats.ts'

const Options = z
  .object({
    /** Earlier pages of the same site a line must have stood on to count as the site's chrome. */
    minPages: z.number().int().min(2).default(5),
    /** Longer lines are never removed (nor learned). */
    maxLineLength: z.number().int().positive().default(100),
    /** Fingerprints remembered per site (memory bound). */
    maxLinesPerSite: z.number().int().positive().default(2000),
    /** Fingerprints remembered over all sites (memory bound: 11–21 bytes each, plus about 350 bytes per site). */
    maxLines: z.number().int().positive().default(500_000),
  })
  .strict()

/** Options of {@link siteChrome} as users write them. */
export type SiteChromeOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

/** Rule ids of the site-chrome stage. */
export const siteChromeRules = ['site-chrome/line-removed'] as const
type Rule = (typeof siteChromeRules)[number]

/** One site: pages seen, and line fingerprint → pages it stood on so far (count-table.ts). */
interface SiteTable {
  pages: number
  lines: CountTable
}

/**
 * Every site's table; `entries`, the tables' lines plus one per site (what `maxLines` bounds);
 * and the sites below `minPages` pages, in first-seen order.
 */
interface SiteTables {
  sites: Map<string, SiteTable>
  entries: number
  young: Set<string>
}

/** The short lines of a text with their fingerprints (undefined for other lines). */
function fingerprints(lines: readonly string[], settings: Settings): (number | undefined)[] {
  return lines.map((line) => (line.length <= settings.maxLineLength ? lineFingerprint(line) : undefined))
}

/** Fingerprints as `prepare` sends them between threads: one number per line, -1 for none. */
function packFingerprints(prints: readonly (number | undefined)[]): Float64Array {
  return Float64Array.from(prints, (print) => print ?? -1)
}

function unpackFingerprints(packed: Float64Array): (number | undefined)[] {
  return Array.from(packed, (print) => (print === -1 ? undefined : print))
}

/** Forgets sites not yet seen on `minPages` pages, first seen first, until the tables are ¾ full. */
function forgetYoungSites(tables: SiteTables, current: string | undefined, settings: Settings): void {
  for (const site of tables.young) {
    if (tables.entries * 4 <= settings.maxLines * 3) return
    if (site === current) continue
    tables.entries -= (tables.sites.get(site)?.lines.size ?? 0) + 1
    tables.sites.delete(site)
    tables.young.delete(site)
  }
}

/** The site's table; a new one unless the tables are full of established sites (then undefined). */
function tableOf(tables: SiteTables, site: string, settings: Settings): SiteTable | undefined {
  const known = tables.sites.get(site)
  if (known !== undefined) return known
  if (tables.entries >= settings.maxLines) forgetYoungSites(tables, undefined, settings)
  if (tables.entries >= settings.maxLines) return undefined
  const table = { pages: 0, lines: createCountTable() }
  tables.sites.set(site, table)
  tables.young.add(site)
  tables.entries += 1
  return table
}

/** Counts each distinct fingerprint of this page once, within the site's and the run's bounds. */
function learn(tables: SiteTables, site: string, table: SiteTable, prints: readonly (number | undefined)[], settings: Settings): void {
  table.pages += 1
  if (table.pages >= settings.minPages) tables.young.delete(site)
  for (const print of new Set(prints)) {
    if (print === undefined) continue
    const pages = countOf(table.lines, print)
    if (pages !== 0) setCount(table.lines, print, pages + 1)
    else if (table.lines.size < settings.maxLinesPerSite && tables.entries < settings.maxLines) {
      setCount(table.lines, print, 1)
      tables.entries += 1
    }
  }
  if (tables.entries >= settings.maxLines) forgetYoungSites(tables, site, settings)
}

/** Removes the known lines, reporting each; undefined when nothing (or everything) would go. */
function removeKnown(site: string, lines: readonly string[], prints: readonly (number | undefined)[], table: SiteTable, context: StageContext<Rule>, settings: Settings): string | undefined {
  const known = prints.map((print) => print !== undefined && countOf(table.lines, print) >= settings.minPages)
  const textLeft = lines.some((line, index) => !known[index] && line.trim() !== '')
  if (!known.includes(true) || !textLeft) return undefined
  known.forEach((isKnown, index) => {
    if (!isKnown) return
    const pages = countOf(table.lines, prints[index] as number)
    context.info('site-chrome/line-removed', `Removed a line that stood on ${pages} earlier pages of ${site}: the site's chrome, not this article's text.`, { place: { line: index + 1 }, actual: excerpt(lines[index] as string) })
  })
  return lines.filter((_line, index) => !known[index]).join('\n')
}

/** Creates the site-chrome stage; its tables are per run (`context.run`), never module-wide. */
export function siteChrome(options: SiteChromeOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('site-chrome', Options, options)
  return {
    name: 'site-chrome',
    rules: siteChromeRules,
    ordered: true,
    options: settings,
    prepare(doc) {
      if (siteOf(doc) === TOP_LEVEL_SITE) return doc
      return { ...doc, prepared: { ...doc.prepared, 'site-chrome': packFingerprints(fingerprints(doc.text.split('\n'), settings)) } }
    },
    run(doc, context) {
      const site = siteOf(doc)
      if (site === TOP_LEVEL_SITE) return doc
      const tables = context.run.state<SiteTables>('site-chrome', () => ({ sites: new Map(), entries: 0, young: new Set() }))
      const table = tableOf(tables, site, settings)
      if (table === undefined) return doc
      const lines = doc.text.split('\n')
      const packed = doc.prepared?.['site-chrome'] as Float64Array | undefined
      const prints = packed === undefined ? fingerprints(lines, settings) : unpackFingerprints(packed)
      const cleaned = removeKnown(site, lines, prints, table, context, settings)
      learn(tables, site, table, prints, settings)
      if (cleaned === undefined) return doc
      const { text, paragraphs, sentences, counts } = segmentText(cleaned, doc.sentences !== undefined)
      const stats = { ...doc.stats, ...counts }
      return sentences === undefined ? { ...doc, text, paragraphs, stats } : { ...doc, text, paragraphs, sentences, stats }
    },
  }
}
