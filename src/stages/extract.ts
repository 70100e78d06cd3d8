/**
 * extract — turns an HTML document into plain text with its structure, plus metadata.
 *
 * Runs only on documents whose `html` is a non-empty string; others pass through unchanged.
 * - `method: 'fast'` (default) reads the page in one streaming htmlparser2 pass (extract/fast.ts):
 *   the body laid out as innerText does (a `p` → blank line, other blocks → line break), landmark
 *   chrome left out (a page header holding the headline kept), `aria-hidden` left out
 *   (`ariaHidden`), the same metadata; the text stages then clean it as they clean text dumps.
 *   It scores as well as `readability` on the dev corpus at a fraction of the cost.
 * - `method: 'readability'`: parses with linkedom (after rebuilding a proper html/head/body skeleton), reads metadata
 *   and the whole body text first, then runs Readability.js (which mutates the tree) to find
 *   the main content. Text keeps its structure: blocks → paragraphs ("\n\n"), `<br>` → "\n",
 *   list items and table rows → paragraphs, `pre` keeps its lines, hidden and non-text elements
 *   (scripts, styles, forms controls, media) dropped, whitespace collapsed as a browser does.
 * - Falls back to the whole body (landmark chrome such as nav/aside/page header/footer/forms
 *   removed) when Readability fails, is skipped (too many elements, too deep) or finds too
 *   little: fewer than `fallbackMinCharacters` AND less than `fallbackRatio` of the body text.
 * - Puts the page headline (an h1-h3 that matches the title) back as the first paragraph when
 *   Readability removed it as a duplicate of the title (`keepHeadline`).
 * - Fills title, author, published (ISO 8601 when readable), url and lang from meta tags,
 *   Open Graph, JSON-LD, `<link rel=canonical>`, `<html lang>`, `<time>`; a field that is
 *   already set (by a feed or JSONL record) is kept.
 * - Sets `text`, releases `html`, and leaves `meta.extract` (method, lengths, metadata sources,
 *   site name) for later stages.
 * Rules: `extract/readability` (info: N of M characters), `extract/fast` (info: fast method, N of
 * M characters kept), `extract/fallback-body` (warn, why),
 * `extract/metadata` (info: field ← source), `extract/headline-restored` (info: headline put
 * back), `extract/truncated` (warn: html over `maxHtmlLength` was cut), `extract/flattened` (warn: tags
 * nested deeper than `maxDepth` dropped, text kept), `extract/no-content`
 * (drop: no visible text at all), `extract/parse-failed` (drop, with the parser's error).
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Doc } from '../core/doc.ts'
import { excerpt } from '../core/message.ts'
import type { Drop, Stage, StageContext } from '../core/stage.ts'
import { readBody, textLength } from './extract/body-text.ts'
import { chooseContent, withHeadline } from './extract/choose-content.ts'
import type { ChosenContent } from './extract/choose-content.ts'
import { extractFast, TooDeep } from './extract/fast.ts'
import type { FastContent } from './extract/fast.ts'
import { applyMetadata } from './extract/apply-metadata.ts'
import { flattenDeepNesting } from './extract/flatten.ts'
import { findHeadline, readHeadings } from './extract/headline.ts'
import { readMetadata } from './extract/dom-facts.ts'
import { titleTexts } from './extract/metadata.ts'
import type { PageMetadata } from './extract/metadata.ts'
import type { parseDocument } from './extract/parse.ts'
import type { ReadabilityResult, runReadability } from './extract/readability.ts'

const Options = z
  .object({
    /**
     * `fast`: one streaming pass (no DOM) keeps the body without landmark chrome and leaves finer
     * cleaning to the text stages. `readability`: linkedom DOM + Readability.js picks the article.
     */
    method: z.enum(['readability', 'fast']).default('fast'),
    /** Fast method only: also leave out `aria-hidden="true"` elements (icon glyphs, duplicated labels). */
    ariaHidden: z.boolean().default(true),
    /** Readability's minimum article length before it retries with looser rules. */
    charThreshold: z.number().int().nonnegative().default(500),
    /** How many top-scoring candidates Readability compares. */
    nbTopCandidates: z.number().int().positive().default(5),
    /** Pages with more elements skip Readability (its cost grows with size) and use the fallback. */
    maxElements: z.number().int().positive().default(100_000),
    /** Tags nested deeper are dropped before parsing (parser and Readability cost grow with depth). */
    maxDepth: z.number().int().positive().default(256),
    /** HTML longer than this many characters is cut (at a tag start) before parsing. */
    maxHtmlLength: z.number().int().positive().default(20_000_000),
    /** Put the page's headline back as the first paragraph when Readability removed it. */
    keepHeadline: z.boolean().default(true),
    /** Readability's text counts as too little below this many characters… */
    fallbackMinCharacters: z.number().int().nonnegative().default(250),
    /** …and below this share of the visible body text; both must hold for the fallback. */
    fallbackRatio: z.number().min(0).max(1).default(0.25),
  })
  .strict()

/** Options of {@link extract} as users write them. */
export type ExtractOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

/** Rule ids of the extract stage. */
export const extractRules = [
  'extract/readability',
  'extract/fast',
  'extract/fallback-body',
  'extract/metadata',
  'extract/headline-restored',
  'extract/truncated',
  'extract/flattened',
  'extract/no-content',
  'extract/parse-failed',
] as const
type Rule = (typeof extractRules)[number]

/** Creates the extract stage; invalid options fail here, at config time. */
export function extract(options: ExtractOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('extract', Options, options)
  let dom: Promise<DomTools> | undefined
  return {
    name: 'extract',
    rules: extractRules,
    options: settings,
    run(doc, context) {
      if (typeof doc.html !== 'string' || doc.html.length === 0) return doc
      const html = limitLength(doc.html, settings.maxHtmlLength, context)
      if (settings.method === 'fast') return extractFastDocument(doc, html, settings, context)
      dom ??= loadDomTools()
      return dom.then((tools) => extractWithReadability(doc, limitNesting(html, settings.maxDepth, context), settings, tools, context))
    },
  }
}

/** What the readability method needs from linkedom and Readability.js. */
interface DomTools {
  parseDocument: typeof parseDocument
  runReadability: typeof runReadability
}

/**
 * linkedom and Readability.js load on the first page the readability method reads: the fast
 * method never needs them, and they cost about 30 MB and 0.2 s in every thread that loads them.
 */
async function loadDomTools(): Promise<DomTools> {
  const [parse, readability] = await Promise.all([import('./extract/parse.ts'), import('./extract/readability.ts')])
  return { parseDocument: parse.parseDocument, runReadability: readability.runReadability }
}

/** The fast method; a page nested deeper than `maxDepth` is flattened and read again. */
function extractFastDocument(doc: Doc, html: string, settings: Settings, context: StageContext<Rule>): Doc | Drop {
  let fast: FastContent
  try {
    try {
      fast = extractFast(html, settings, context)
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error
      fast = extractFast(limitNesting(html, settings.maxDepth, context), { ...settings, maxDepth: Number.POSITIVE_INFINITY }, context)
    }
  } catch (error) {
    return context.drop('extract/parse-failed', 'Cannot parse the HTML of this document; check that the input is HTML.', { actual: errorText(error) })
  }
  return finish(doc, { paragraphs: fast.paragraphs, method: 'fast' }, fast.metadata, { ok: false, reason: 'fast method' }, fast.visibleCharacters, context)
}

/** Parse, read metadata and body, run Readability, choose the text, fill the fields. */
function extractWithReadability(doc: Doc, html: string, settings: Settings, tools: DomTools, context: StageContext<Rule>): Doc | Drop {
  let document: Document
  try {
    document = tools.parseDocument(html)
  } catch (error) {
    return context.drop('extract/parse-failed', 'Cannot parse the HTML of this document; check that the input is HTML.', { actual: errorText(error) })
  }
  // Metadata and body text come first: Readability rewrites the tree it reads.
  const metadata = readMetadata(document)
  const body = readBody(document)
  const headings = settings.keepHeadline ? readHeadings(document) : []
  const main = tools.runReadability(document, settings)
  const headline = main.ok ? findHeadline(headings, main, titleTexts(metadata)) : undefined
  const content = withHeadline(chooseContent(main, body, settings, context), headline, context)
  return finish(doc, content, metadata, main, textLength(body.full), context)
}

/** Sets `text` and the metadata fields, releases `html`, records `meta.extract`; drops an empty page. */
function finish(doc: Doc, content: ChosenContent, metadata: PageMetadata, main: ReadabilityResult, visible: number, context: StageContext<Rule>): Doc | Drop {
  if (content.paragraphs.length === 0) return context.drop('extract/no-content', 'The page has no visible text (only markup, scripts or styles).')
  const text = content.paragraphs.join('\n\n')
  const filled = applyMetadata(doc, metadata, main, context)
  const extractMeta = { method: content.method, characters: text.length, visibleCharacters: visible, sources: filled.sources, siteName: metadata.siteName }
  return { ...filled.doc, html: undefined, text, meta: { ...doc.meta, extract: extractMeta } }
}

/** Cuts over-long HTML at the last tag start before the limit, so no tag is split. */
function limitLength(html: string, limit: number, context: StageContext<Rule>): string {
  if (html.length <= limit) return html
  const cut = html.lastIndexOf('<', limit)
  context.warn('extract/truncated', `The HTML has ${html.length} characters; only the first ${limit} were read (option maxHtmlLength).`)
  return html.slice(0, cut > limit / 2 ? cut : limit)
}

/** Drops tags nested deeper than `maxDepth` before parsing (see flatten.ts for why). */
function limitNesting(html: string, maxDepth: number, context: StageContext<Rule>): string {
  const flat = flattenDeepNesting(html, maxDepth)
  if (flat.removed > 0) {
    context.warn('extract/flattened', `The HTML nests elements ${flat.depth} levels deep; ${flat.removed} tags below level ${maxDepth} were dropped, their text kept (option maxDepth).`)
  }
  return flat.html
}

function errorText(error: unknown): string {
  return excerpt(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}
