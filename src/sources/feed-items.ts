/**
 * Finds the items of a parsed RSS 2.0, RSS 1.0 (RDF) or Atom feed and maps each to document
 * fields. Content (`content:encoded`, Atom `content`, `description`, `summary`) arrives as raw
 * inner XML (parser stop nodes); it becomes `html` when it carries markup, `text` otherwise.
 */
import { looksLikeMarkup, xmlCharacterData } from '../text/xml.ts'
import { SourceError } from './fatal.ts'
import { joinAuthors, normalizeDate } from './record.ts'
import type { RecordFields } from './record.ts'

type XmlNode = Record<string, unknown>

/** A recognised feed: its kind, its items, and the channel/feed element for defaults. */
export interface FeedShape {
  kind: 'rss' | 'rdf' | 'atom'
  items: XmlNode[]
  channel: XmlNode
}

/** Elements whose inner XML is kept raw by the parser (see `feed.ts`). */
export const CONTENT_ELEMENTS = ['content:encoded', 'content', 'description', 'summary'] as const

function asNode(value: unknown): XmlNode | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'object' && first !== null ? (first as XmlNode) : undefined
}

function asNodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((entry): entry is XmlNode => typeof entry === 'object' && entry !== null)
}

/** The text of an element that may be a string, a number, `{'#text': …}` or a list of those. */
export function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first === 'string') return first.trim() || undefined
  if (typeof first === 'number' || typeof first === 'boolean') return String(first)
  if (typeof first === 'object' && first !== null) return textOf((first as XmlNode)['#text'])
  return undefined
}

/** The feed inside a parsed document, or the name of the root element that is not a feed. */
export function findFeed(parsed: XmlNode): FeedShape | { root: string | undefined } {
  const root = Object.keys(parsed).find((key) => !key.startsWith('?') && !key.startsWith('#') && !key.startsWith('@_'))
  const node = asNode(root === undefined ? undefined : parsed[root]) ?? {}
  const local = root?.replace(/^.*:/, '')
  if (local === 'rss') {
    const channel = asNode(node.channel) ?? {}
    return { kind: 'rss', items: asNodes(channel.item ?? node.item), channel: { ...channel, '@_xml:lang': channel['@_xml:lang'] ?? node['@_xml:lang'] } }
  }
  if (local === 'RDF') return { kind: 'rdf', items: asNodes(node.item ?? node['rss:item']), channel: asNode(node.channel ?? node['rss:channel']) ?? {} }
  if (local === 'feed') return { kind: 'atom', items: asNodes(node.entry ?? node['atom:entry']), channel: node }
  return { root }
}

function cleanTitle(value: unknown): string | undefined {
  // Atom titles may be type="html": drop tags, keep words.
  const text = textOf(value)?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()
  return text === '' ? undefined : text
}

function atomLink(value: unknown): string | undefined {
  const links = asNodes(value)
  const alternate = links.find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate')
  const href = (alternate ?? links[0])?.['@_href']
  return typeof href === 'string' ? href.trim() : textOf(value)
}

function itemUrl(item: XmlNode, shape: FeedShape): string | undefined {
  if (shape.kind === 'atom') return atomLink(item.link)
  const link = textOf(item.link)
  if (link !== undefined) return link
  const about = item['@_rdf:about']
  if (typeof about === 'string') return about
  const guid = asNode(item.guid)
  const permalink = guid?.['@_isPermaLink'] !== 'false'
  const id = textOf(item.guid)
  return permalink && id !== undefined && /^https?:\/\//.test(id) ? id : undefined
}

/** RSS `author` is "mail@example.com (Name)"; the name is what readers want. */
function rssAuthor(value: unknown): string | undefined {
  const text = textOf(value)
  return text?.match(/\(([^)]+)\)\s*$/)?.[1]?.trim() ?? text
}

function itemAuthor(item: XmlNode, shape: FeedShape): string | undefined {
  const creators = joinAuthors(asArray(item['dc:creator']).map(textOf))
  if (creators !== undefined) return creators
  if (shape.kind !== 'atom') return rssAuthor(item.author)
  const names = (authors: unknown): string | undefined => joinAuthors(asNodes(authors).map((author) => textOf(author.name)))
  return names(item.author) ?? names(shape.channel.author)
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

function itemLang(item: XmlNode, shape: FeedShape): string | undefined {
  const candidates = [item['@_xml:lang'], item['dc:language'], shape.channel.language, shape.channel['dc:language'], shape.channel['@_xml:lang']]
  for (const candidate of candidates) {
    const lang = typeof candidate === 'string' ? candidate.trim() : textOf(candidate)
    if (lang !== undefined && lang !== '') return lang
  }
  return undefined
}

function itemBody(item: XmlNode): { text?: string; html?: string } {
  for (const name of CONTENT_ELEMENTS) {
    const value = item[name]
    const raw = typeof value === 'string' ? value : textOf(value)
    if (raw === undefined) continue
    const type = asNode(value)?.['@_type']
    if (type === 'xhtml') return { html: raw }
    const data = xmlCharacterData(raw).trim()
    if (data === '') continue
    return type !== 'text' && looksLikeMarkup(data) ? { html: data } : { text: data }
  }
  return {}
}

/** Document fields of one feed item; throws `source/no-text-field` for an item without content. */
export function mapFeedItem(item: XmlNode, shape: FeedShape, label: string): RecordFields {
  const body = itemBody(item)
  if (body.text === undefined && body.html === undefined) {
    throw new SourceError('source/no-text-field', `${label} has no content: none of ${CONTENT_ELEMENTS.join(', ')} holds text, so there is nothing to clean.`)
  }
  const id = textOf(item.guid) ?? textOf(item.id)
  const fields: RecordFields = { ...body }
  const title = cleanTitle(item.title)
  const url = itemUrl(item, shape)
  const author = itemAuthor(item, shape)
  const published = normalizeDate(textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published) ?? textOf(item.updated))
  const lang = itemLang(item, shape)
  if (title !== undefined) fields.title = title
  if (url !== undefined) fields.url = url
  if (author !== undefined) fields.author = author
  if (published !== undefined) fields.published = published
  if (lang !== undefined) fields.lang = lang
  if (id !== undefined) fields.meta = { recordId: id }
  return fields
}
