/**
 * The metadata facts of a parsed (linkedom) page, for the Readability method: the same facts
 * the streaming reader collects, so both methods choose metadata with metadata.ts alone.
 */
import { isAuthorRel, isJsonLdType, isPublicationTime, metadataFromFacts, metaKey } from './metadata.ts'
import type { PageFacts, PageMetadata } from './metadata.ts'

/** Reads every metadata candidate of the page. Call before Readability mutates the document. */
export function readMetadata(document: Document): PageMetadata {
  return metadataFromFacts(readPageFacts(document))
}

/** Collects the raw metadata facts from a DOM. */
export function readPageFacts(document: Document): PageFacts {
  const attribute = (element: Element) => (name: string) => element.getAttribute(name)
  const metas: PageFacts['metas'] = []
  for (const element of document.querySelectorAll('meta')) {
    const key = metaKey(attribute(element))
    if (key !== undefined) metas.push({ key, content: element.getAttribute('content') ?? '' })
  }
  const jsonLd: string[] = []
  for (const script of document.querySelectorAll('script')) {
    if (isJsonLdType(script.getAttribute('type'))) jsonLd.push(script.textContent ?? '')
  }
  const times = [...document.querySelectorAll('time[datetime]')]
  return {
    metas,
    jsonLd,
    title: textOf(document.querySelector('title')),
    h1: textOf(document.querySelector('h1')),
    htmlLang: document.documentElement.getAttribute('lang') ?? undefined,
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
    relAuthor: textOf([...document.querySelectorAll('a[rel]')].find((link) => isAuthorRel(link.getAttribute('rel') ?? '')) ?? null),
    firstTime: times[0]?.getAttribute('datetime') ?? undefined,
    markedTime: times.find((time) => isPublicationTime(attribute(time)))?.getAttribute('datetime') ?? undefined,
  }
}

function textOf(element: Element | null): string | undefined {
  return element === null ? undefined : element.textContent ?? ''
}
