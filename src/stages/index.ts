/**
 * The default preset: the stages in the order the data needs them. A preset is just an array,
 * so users reorder, drop or add stages in `pipeline.config.ts` by editing a list. Corpus stages:
 * `redactPii` is off unless given options; `detectLanguage` (fills `lang`), `qualityFilter`
 * (annotate mode: scores and warnings, no drops), `nearDedupe` and `siteChrome` are on; `false`
 * turns one off.
 */
import { ConfigError } from '../core/errors.ts'
import { BUILTIN_STAGE } from '../core/stage.ts'
import type { Stage } from '../core/stage.ts'
import { checkRecord as checkRecordFactory } from './check-record.ts'
import type { CheckRecordOptions } from './check-record.ts'
import { checkUrls as checkUrlsFactory } from './check-urls.ts'
import type { CheckUrlsOptions } from './check-urls.ts'
import { decode as decodeFactory } from './decode.ts'
import type { DecodeOptions } from './decode.ts'
import { extract as extractFactory } from './extract.ts'
import type { ExtractOptions } from './extract.ts'
import { dedupeHeaders as dedupeHeadersFactory } from './dedupe-headers.ts'
import type { DedupeHeadersOptions } from './dedupe-headers.ts'
import { dropChrome as dropChromeFactory } from './drop-chrome.ts'
import type { DropChromeOptions } from './drop-chrome.ts'
import { normalizeQuotes as normalizeQuotesFactory } from './normalize-quotes.ts'
import type { NormalizeQuotesOptions } from './normalize-quotes.ts'
import { fixGarbled as fixGarbledFactory } from './fix-garbled.ts'
import type { FixGarbledOptions } from './fix-garbled.ts'
import { segment as segmentFactory } from './segment.ts'
import type { SegmentOptions } from './segment.ts'
import { validate as validateFactory } from './validate.ts'
import type { ValidateOptions } from './validate.ts'
import { dedupeDocs as dedupeDocsFactory } from './dedupe-docs.ts'
import type { DedupeDocsOptions } from './dedupe-docs.ts'
import { redactPii as redactPiiFactory } from './redact-pii.ts'
import type { RedactPiiOptions } from './redact-pii.ts'
import { detectLanguage as detectLanguageFactory } from './detect-language.ts'
import type { DetectLanguageOptions } from './detect-language.ts'
import { qualityFilter as qualityFilterFactory } from './quality-filter.ts'
import type { QualityFilterOptions } from './quality-filter.ts'
import { nearDedupe as nearDedupeFactory } from './near-dedupe.ts'
import { siteChrome as siteChromeFactory } from './site-chrome.ts'
import type { SiteChromeOptions } from './site-chrome.ts'
import type { NearDedupeOptions } from './near-dedupe.ts'

/**
 * Marks what a factory makes as one of sluice's own stages (see BUILTIN_STAGE), so that a worker
 * thread may rebuild it from its name and options.
 */
function builtin<Factory extends (...args: never[]) => Stage>(factory: Factory): Factory {
  return ((...args: Parameters<Factory>) => {
    const stage = factory(...args)
    return Object.defineProperty(stage, BUILTIN_STAGE, { value: stage.run })
  }) as Factory
}

/** The check-record stage, branded as built in. */
export const checkRecord = builtin(checkRecordFactory)
/** The check-urls stage, branded as built in. */
export const checkUrls = builtin(checkUrlsFactory)
/** The decode stage, branded as built in. */
export const decode = builtin(decodeFactory)
/** The extract stage, branded as built in. */
export const extract = builtin(extractFactory)
/** The dedupe-headers stage, branded as built in. */
export const dedupeHeaders = builtin(dedupeHeadersFactory)
/** The drop-chrome stage, branded as built in. */
export const dropChrome = builtin(dropChromeFactory)
/** The normalize-quotes stage, branded as built in. */
export const normalizeQuotes = builtin(normalizeQuotesFactory)
/** The fix-garbled stage, branded as built in. */
export const fixGarbled = builtin(fixGarbledFactory)
/** The segment stage, branded as built in. */
export const segment = builtin(segmentFactory)
/** The validate stage, branded as built in. */
export const validate = builtin(validateFactory)
/** The dedupe-docs stage, branded as built in. */
export const dedupeDocs = builtin(dedupeDocsFactory)
/** The redact-pii stage, branded as built in. */
export const redactPii = builtin(redactPiiFactory)
/** The detect-language stage, branded as built in. */
export const detectLanguage = builtin(detectLanguageFactory)
/** The quality-filter stage, branded as built in. */
export const qualityFilter = builtin(qualityFilterFactory)
/** The near-dedupe stage, branded as built in. */
export const nearDedupe = builtin(nearDedupeFactory)
/** The site-chrome stage, branded as built in. */
export const siteChrome = builtin(siteChromeFactory)

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

/** Every key of DefaultStagesOptions; `satisfies` fails to compile when the two drift apart. */
const DEFAULT_STAGE_KEYS = Object.keys({ checkRecord: true, decode: true, extract: true, dedupeHeaders: true, dropChrome: true, normalizeQuotes: true, fixGarbled: true, segment: true, validate: true, dedupeDocs: true, redactPii: true, detectLanguage: true, qualityFilter: true, nearDedupe: true, checkUrls: true, siteChrome: true } satisfies Record<keyof DefaultStagesOptions, true>)

/** A misspelled stage key would silently leave that stage at its defaults. */
function checkStageKeys(options: DefaultStagesOptions): void {
  const unknown = Object.keys(options).filter((key) => !DEFAULT_STAGE_KEYS.includes(key))
  if (unknown.length > 0) throw new ConfigError(unknown.map((key) => `Unknown stage \`${key}\` in defaultStages(): the stages are ${DEFAULT_STAGE_KEYS.map((name) => `\`${name}\``).join(', ')}.`))
}

/** Builds the default stage list; each factory validates its own options right here. */
export function defaultStages(options: DefaultStagesOptions = {}): Stage[] {
  checkStageKeys(options)
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

