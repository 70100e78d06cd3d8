/**
 * Decides which text a page yields: Readability's article when it found enough, else the
 * body without landmark chrome. "Too little" needs both an absolute and a relative shortfall,
 * so a short article on a small page is kept, and so is a short article on a big portal page
 * as long as it reaches `minCharacters` (portal chrome is worse than a short text).
 */
import type { StageContext } from '../../core/stage.ts'
import type { BodyText } from './body-text.ts'
import { textLength } from './body-text.ts'
import type { ReadabilityResult } from './readability.ts'

/** How the text was obtained; recorded in `meta.extract.method`. */
export type ExtractMethod = 'readability' | 'fallback-body' | 'fast'

/** The chosen paragraphs and where they came from. */
export interface ChosenContent {
  paragraphs: string[]
  method: ExtractMethod
}

/** Thresholds from the stage options. */
export interface FallbackSettings {
  fallbackMinCharacters: number
  fallbackRatio: number
}

type ContentRule = 'extract/readability' | 'extract/fallback-body' | 'extract/headline-restored'

/** Readability's paragraphs when they are enough, else the chrome-less body (or the full body). */
export function chooseContent(main: ReadabilityResult, body: BodyText, settings: FallbackSettings, context: StageContext<ContentRule>): ChosenContent {
  const visible = textLength(body.full)
  const chromeless = body.withoutChrome.length > 0
  const fallback = { paragraphs: chromeless ? body.withoutChrome : body.full, method: 'fallback-body' } as const
  const what = chromeless ? 'the page body without navigation, header, footer, aside and forms' : 'the whole page body'
  if (!main.ok) {
    if (visible > 0) context.warn('extract/fallback-body', `Using ${what}: ${main.reason}.`)
    return fallback
  }
  const found = textLength(main.paragraphs)
  const tooLittle = found < settings.fallbackMinCharacters && found < visible * settings.fallbackRatio
  if (tooLittle && textLength(fallback.paragraphs) > found) {
    context.warn('extract/fallback-body', `Readability found only ${found} of ${visible} visible characters; using ${what}.`)
    return fallback
  }
  if (found > 0) context.info('extract/readability', `Readability extracted ${found} of ${visible} visible characters.`)
  return { paragraphs: main.paragraphs, method: 'readability' }
}

/** Puts the headline (see headline.ts) first in Readability's text. */
export function withHeadline(content: ChosenContent, headline: string | undefined, context: StageContext<ContentRule>): ChosenContent {
  const { paragraphs } = content
  if (headline === undefined || content.method !== 'readability' || paragraphs.length === 0) return content
  context.info('extract/headline-restored', 'Put back the headline that Readability removed as a repeat of the title.', { place: { line: 1 }, actual: headline.slice(0, 160) })
  return { ...content, paragraphs: [headline, ...paragraphs] }
}
