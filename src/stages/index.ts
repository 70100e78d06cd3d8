/**
 * The default preset: the nine stages in the order the data needs them. A preset is just an
 * array, so users reorder, drop or add stages in `pipeline.config.ts` by editing a list.
 */
import type { Stage } from '../core/stage.ts'
import { decode } from './decode.ts'
import type { DecodeOptions } from './decode.ts'
import { extract } from './extract.ts'
import type { ExtractOptions } from './extract.ts'
import { dedupeHeaders } from './dedupe-headers.ts'
import type { DedupeHeadersOptions } from './dedupe-headers.ts'
import { dropChrome } from './drop-chrome.ts'
import type { DropChromeOptions } from './drop-chrome.ts'
import { normalizeQuotes } from './normalize-quotes.ts'
import type { NormalizeQuotesOptions } from './normalize-quotes.ts'
import { fixGarbled } from './fix-garbled.ts'
import type { FixGarbledOptions } from './fix-garbled.ts'
import { segment } from './segment.ts'
import type { SegmentOptions } from './segment.ts'
import { validate } from './validate.ts'
import type { ValidateOptions } from './validate.ts'
import { dedupeDocs } from './dedupe-docs.ts'
import type { DedupeDocsOptions } from './dedupe-docs.ts'

/** Options for every default stage, keyed by the stage's factory name. */
export interface DefaultStagesOptions {
  decode?: DecodeOptions
  extract?: ExtractOptions
  dedupeHeaders?: DedupeHeadersOptions
  dropChrome?: DropChromeOptions
  normalizeQuotes?: NormalizeQuotesOptions
  fixGarbled?: FixGarbledOptions
  segment?: SegmentOptions
  validate?: ValidateOptions
  dedupeDocs?: DedupeDocsOptions
}

/** Builds the default stage list; each factory validates its own options right here. */
export function defaultStages(options: DefaultStagesOptions = {}): Stage[] {
  return [
    decode(options.decode),
    extract(options.extract),
    dedupeHeaders(options.dedupeHeaders),
    dropChrome(options.dropChrome),
    normalizeQuotes(options.normalizeQuotes),
    fixGarbled(options.fixGarbled),
    segment(options.segment),
    validate(options.validate),
    dedupeDocs(options.dedupeDocs),
  ] as Stage[]
}

export { decode, extract, dedupeHeaders, dropChrome, normalizeQuotes, fixGarbled, segment, validate, dedupeDocs }
