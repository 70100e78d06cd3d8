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

/**
 * The raw facts metadata is chosen from, as any HTML reader can collect them in one pass (the
 * DOM reader in dom-facts.ts, the streaming one in sax-page.ts), so the choice logic below
 * exists once whatever parsed the page.
 */
export interface PageFacts {
  /** `<meta>` key (see {@link metaKey}) and `content`, in page order. */
  metas: { key: string; content: string }[]
  /** Bodies of `<script type="application/ld+json">`, in page order. */
  jsonLd: string[]
  /** Text of the first `<title>` and of the first `<h1>`. */
  title?: string
  h1?: string
  /** `lang` of `<html>`, `href` of the first `<link rel="canonical">`. */
  htmlLang?: string
  canonical?: string
  /** Text of the first link whose `rel` says author (see {@link isAuthorRel}). */
  relAuthor?: string
  /** `datetime` of the first `<time>`, and of the first one marked as the publication date. */
  firstTime?: string
  markedTime?: string
}

/** The key a `<meta>` is filed under: `property`, else `name`, `itemprop`, `http-equiv`. */
export function metaKey(attribute: (name: string) => string | null | undefined): string | undefined {
  return attribute('property') ?? attribute('name') ?? attribute('itemprop') ?? attribute('http-equiv') ?? undefined
}

/** True for a `rel` value naming the author link (`rel="author"`, `rel="author external"`). */
export function isAuthorRel(rel: string): boolean {
  return /(?:^|\s)author(?:\s|$)/i.test(rel)
}

/** True for a `<time>` marked as the publication date (`pubdate`, `itemprop=datePublished`). */
export function isPublicationTime(attribute: (name: string) => string | null | undefined): boolean {
  const pubdate = attribute('pubdate')
  return (pubdate !== null && pubdate !== undefined) || /datepublished/i.test(attribute('itemprop') ?? '')
}

/** True for a script `type` holding JSON-LD. */
export function isJsonLdType(type: string | null | undefined): boolean {
  return (type ?? '').toLowerCase().includes('ld+json')
}

/** Every metadata candidate of a page, from the facts its reader collected. */
export function metadataFromFacts(facts: PageFacts): PageMetadata {
  const meta = metaTable(facts.metas)
  const jsonLd = readJsonLd(facts.jsonLd)
  const fromMeta = (keys: readonly string[]): Candidate[] =>
    keys.flatMap((key) => (meta.has(key) ? [{ value: meta.get(key) as string, from: key }] : []))
  const candidates: Record<MetadataField, Candidate[]> = {
    title: [...fromMeta(TITLE_KEYS.slice(0, 1)), ...optional(jsonLd.headline, 'json-ld:headline'), ...fromMeta(TITLE_KEYS.slice(1)),
      ...optional(textValue(facts.title), '<title>'), ...optional(textValue(facts.h1), '<h1>')],
    author: [...optional(jsonLd.authors.join(', '), 'json-ld:author'), ...fromMeta(AUTHOR_KEYS).filter((item) => !isUrl(item.value)),
      ...optional(textValue(facts.relAuthor), 'rel=author')],
    published: [...fromMeta(DATE_KEYS.slice(0, 1)), ...optional(jsonLd.datePublished, 'json-ld:datePublished'), ...fromMeta(DATE_KEYS.slice(1)),
      ...optional(facts.markedTime ?? facts.firstTime, '<time datetime>')],
    url: [...optional(facts.canonical, 'link rel=canonical'), ...fromMeta(['og:url']), ...optional(jsonLd.url, 'json-ld:url')],
    lang: [...optional(facts.htmlLang, '<html lang>'), ...fromMeta(['content-language', 'og:locale', 'dc.language']),
      ...optional(jsonLd.language, 'json-ld:inLanguage')],
  }
  return { candidates, siteName: meta.get('og:site_name') }
}

/** The metadata titles a visible heading is compared with (the first `h1` itself excluded). */
export function titleTexts(metadata: PageMetadata): string[] {
  return metadata.candidates.title.filter((candidate) => candidate.from !== '<h1>').map((candidate) => candidate.value)
}

/** First non-empty `content` per lower-cased key. */
function metaTable(metas: PageFacts['metas']): Map<string, string> {
  const table = new Map<string, string>()
  for (const { key, content } of metas) {
    const value = clean(content)
    if (value.length === 0) continue
    const normalized = key.trim().toLowerCase()
    if (!table.has(normalized)) table.set(normalized, value)
  }
  return table
}

function readJsonLd(sources: readonly string[]): JsonLdFacts {
  const roots: unknown[] = []
  for (const source of sources) {
    const parsed = parseJsonLd(source)
    if (parsed !== undefined) roots.push(parsed)
  }
  return factsFromNodes(collectNodes(roots))
}

function optional(value: string | null | undefined, from: string): Candidate[] {
  const cleaned = clean(value ?? '')
  return cleaned.length > 0 ? [{ value: cleaned, from }] : []
}

/** An element's text as a value (cleaned here and again as a candidate, as it always was). */
function textValue(value: string | undefined): string | undefined {
  return value === undefined ? undefined : clean(value)
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
