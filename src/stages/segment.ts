/**
 * segment — fixes the paragraph structure of the output and counts what is in it.
 *
 * Paragraphs are the blocks of `doc.text` between blank lines, trimmed, empty ones removed;
 * the stage rewrites `text` as `paragraphs.join("\n\n")` so the output contract
 * `text === paragraphs.join("\n\n")` holds exactly (single line breaks inside a paragraph stay).
 * Sentences come from the rule-based splitter in `text/sentences.ts`, per paragraph.
 * Sets `paragraphs`, `stats.{paragraphs,sentences,words,characters}`, and `sentences` when the
 * `sentences` option is on. Rules: `segment/whitespace-normalized` (info) when rebuilding the
 * text changed it (extra blank lines, spaces around paragraphs). Never drops. Idempotent.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import type { Stage } from '../core/stage.ts'
import { segmentText } from '../text/text-stats.ts'
import { countCharacters } from '../text/words.ts'

const Options = z
  .object({
    /** Add the `sentences` array to each record (sentence counts are always in `stats`). */
    sentences: z.boolean().default(false),
  })
  .strict()

/** Options of {@link segment} as users write them. */
export type SegmentOptions = z.input<typeof Options>

/** Rule ids of the segment stage. */
export const segmentRules = ['segment/whitespace-normalized'] as const

/** Creates the segment stage; unknown options fail here, at config time. */
export function segment(options: SegmentOptions = {}): Stage<(typeof segmentRules)[number]> {
  const settings = parseStageOptions('segment', Options, options)
  return {
    name: 'segment',
    rules: segmentRules,
    options: settings,
    run(doc, context) {
      const { text, paragraphs, sentences, counts } = segmentText(doc.text, settings.sentences)
      if (text !== doc.text) {
        const removed = countCharacters(doc.text) - counts.characters
        context.info('segment/whitespace-normalized', `Rebuilt ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'} separated by single blank lines (${removed} whitespace character${removed === 1 ? '' : 's'} removed).`)
      }
      const stats = { ...doc.stats, ...counts }
      return sentences !== undefined ? { ...doc, text, paragraphs, sentences, stats } : { ...doc, text, paragraphs, stats }
    },
  }
}
