/**
 * The default preset: the stages in the order the data needs them. A preset is just an array,
 * so users reorder, drop or add stages in `pipeline.config.ts` by editing a list. Corpus stages:
 * `redactPii` is off unless given options; `detectLanguage` (fills `lang`), `qualityFilter`
 * (annotate mode: scores and warnings, no drops), `nearDedupe` and `siteChrome` are on; `false`
 * turns one off.
 */
import type { Stage } from '../core/stage.ts'
import { checkRecord } from './check-record.ts'
import type { CheckRecordOptions } from './check-record.ts'
import { checkUrls } from './check-urls.ts'
import type { CheckUrlsOptions } from './check-urls.ts'
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
import { redactPii } from './redact-pii.ts'
import type { RedactPiiOptions } from './redact-pii.ts'
import { detectLanguage } from './detect-language.ts'
import type { DetectLanguageOptions } from './detect-language.ts'
import { qualityFilter } from './quality-filter.ts'
import type { QualityFilterOptions } from './quality-filter.ts'
import { nearDedupe } from './near-dedupe.ts'
import { siteChrome } from './site-chrome.ts'
import type { SiteChromeOptions } from './site-chrome.ts'
import type { NearDedupeOptions } from './near-dedupe.ts'

/** Options for every default stage, keyed by the stage's factory name. */
export interface DefaultStagesOptions {
  /** Scraper record checks (JSON/JSONL/feed records only); `false` turns them off. */
  checkRecord?: CheckRecordOptions | false
  decode?: DecodeOptions
  extract?: ExtractOptions
  dedupeHeaders?: DedupeHeadersOptions
  dropChrome?: DropChromeOptions
  normalizeQuotes?: NormalizeQuotesOptions
  fixGarbled?: FixGarbledOptions
  segment?: SegmentOptions
  validate?: ValidateOptions
  dedupeDocs?: DedupeDocsOptions
  /** Off by default: pass options (`{}` for the defaults) to redact e-mails, phones and IPs. */
  redactPii?: RedactPiiOptions | false
  detectLanguage?: DetectLanguageOptions | false
  qualityFilter?: QualityFilterOptions | false
  nearDedupe?: NearDedupeOptions | false
  /** The same url with different content; `false` turns it off. */
  checkUrls?: CheckUrlsOptions | false
  /** Lines that recur on a site's pages, learned over the batch; `false` turns it off. */
  siteChrome?: SiteChromeOptions | false
}

/** Builds the default stage list; each factory validates its own options right here. */
export function defaultStages(options: DefaultStagesOptions = {}): Stage[] {
  return [
    ...(options.checkRecord === false ? [] : [checkRecord(options.checkRecord)]),
    decode(options.decode),
    extract(options.extract),
    dedupeHeaders(options.dedupeHeaders),
    dropChrome(options.dropChrome),
    normalizeQuotes(options.normalizeQuotes),
    fixGarbled(options.fixGarbled),
    ...(options.redactPii === undefined || options.redactPii === false ? [] : [redactPii(options.redactPii)]),
    segment(options.segment),
    validate(options.validate),
    ...(options.detectLanguage === false ? [] : [detectLanguage(options.detectLanguage)]),
    ...(options.qualityFilter === false ? [] : [qualityFilter(options.qualityFilter)]),
    ...(options.checkUrls === false ? [] : [checkUrls(options.checkUrls)]),
    dedupeDocs(options.dedupeDocs),
    ...(options.nearDedupe === false ? [] : [nearDedupe(options.nearDedupe)]),
    ...(options.siteChrome === false ? [] : [siteChrome(options.siteChrome)]),
  ] as Stage[]
}

export { checkRecord, checkUrls, decode, extract, dedupeHeaders, dropChrome, normalizeQuotes, fixGarbled, segment, validate, dedupeDocs, redactPii, detectLanguage, qualityFilter, nearDedupe, siteChrome }
