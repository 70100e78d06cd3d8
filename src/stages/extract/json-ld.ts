/**
 * JSON-LD as pages really ship it: one object, an array, an `@graph`, nodes that point to
 * each other by `@id`, HTML comments or CDATA around the JSON, several blocks per page, and
 * broken JSON (ignored, never fatal). We read only what metadata needs.
 */

/** A JSON-LD node: any plain object. */
export type JsonLdNode = Record<string, unknown>

/** The metadata fields JSON-LD can give, from the most article-like node. */
export interface JsonLdFacts {
  headline?: string
  authors: string[]
  datePublished?: string
  url?: string
  language?: string
}

const ARTICLE_TYPE = /article|posting|report|review|recipe|howto|question/i
const PAGE_TYPE = /webpage|itempage|aboutpage/i
const PERSON_TYPE = /person/i
const MAX_NODES = 2000

/** Parses one `<script type="application/ld+json">` body; undefined when it is not JSON. */
export function parseJsonLd(source: string): unknown {
  const cleaned = source
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim()
  if (cleaned.length === 0) return undefined
  try {
    return JSON.parse(cleaned) as unknown
  } catch {
    return undefined
  }
}

/** Flattens arrays, `@graph` and nested objects into a node list (iterative, bounded). */
export function collectNodes(roots: readonly unknown[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = []
  const stack: unknown[] = [...roots].reverse()
  while (stack.length > 0 && nodes.length < MAX_NODES) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index])
    } else if (isNode(value)) {
      nodes.push(value)
      if (value['@graph'] !== undefined) stack.push(value['@graph'])
    }
  }
  return nodes
}

/** Reads headline, authors, date, url and language from the most article-like node. */
export function factsFromNodes(nodes: readonly JsonLdNode[]): JsonLdFacts {
  const byId = new Map<string, JsonLdNode>()
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node)
  const main = nodes.find((node) => typeMatches(node, ARTICLE_TYPE)) ?? nodes.find((node) => typeMatches(node, PAGE_TYPE))
  if (main === undefined) return { authors: [] }
  return {
    headline: firstString(main.headline) ?? (typeMatches(main, ARTICLE_TYPE) ? firstString(main.name) : undefined),
    authors: authorNames(main.author ?? main.creator, byId),
    datePublished: firstString(main.datePublished) ?? firstString(main.dateCreated),
    url: firstString(main.url) ?? idOf(main.mainEntityOfPage),
    language: firstString(main.inLanguage),
  }
}

/** Person names from a string, a node, an `@id` reference or an array of those. */
function authorNames(value: unknown, byId: ReadonlyMap<string, JsonLdNode>): string[] {
  const names: string[] = []
  for (const item of Array.isArray(value) ? value : [value]) {
    let node: unknown = item
    if (isNode(node) && typeof node['@id'] === 'string' && node.name === undefined) node = byId.get(node['@id'])
    if (typeof node === 'string') names.push(node)
    else if (isNode(node) && (node['@type'] === undefined || typeMatches(node, PERSON_TYPE))) {
      const name = firstString(node.name)
      if (name !== undefined) names.push(name)
    }
  }
  return [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))]
}

function typeMatches(node: JsonLdNode, pattern: RegExp): boolean {
  const type = node['@type']
  const types = Array.isArray(type) ? type : [type]
  return types.some((item) => typeof item === 'string' && pattern.test(item))
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value[0] as unknown) : value
  if (typeof first === 'string') return first.trim() || undefined
  if (isNode(first) && typeof first['@value'] === 'string') return first['@value'].trim() || undefined
  return undefined
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return isNode(value) ? firstString(value['@id']) ?? firstString(value.url) : undefined
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
