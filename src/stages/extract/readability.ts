/**
 * Readability.js on a linkedom document, contained: pages too big or too deep for it are
 * not handed over (its cost grows with depth squared, and linkedom ignores its own
 * `maxElemsToParse` check because `getElementsByTagName('*')` is empty there), and a throw or
 * a stack overflow inside it becomes a reason for the fallback instead of a crash.
 */
import { Readability } from '@mozilla/readability'
import { domToParagraphs } from './dom-text.ts'
import { measureTree } from './tree-shape.ts'

/**
 * The pre-parse flattening counts only elements with required end tags, so the tree can be
 * somewhat deeper than `maxDepth` (nested tables, lists); Readability is skipped only beyond this factor.
 */
const DEPTH_SLACK = 2

/** Limits and tuning passed through from the stage options. */
export interface ReadabilitySettings {
  charThreshold: number
  nbTopCandidates: number
  maxElements: number
  maxDepth: number
}

/** What Readability found: paragraphs and its own metadata guesses; or why it found nothing. */
export type ReadabilityResult =
  | { ok: true; paragraphs: string[]; content: Node; title?: string; byline?: string; publishedTime?: string; lang?: string }
  | { ok: false; reason: string }

/** Runs Readability on `document` (which it mutates) and converts the article to paragraphs. */
export function runReadability(document: Document, settings: ReadabilitySettings): ReadabilityResult {
  const shape = measureTree(document.documentElement, settings.maxElements)
  if (shape.elements > settings.maxElements) return { ok: false, reason: `the page has more than ${settings.maxElements} elements (option maxElements)` }
  if (shape.depth > settings.maxDepth * DEPTH_SLACK) return { ok: false, reason: `the page nests elements ${shape.depth} levels deep, more than ${settings.maxDepth * DEPTH_SLACK} (twice the option maxDepth)` }
  let article: ReturnType<Readability<Node>['parse']>
  try {
    const reader = new Readability<Node>(document, {
      charThreshold: settings.charThreshold,
      nbTopCandidates: settings.nbTopCandidates,
      serializer: (node) => node,
    })
    article = reader.parse()
  } catch (error) {
    return { ok: false, reason: `Readability failed (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})` }
  }
  if (article === null || article.content === null || article.content === undefined) return { ok: false, reason: 'Readability found no article' }
  return {
    ok: true,
    paragraphs: domToParagraphs(article.content),
    content: article.content,
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    publishedTime: article.publishedTime ?? undefined,
    lang: article.lang ?? undefined,
  }
}
