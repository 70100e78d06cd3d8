/**
 * Paragraphs, optional sentences and the counts `segment` records in `stats`, from a text. A
 * stage that rewrites text after segment (site-chrome) rebuilds them with this, so the record's
 * `paragraphs`, `sentences` and counts always describe the text written.
 */
import { splitParagraphs } from './paragraphs.ts'
import { countSentences, splitSentences } from './sentences.ts'
import { countCharacters, countWords } from './words.ts'

/** The segmented form of a text. */
export interface Segmented {
  text: string
  paragraphs: string[]
  sentences?: string[]
  counts: { paragraphs: number; sentences: number; words: number; characters: number }
}

/** Splits `text` into paragraphs (and sentences when asked) and counts them. */
export function segmentText(source: string, withSentences: boolean): Segmented {
  const paragraphs = splitParagraphs(source)
  const text = paragraphs.join('\n\n')
  const sentences = withSentences ? paragraphs.flatMap((paragraph) => splitSentences(paragraph)) : undefined
  const sentenceCount = sentences?.length ?? paragraphs.reduce((sum, paragraph) => sum + countSentences(paragraph), 0)
  const counts = { paragraphs: paragraphs.length, sentences: sentenceCount, words: countWords(text), characters: countCharacters(text) }
  return sentences === undefined ? { text, paragraphs, counts } : { text, paragraphs, sentences, counts }
}
