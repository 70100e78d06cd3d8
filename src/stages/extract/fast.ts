/**
 * The fast extract method: one streaming htmlparser2 pass yields the body as a browser's
 * innerText would lay it out (minus landmark chrome) and the metadata facts, with no DOM and
 * no Readability. Finer cleaning is left to the text stages, which already clean innerText
 * dumps as well as Readability does; this costs a fraction of parse + Readability per page.
 */
import { Parser } from 'htmlparser2'
import type { StageContext } from '../../core/stage.ts'
import { textLength } from './body-text.ts'
import { hasHeadlineLine, isTitleHeading } from './headline.ts'
import { FORM_WRAPPER_SHARE } from './html-rules.ts'
import { metadataFromFacts, titleTexts } from './metadata.ts'
import type { PageMetadata } from './metadata.ts'
import { createSaxFacts } from './sax-facts.ts'
import { createSaxText } from './sax-text.ts'
import type { SaxText, TextChunk } from './sax-text.ts'

/** Paragraphs after a headline found in chrome that are searched for a copy of it. */
const NEARBY = 3

/** What the fast method read: the chosen paragraphs, the page's metadata, the visible length. */
export interface FastContent {
  paragraphs: string[]
  metadata: PageMetadata
  visibleCharacters: number
}

/** Settings the fast method uses from the stage options. */
export interface FastSettings {
  keepHeadline: boolean
  ariaHidden: boolean
  /** Deeper nesting stops the pass (see {@link TooDeep}). */
  maxDepth: number
}

/**
 * Thrown when the parser's element stack grows past `maxDepth`: htmlparser2's stack costs
 * depth × elements, so the caller flattens the page (flatten.ts) and reads it again. Checking
 * during the pass spares ordinary pages the flattening pre-scan.
 */
export class TooDeep extends Error {}

type FastRule = 'extract/fast' | 'extract/fallback-body' | 'extract/headline-restored'

/** Reads the page in one pass and keeps its text outside landmark chrome (all of it when that leaves nothing). */
export function extractFast(html: string, settings: FastSettings, context: StageContext<FastRule>): FastContent {
  const { text, metadata } = readPage(html, settings)
  const keep = text.chunks.map((chunk) => isKept(chunk, text.pageLength))
  const headline = settings.keepHeadline ? restoreHeadline(text.chunks, keep, titleTexts(metadata)) : undefined
  const all = joinChunks(text.chunks, () => true)
  const visibleCharacters = textLength(all)
  let paragraphs = joinChunks(text.chunks, (index) => keep[index] === true)
  if (paragraphs.length === 0 && visibleCharacters > 0) {
    context.warn('extract/fallback-body', 'All visible text is in navigation, header, footer, aside or forms; using the whole page body.')
    paragraphs = all
  } else if (paragraphs.length > 0) {
    context.info('extract/fast', `Fast method: kept ${textLength(paragraphs)} of ${visibleCharacters} visible characters (landmark chrome left out).`)
  }
  if (headline !== undefined && paragraphs.length > 0) {
    context.info('extract/headline-restored', 'Kept the headline found in landmark chrome (with its page header, if it stood in one).', { actual: headline.slice(0, 160) })
  }
  return { paragraphs, metadata, visibleCharacters }
}

/** Runs the parser once, feeding the text reader and the metadata collector. */
function readPage(html: string, settings: FastSettings): { text: SaxText; metadata: PageMetadata } {
  const text = createSaxText({ ariaHidden: settings.ariaHidden })
  const facts = createSaxFacts()
  const current = { attributes: {} as Record<string, string>, depth: 0 }
  const attribute = (key: string): string | undefined => current.attributes[key]
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if ((current.depth += 1) > settings.maxDepth) throw new TooDeep()
        current.attributes = attributes
        text.open(name, attribute)
        facts.open(name, attribute)
      },
      onclosetag(name) {
        current.depth -= 1
        text.close(name)
        facts.close()
      },
      ontext(value) {
        text.text(value)
        facts.text(value)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return { text: text.finish(), metadata: metadataFromFacts(facts.finish()) }
}

/** The paragraphs of the chunks `kept`; a chunk that continues a paragraph (innerText line break) is glued to it. */
function joinChunks(chunks: readonly TextChunk[], kept: (index: number) => boolean): string[] {
  const paragraphs: string[] = []
  chunks.forEach((chunk, index) => {
    if (!kept(index)) return
    const last = paragraphs.length - 1
    if (chunk.join < 2 && last >= 0) {
      paragraphs[last] = `${paragraphs[last] ?? ''}\n${chunk.paragraphs[0] ?? ''}`
      paragraphs.push(...chunk.paragraphs.slice(1))
    } else {
      paragraphs.push(...chunk.paragraphs)
    }
  })
  return paragraphs
}

/** Landmark chrome is left out; a form only when it holds at most half of the page text. */
function isKept(chunk: TextChunk, pageLength: number): boolean {
  return chunk.region === undefined && chunk.forms.every((form) => form.length > pageLength * FORM_WRAPPER_SHARE)
}

/**
 * Keeps the headline when chrome holds it: the first h1-h3 left out that matches a metadata
 * title. A page-level header holding it is the article's header (date, headline, byline) and
 * is kept whole; elsewhere only the heading is, unless the text next to it already has it.
 */
function restoreHeadline(chunks: readonly TextChunk[], keep: boolean[], titles: readonly string[]): string | undefined {
  if (titles.length === 0) return undefined
  const index = chunks.findIndex((chunk, at) => chunk.heading === true && keep[at] !== true && isTitleHeading(chunk.paragraphs.join(' '), titles))
  const chunk = chunks[index]
  if (chunk === undefined) return undefined
  const headline = chunk.paragraphs.join(' ')
  if (copiedNearby(chunks, keep, index, headline)) return undefined
  const region = chunk.region
  if (region?.scoped === true) chunks.forEach((item, at) => { if (item.region === region) keep[at] = true })
  else keep[index] = true
  return headline
}

/** True when the kept paragraph right before chunk `index`, or one of the next few, has the headline. */
function copiedNearby(chunks: readonly TextChunk[], keep: readonly boolean[], index: number, headline: string): boolean {
  let before: string | undefined
  for (let at = index - 1; at >= 0 && before === undefined; at -= 1) if (keep[at] === true) before = chunks[at]?.paragraphs.at(-1)
  const after: string[] = []
  for (let at = index + 1; at < chunks.length && after.length < NEARBY; at += 1) {
    if (keep[at] === true) after.push(...(chunks[at]?.paragraphs.slice(0, NEARBY - after.length) ?? []))
  }
  return hasHeadlineLine(before === undefined ? after : [before, ...after], headline, NEARBY + 1)
}
