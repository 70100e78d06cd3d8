/**
 * fix-garbled — repairs what scraping broke when the repair is certain, and flags the rest.
 *
 * Repairs (info, one message per place, the first few of each kind listed):
 * - `fix-garbled/hyphen-joined`: a word hyphenated across a line break ("infor-\nmation" →
 *   "information"; "well-\nknown" stays "well-known"); English only, decided with a word list.
 * - `fix-garbled/line-joined`: a sentence broken over two lines of one paragraph, when the
 *   next line continues it (lowercase start, or the line ends in "of", "the", a comma…);
 *   verse, lists and bylines are left alone.
 * - `fix-garbled/glue-split`: "ended.Next" and (English) "articleRelated" get their space back.
 * - `fix-garbled/repeated-word`: a doubled function word ("the the"), English only.
 * - `fix-garbled/punctuation-spacing`: "word , word" → "word, word" (not in numbers, URLs,
 *   ellipses, code-like lines; ";?!" too in English, never ":" or French spacing).
 * Flags (English only): `fix-garbled/garbled-sentence` (warn, the sentence as `actual`, the
 * reason naming the signal). With `garbled: 'drop-sentence'` flagged sentences are removed
 * (`fix-garbled/sentence-dropped`, info). With `maxGarbleRatio` below 1 a document whose share
 * of flagged sentences exceeds it is rejected (`fix-garbled/too-garbled`).
 * Idempotent with the default options.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { excerpt } from '../core/message.ts'
import type { Stage, StageContext } from '../core/stage.ts'
import { looksEnglish } from '../text/english.ts'
import { loadCaseList } from '../text/garble-case.ts'
import { detectContext, garbleReason } from '../text/garble-detect.ts'
import { loadGarbleModels, shareGarbleModels } from '../text/garble-lm.ts'
import type { GarbleModels } from '../text/garble-lm.ts'
import { repairText } from '../text/garble-repair.ts'
import type { NumberedLine, Repair } from '../text/garble-lines.ts'
import type { JoinWords } from '../text/line-continuation.ts'
import { loadEnglishLexicon, shareEnglishLexicon } from '../text/lexicon.ts'
import { sentenceSpans } from '../text/sentences.ts'

const Options = z
  .object({
    /** `keep` flags garbled sentences; `drop-sentence` also removes them from the text. */
    garbled: z.enum(['keep', 'drop-sentence']).default('keep'),
    /** Reject a document when more than this share of its sentences is flagged (1 = never). */
    maxGarbleRatio: z.number().min(0).max(1).default(1),
  })
  .strict()

/** Options of {@link fixGarbled} as users write them. */
export type FixGarbledOptions = z.input<typeof Options>

/** Rule ids of the fix-garbled stage. */
export const fixGarbledRules = [
  'fix-garbled/hyphen-joined',
  'fix-garbled/line-joined',
  'fix-garbled/glue-split',
  'fix-garbled/repeated-word',
  'fix-garbled/punctuation-spacing',
  'fix-garbled/garbled-sentence',
  'fix-garbled/sentence-dropped',
  'fix-garbled/too-garbled',
] as const
type Rule = (typeof fixGarbledRules)[number]

/** Messages listed per repair kind; the rest are summed up in one more message. */
const LISTED_REPAIRS = 10

const REPAIR_REASONS: Record<Repair['rule'], string> = {
  'hyphen-joined': 'Joined a word hyphenated across a line break.',
  'line-joined': 'Joined a sentence broken across two lines.',
  'glue-split': 'Put back the space between glued sentences or words.',
  'repeated-word': 'Removed a function word typed twice.',
  'punctuation-spacing': 'Removed a space before punctuation.',
}

function reportRepairs(repairs: readonly Repair[], context: StageContext<Rule>): void {
  for (const kind of Object.keys(REPAIR_REASONS) as Repair['rule'][]) {
    const ofKind = repairs.filter((repair) => repair.rule === kind)
    for (const repair of ofKind.slice(0, LISTED_REPAIRS)) {
      context.info(`fix-garbled/${kind}`, REPAIR_REASONS[kind], { place: { line: repair.line }, actual: excerpt(repair.actual) })
    }
    if (ofKind.length > LISTED_REPAIRS) context.info(`fix-garbled/${kind}`, `${ofKind.length - LISTED_REPAIRS} more repairs of this kind (not listed).`)
  }
}

/** A flagged sentence: where it is (offsets into the repaired text, input line) and why. */
interface Flag {
  start: number
  end: number
  line: number
  sentence: string
  reason: string
}

/** What the garble checks load once per stage: word list, n-gram models, case counts (also all the line joins consult). */
interface Resources extends JoinWords {
  models: GarbleModels
}

/** Index of the last line starting at or before `offset` (0 when none does), by binary search: a long page has thousands of lines. */
function lineAt(lineStarts: readonly number[], offset: number): number {
  let [low, high] = [0, lineStarts.length - 1]
  while (low < high) {
    const middle = (low + high + 1) >>> 1
    if ((lineStarts[middle] as number) > offset) high = middle - 1
    else low = middle
  }
  return low
}

function findGarbled(lines: readonly NumberedLine[], resources: Resources): { flags: Flag[]; sentences: number } {
  const text = lines.map((line) => line.text).join('\n')
  const context = detectContext(text, resources.lexicon, resources.models, resources)
  const lineStarts: number[] = []
  let offset = 0
  for (const line of lines) {
    lineStarts.push(offset)
    offset += line.text.length + 1
  }
  const flags: Flag[] = []
  const spans = sentenceSpans(text)
  for (const span of spans) {
    const reason = garbleReason(span.text, context)
    if (reason === undefined) continue
    flags.push({ ...span, sentence: span.text, line: lines[lineAt(lineStarts, span.start)]?.line ?? 1, reason })
  }
  return { flags, sentences: spans.length }
}

/** Removes flagged sentences, then the spaces and empty paragraphs they leave behind. */
function dropSentences(text: string, flags: readonly Flag[]): string {
  let result = text
  for (const flag of [...flags].sort((left, right) => right.start - left.start)) result = result.slice(0, flag.start) + result.slice(flag.end)
  return result
    .split(/\n[ \t]*\n/u)
    .map((paragraph) => paragraph.replace(/[ \t]{2,}/gu, ' ').replace(/^[ \t]+|[ \t]+$/gmu, '').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n')
}

/**
 * Creates the fix-garbled stage. The English word list loads once, on the first English
 * document, so a thread that never runs this stage (the runner's main thread) never holds it.
 */
export function fixGarbled(options: FixGarbledOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('fix-garbled', Options, options)
  let resources: Resources | undefined
  return {
    name: 'fix-garbled',
    rules: fixGarbledRules,
    options: settings,
    share: () => {
      shareGarbleModels()
      shareEnglishLexicon()
    },
    run(doc, context) {
      const english = looksEnglish(doc.text)
      if (english) resources ??= { lexicon: loadEnglishLexicon(), models: loadGarbleModels(), caseCounts: loadCaseList() }
      const { lines, repairs } = repairText(doc.text, english ? resources : undefined)
      reportRepairs(repairs, context)
      let text = repairs.length === 0 ? doc.text : lines.map((line) => line.text).join('\n')
      if (!english) return text === doc.text ? doc : { ...doc, text }
      const { flags, sentences } = findGarbled(lines, resources as Resources)
      for (const flag of flags) context.warn('fix-garbled/garbled-sentence', flag.reason, { place: { line: flag.line }, actual: excerpt(flag.sentence) })
      if (sentences > 0 && flags.length / sentences > settings.maxGarbleRatio) {
        return context.drop('fix-garbled/too-garbled', `${flags.length} of ${sentences} sentences look garbled, more than the allowed share of ${settings.maxGarbleRatio} (option \`maxGarbleRatio\`).`)
      }
      const dropping = settings.garbled === 'drop-sentence'
      if (dropping) for (const flag of flags) context.info('fix-garbled/sentence-dropped', 'Removed the garbled sentence (option `garbled: drop-sentence`).', { place: { line: flag.line }, actual: excerpt(flag.sentence) })
      if (dropping && flags.length > 0) text = dropSentences(text, flags)
      return text === doc.text ? doc : { ...doc, text }
    },
  }
}
