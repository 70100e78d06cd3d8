/**
 * The metadata facts of a page (see `PageFacts` in metadata.ts) from parser events, collected
 * in the same streaming pass as the text: the fast method builds no DOM, and metadata.ts then
 * chooses the values exactly as it does for the DOM reader.
 */
import type { AttributeReader } from './html-rules.ts'
import { isAuthorRel, isJsonLdType, isPublicationTime, metaKey } from './metadata.ts'
import type { PageFacts } from './metadata.ts'

/** An element whose whole text (as `textContent`) is wanted, until its close tag. */
interface Capture {
  depth: number
  parts: string[]
  done: (text: string) => void
}

/** The state of one page's collection. */
interface State {
  facts: PageFacts
  depth: number
  captures: Capture[]
  seen: Set<string>
}

/** The event sink a parser drives; {@link SaxFactsReader.finish} returns the facts. */
export interface SaxFactsReader {
  open(tag: string, attribute: AttributeReader): void
  close(): void
  text(value: string): void
  finish(): PageFacts
}

/** Creates a collector for one page. */
export function createSaxFacts(): SaxFactsReader {
  const state: State = { facts: { metas: [], jsonLd: [] }, depth: 0, captures: [], seen: new Set() }
  return {
    open(tag, attribute) {
      state.depth += 1
      openTag(state, tag, attribute)
    },
    close() {
      const capture = state.captures.at(-1)
      if (capture !== undefined && capture.depth === state.depth) {
        state.captures.pop()
        capture.done(capture.parts.join(''))
      }
      state.depth -= 1
    },
    text(value) {
      for (const capture of state.captures) capture.parts.push(value)
    },
    finish: () => state.facts,
  }
}

function openTag(state: State, tag: string, attribute: AttributeReader): void {
  const { facts } = state
  if (tag === 'meta') {
    const key = metaKey(attribute)
    if (key !== undefined) facts.metas.push({ key, content: attribute('content') ?? '' })
  } else if (tag === 'script') {
    if (isJsonLdType(attribute('type'))) capture(state, (text) => facts.jsonLd.push(text))
  } else if (tag === 'time') {
    const datetime = attribute('datetime')
    if (datetime === undefined || datetime === null) return
    facts.firstTime ??= datetime
    if (isPublicationTime(attribute)) facts.markedTime ??= datetime
  } else if (first(state, tag, attribute)) {
    openFirst(state, tag, attribute)
  }
}

/** True the first time a tag whose first occurrence matters (title, h1, html, canonical, author link) opens. */
function first(state: State, tag: string, attribute: AttributeReader): boolean {
  let key: string
  if (tag === 'title' || tag === 'h1' || tag === 'html') key = tag
  else if (tag === 'link' && attribute('rel') === 'canonical') key = 'canonical'
  else if (tag === 'a' && isAuthorRel(attribute('rel') ?? '')) key = 'author'
  else return false
  if (state.seen.has(key)) return false
  state.seen.add(key)
  return true
}

function openFirst(state: State, tag: string, attribute: AttributeReader): void {
  const { facts } = state
  if (tag === 'html') facts.htmlLang = attribute('lang') ?? undefined
  else if (tag === 'link') facts.canonical = attribute('href') ?? undefined
  else if (tag === 'title') capture(state, (text) => (facts.title = text))
  else if (tag === 'h1') capture(state, (text) => (facts.h1 = text))
  else capture(state, (text) => (facts.relAuthor = text))
}

function capture(state: State, done: (text: string) => void): void {
  state.captures.push({ depth: state.depth, parts: [], done })
}
