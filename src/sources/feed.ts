/**
 * Feeds (`.xml`, `.rss`, `.atom`): RSS 2.0, RSS 1.0 (RDF) and Atom. Each item becomes a seed
 * (`feed.xml#3`, with the line where the item starts); its HTML content goes to `html` so
 * `extract` handles it like a page.
 *
 * Safety: the DOCTYPE is blanked before parsing, so entities a document defines are never
 * expanded (billion laughs); only the predefined entities, numeric references and HTML's
 * named entities (a fixed table, for sloppy feeds) are decoded. Malformed XML: the items the
 * lenient parser can still read are kept, and the error is reported on a seed for the file
 * (`source/malformed-xml`, with line and column). XML that is not a feed is `source/not-a-feed`.
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
}

function validate(library: FastXml, xml: string): XmlProblem | undefined {
  const result = library.XMLValidator.validate(xml)
  return result === true ? undefined : { line: result.err.line, column: result.err.col, message: result.err.msg }
}

function parse(library: FastXml, xml: string): { parsed?: Record<string, unknown>; problem?: XmlProblem } {
  try {
    return { parsed: createParser(library).parse(xml) as Record<string, unknown> }
  } catch (error) {
    return { problem: { message: error instanceof Error ? error.message : String(error) } }
  }
}

function malformed(location: SourceLocation, problem: XmlProblem, kept: number): SourceItem {
  const where = problem.line === undefined ? '' : ` at line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`}`
  const outcome = kept > 0 ? `the ${kept} item${kept === 1 ? '' : 's'} before or around the error were still read` : 'no item could be read'
  const reason = `${labelOf(location)} is malformed XML${where} (${problem.message}); ${outcome}. Fix the feed or fetch it again.`
  return fatalSeed(location, 'xml', 'source/malformed-xml', reason, { line: problem.line })
}

function* itemSeeds(library: FastXml, shape: FeedShape, blob: InputBlob, locate: (offset: number) => number): Generator<SourceItem> {
  const symbol = library.XMLParser.getMetaDataSymbol() as unknown as symbol
  for (const [position, item] of shape.items.entries()) {
    const index = position + 1
    const offset = (item as Record<symbol, { startIndex?: number } | undefined>)[symbol]?.startIndex
    const line = offset === undefined ? undefined : locate(offset)
    try {
      const fields = mapFeedItem(item, shape, `${labelOf(blob.location)} item ${index}${line === undefined ? '' : ` (line ${line})`}`)
      yield { kind: 'doc', init: { ...fields, source: { ...blob.location, format: 'xml', index, ...(line === undefined ? {} : { line }) } } }
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
  if (problem !== undefined) yield malformed(blob.location, problem, shape.items.length)
  if (shape.items.length === 0 && problem === undefined) {
    throw new SourceError('source/no-records', `${label} is a${shape.kind === 'atom' ? 'n Atom' : shape.kind === 'rdf' ? 'n RDF' : 'n RSS'} feed with no items; there is nothing to read.`)
  }
  yield* itemSeeds(library, shape, blob, lineLocator(xml))
}
