/**
 * Page metadata from the places publishers put it: Open Graph and Twitter cards, `<meta>`
 * names (Dublin Core, Parse.ly, Sailthru, citation_*), JSON-LD, `<link rel=canonical>`,
 * `<html lang>`, `<time datetime>`, `rel=author`. Each field gets an ordered list of
 * candidates (most specific source first), so the stage can pick one and say where it came from.
 */
import { collapseToLine } from '../../text/whitespace.ts'
import { collectNodes, factsFromNodes, parseJsonLd } from './json-ld.ts'
import type { JsonLdFacts } from './json-ld.ts'

/** The document fields extract fills. */
export type MetadataField = 'title' | 'author' | 'published' | 'url' | 'lang'

/** One value for a field and the place it was read from (`og:title`, `json-ld:headline`…). */
export interface Candidate {
  value: string
  from: string
}

/** Candidates per field in order of preference, plus the site name for later stages. */
export interface PageMetadata {
  candidates: Record<MetadataField, Candidate[]>
  siteName?: string
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title']
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'citation_author', 'byl']
const DATE_KEYS = [
  'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date',
  'publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'citation_publication_date', 'citation_date', 'parsely-pub-date', 'sailthru.date', 'article.published',
]
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i
const LONGEST_VALUE = 300

/** Reads every metadata candidate of the page. Call before Readability mutates the document. */
export function readMetadata(document: Document): PageMetadata {
  const meta = metaTable(document)
  const jsonLd = readJsonLd(document)
  const fromMeta = (keys: readonly string[]): Candidate[] =>
    keys.flatMap((key) => (meta.has(key) ? [{ value: meta.get(key) as string, from: key }] : []))
  const candidates: Record<MetadataField, Candidate[]> = {
    title: [...fromMeta(TITLE_KEYS.slice(0, 1)), ...optional(jsonLd.headline, 'json-ld:headline'), ...fromMeta(TITLE_KEYS.slice(1)),
      ...optional(textOf(document.querySelector('title')), '<title>'), ...optional(textOf(document.querySelector('h1')), '<h1>')],
    author: [...optional(jsonLd.authors.join(', '), 'json-ld:author'), ...fromMeta(AUTHOR_KEYS).filter((item) => !isUrl(item.value)),
      ...optional(relAuthor(document), 'rel=author')],
    published: [...fromMeta(DATE_KEYS.slice(0, 1)), ...optional(jsonLd.datePublished, 'json-ld:datePublished'), ...fromMeta(DATE_KEYS.slice(1)),
      ...optional(timeElement(document), '<time datetime>')],
    url: [...optional(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), 'link rel=canonical'),
      ...fromMeta(['og:url']), ...optional(jsonLd.url, 'json-ld:url')],
    lang: [...optional(document.documentElement.getAttribute('lang'), '<html lang>'), ...fromMeta(['content-language', 'og:locale', 'dc.language']),
      ...optional(jsonLd.language, 'json-ld:inLanguage')],
  }
  return { candidates, siteName: meta.get('og:site_name') }
}

/** First non-empty `content` per lower-cased `property`/`name`/`itemprop`/`http-equiv`. */
function metaTable(document: Document): Map<string, string> {
  const table = new Map<string, string>()
  for (const element of document.querySelectorAll('meta')) {
    const key = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv')
    const value = clean(element.getAttribute('content') ?? '')
    if (key === null || value.length === 0) continue
    const normalized = key.trim().toLowerCase()
    if (!table.has(normalized)) table.set(normalized, value)
  }
  return table
}

function readJsonLd(document: Document): JsonLdFacts {
  const roots: unknown[] = []
  for (const script of document.querySelectorAll('script')) {
    if (!(script.getAttribute('type') ?? '').toLowerCase().includes('ld+json')) continue
    const parsed = parseJsonLd(script.textContent ?? '')
    if (parsed !== undefined) roots.push(parsed)
  }
  return factsFromNodes(collectNodes(roots))
}

function relAuthor(document: Document): string | undefined {
  for (const link of document.querySelectorAll('a[rel]')) {
    if (/(?:^|\s)author(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return textOf(link)
  }
  return undefined
}

/** The first `<time datetime>`, preferring one marked as the publication date. */
function timeElement(document: Document): string | undefined {
  const times = [...document.querySelectorAll('time[datetime]')]
  const marked = times.find((time) => time.hasAttribute('pubdate') || /datepublished/i.test(time.getAttribute('itemprop') ?? ''))
  return (marked ?? times[0])?.getAttribute('datetime') ?? undefined
}

function optional(value: string | null | undefined, from: string): Candidate[] {
  const cleaned = clean(value ?? '')
  return cleaned.length > 0 ? [{ value: cleaned, from }] : []
}

function textOf(element: Element | null): string | undefined {
  return element === null ? undefined : clean(element.textContent ?? '')
}

function clean(value: string): string {
  return collapseToLine(value).slice(0, LONGEST_VALUE)
}

function isUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value)
}

/** `en_US` → `en-US`; anything that is not a language tag gives undefined. */
export function normalizeLanguage(value: string): string | undefined {
  const tag = value.split(/[,;]/)[0]?.trim().replace(/_/g, '-') ?? ''
  return LANGUAGE_CODE.test(tag) ? tag : undefined
}

/** Absolute http(s) URL, resolving a relative one against `base` when there is one. */
export function absoluteUrl(value: string, base?: string): string | undefined {
  try {
    const url = base === undefined ? new URL(value) : new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
