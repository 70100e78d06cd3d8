/**
 * Feeds (`.xml`, `.rss`, `.atom`): RSS 2.0, RSS 1.0 (RDF) and Atom. Each item becomes a seed
 * (`feed.xml#3`, with the line where the item starts); its HTML content goes to `html` so
 * `extract` handles it like a page.
 *
 * Safety: the DOCTYPE is blanked before parsing, so entities a document defines are never
 * expanded (billion laughs); only the predefined entities, numeric references and HTML's
 * named entities (a fixed table, for sloppy feeds) are decoded. Malformed XML: the items the
 * lenient parser can still read are kept. When it read as many items as the file has item tags
 * (a bare `&` in a title), nothing was lost: the item nearest the error carries it as a warning.
 * Otherwise (a feed cut off) the error is reported on a seed for the file: `source/malformed-xml`,
 * with line and column, both ways. XML that is not a feed is `source/not-a-feed`.
 */
import type { XMLParser } from 'fast-xml-parser'
import type { ProcessEntitiesOptions } from 'fast-xml-parser'
import { decodeBytes } from '../text/charset.ts'
import { blankDoctype, lineLocator } from '../text/xml.ts'
import type { InputBlob } from './blob.ts'
import { readDocumentBytes } from './blob.ts'
import { CONTENT_ELEMENTS, findFeed, mapFeedItem } from './feed-items.ts'
import type { FeedShape } from './feed-items.ts'
import { fatalSeed, labelOf, SourceError } from './fatal.ts'
import type { SourceLocation } from './fatal.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'
import type { DocMessage } from '../core/message.ts'

const LIST_ELEMENTS = new Set(['item', 'entry', 'rss:item', 'atom:entry', 'link', 'author', 'dc:creator', 'category'])

/** fast-xml-parser, imported on the first feed: runs without feeds never load it. */
type FastXml = typeof import('fast-xml-parser')

/** A parser per file (it keeps per-document state); options chosen for untrusted input. */
function createParser(library: FastXml): XMLParser {
  return new library.XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    htmlEntities: true,
    // Defence in depth: the DOCTYPE is already blanked, so no document-defined entity should reach
    // the parser; if one does, these caps (applied to such entities only) stop any expansion.
    processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxTotalExpansions: 1000, maxExpandedLength: 100_000, appliesTo: 'external' } as ProcessEntitiesOptions,
    stopNodes: CONTENT_ELEMENTS.map((name) => `*.${name}`),
    captureMetaData: true,
    isArray: (name) => LIST_ELEMENTS.has(name),
  })
}

interface XmlProblem {
  line?: number
  column?: number
  message: string
  /** Tags still open at the end: the file was cut off, so whatever followed is lost. */
  cutOff?: boolean
}

/** The validator's words for tags still open at the end: `Invalid '["feed","entry"]' found.`, or `Unclosed tag 'feed'.` for one. */
const UNCLOSED_TAGS = /^Invalid '(\[[\s\S]*\])' found\.$/u
const UNCLOSED_TAG = /^Unclosed tag '([^']+)'\.$/u

/** The tags the validator says are still open at the end of the file, or undefined for another error. */
function unclosedTags(message: string): string[] | undefined {
  const list = UNCLOSED_TAGS.exec(message)?.[1]
  if (list !== undefined) return JSON.parse(list) as string[]
  const one = UNCLOSED_TAG.exec(message)?.[1]
  return one === undefined ? undefined : [one]
}

function validate(library: FastXml, xml: string): XmlProblem | undefined {
  const result = library.XMLValidator.validate(xml)
  if (result === true) return undefined
  const unclosed = unclosedTags(result.err.msg)
  if (unclosed === undefined) return { line: result.err.line, column: result.err.col, message: result.err.msg }
  const tags = unclosed.map((tag) => `<${tag}>`)
  const lastLine = xml.replace(/\n$/u, '').split('\n').length
  return { line: lastLine, message: `the file ends before ${tags.join(' and ')} ${tags.length === 1 ? 'is' : 'are'} closed: it looks cut off`, cutOff: true }
}

const ITEM_TAG = /<(?:item|entry|rss:item|atom:entry)[\s>/]/gu

/** Whether the parser read as many items as the file has item tags: then the error lost nothing. */
function nothingLost(xml: string, items: number): boolean {
  return items > 0 && (xml.match(ITEM_TAG)?.length ?? 0) === items
}

function parse(library: FastXml, xml: string): { parsed?: Record<string, unknown>; problem?: XmlProblem } {
  try {
    return { parsed: createParser(library).parse(xml) as Record<string, unknown> }
  } catch (error) {
    return { problem: { message: error instanceof Error ? error.message : String(error) } }
  }
}

/** " at line L, column C" when the parser said where, for the reasons below. */
function whereIn(problem: XmlProblem): string {
  return problem.line === undefined ? '' : ` at line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`}`
}

function malformed(location: SourceLocation, problem: XmlProblem, kept: number): SourceItem {
  const outcome = kept > 0 ? `the ${kept} item${kept === 1 ? '' : 's'} before or around the error were still read` : 'no item could be read'
  const reason = `${labelOf(location)} is malformed XML${whereIn(problem)} (${problem.message}); ${outcome}. Fix the feed or fetch it again.`
  return fatalSeed(location, 'xml', 'source/malformed-xml', reason, { line: problem.line })
}

/** Position of the item that holds line `line`: the last one starting at or before it, else the first. */
function itemAt(lines: readonly (number | undefined)[], line: number | undefined): number {
  let found = 0
  lines.forEach((start, position) => {
    if (line !== undefined && start !== undefined && start <= line) found = position
  })
  return found
}

/** The warning a recovered feed's item carries (see the module comment). */
function recoveredWarning(location: SourceLocation, problem: XmlProblem, items: number): DocMessage {
  const reason = `${labelOf(location)} is malformed XML${whereIn(problem)} (${problem.message}); all ${items} of its items were still read, this one nearest the error. Fix the feed to be sure of this item's text.`
  return { stage: 'source', rule: 'source/malformed-xml', severity: 'warn', reason, ...(problem.line === undefined ? {} : { place: { line: problem.line } }) }
}

function* itemSeeds(library: FastXml, shape: FeedShape, blob: InputBlob, locate: (offset: number) => number, recovered?: XmlProblem): Generator<SourceItem> {
  const symbol = library.XMLParser.getMetaDataSymbol() as unknown as symbol
  const lines = shape.items.map((item) => {
    const offset = (item as Record<symbol, { startIndex?: number } | undefined>)[symbol]?.startIndex
    return offset === undefined ? undefined : locate(offset)
  })
  const warned = recovered === undefined ? -1 : itemAt(lines, recovered.line)
  for (const [position, item] of shape.items.entries()) {
    const index = position + 1
    const line = lines[position]
    try {
      const fields = mapFeedItem(item, shape, `${labelOf(blob.location)} item ${index}${line === undefined ? '' : ` (line ${line})`}`)
      const messages = position === warned && recovered !== undefined ? [recoveredWarning(blob.location, recovered, shape.items.length)] : []
      yield { kind: 'doc', init: { ...fields, messages, source: { ...blob.location, format: 'xml', index, ...(line === undefined ? {} : { line }) } } }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error
      yield fatalSeed(blob.location, 'xml', error.rule, error.reason, { index, line })
    }
  }
}

/** Reads a feed into one seed per item, plus a fatal seed for the file when it is malformed. */
export async function* readFeed(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  const label = labelOf(blob.location)
  const { text } = decodeBytes(await readDocumentBytes(blob, context.options.limits.maxFileBytes), { format: 'xml' })
  const xml = blankDoctype(text)
  const library = await import('fast-xml-parser')
  const { parsed, problem: parseProblem } = parse(library, xml)
  const problem = validate(library, xml) ?? parseProblem
  const shape = parsed === undefined ? undefined : findFeed(parsed)
  if (shape === undefined || !('kind' in shape)) {
    if (problem !== undefined) return yield malformed(blob.location, problem, 0)
    const root = shape?.root === undefined ? 'no root element' : `root element <${shape.root}>`
    throw new SourceError('source/not-a-feed', `${label} is XML but not an RSS, Atom or RDF feed (${root}); sluice reads feeds from .xml files. Remove it, or convert it to JSON lines.`)
  }
  const recovered = problem !== undefined && problem.cutOff !== true && nothingLost(xml, shape.items.length) ? problem : undefined
  if (problem !== undefined && recovered === undefined) yield malformed(blob.location, problem, shape.items.length)
  if (shape.items.length === 0 && problem === undefined) {
    throw new SourceError('source/no-records', `${label} is a${shape.kind === 'atom' ? 'n Atom' : shape.kind === 'rdf' ? 'n RDF' : 'n RSS'} feed with no items; there is nothing to read.`)
  }
  yield* itemSeeds(library, shape, blob, lineLocator(xml), recovered)
}
