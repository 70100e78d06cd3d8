/**
 * The one config schema. `UserConfig` is what people write (`z.input`), `ResolvedConfig` what the
 * runner gets (`z.output`: defaults filled, then frozen). `.strict()` turns a misspelled key into
 * an error sentence that names it instead of a silently ignored option.
 */
import { availableParallelism } from 'node:os'
import { z } from 'zod'
import type { Stage } from '../core/stage.ts'
import { defaultStages } from '../stages/index.ts'

const MIB = 1024 * 1024

/** Field names tried in order when mapping a JSON/JSONL record; override any list in config. */
export const defaultFieldMapping = {
  text: ['text', 'content', 'body', 'article', 'articleBody', 'innerText', 'plain_text', 'markdown'],
  html: ['html', 'raw_html', 'rawHtml', 'content_html', 'contentHtml', 'body_html', 'page'],
  title: ['title', 'headline', 'name', 'heading'],
  url: ['url', 'link', 'href', 'canonical', 'canonical_url', 'source_url', 'uri'],
  author: ['author', 'authors', 'byline', 'creator', 'by'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'datePublished', 'pubDate', 'created', 'timestamp', 'time'],
  lang: ['lang', 'language', 'locale'],
  id: ['id', '_id', 'uuid', 'guid', 'key'],
}

const fieldList = z.array(z.string().min(1)).min(1)

const FieldsSchema = z
  .object({
    text: fieldList.default(defaultFieldMapping.text),
    html: fieldList.default(defaultFieldMapping.html),
    title: fieldList.default(defaultFieldMapping.title),
    url: fieldList.default(defaultFieldMapping.url),
    author: fieldList.default(defaultFieldMapping.author),
    published: fieldList.default(defaultFieldMapping.published),
    lang: fieldList.default(defaultFieldMapping.lang),
    id: fieldList.default(defaultFieldMapping.id),
  })
  .strict()

const positiveInteger = (name: string) =>
  z.number({ error: `Expected \`${name}\` to be a positive integer` }).int({ error: `Expected \`${name}\` to be a positive integer` }).positive({ error: `Expected \`${name}\` to be a positive integer` })

const LimitsSchema = z
  .object({
    maxFileBytes: positiveInteger('limits.maxFileBytes').default(512 * MIB),
    maxArchiveBytes: positiveInteger('limits.maxArchiveBytes').default(4096 * MIB),
    maxCompressionRatio: positiveInteger('limits.maxCompressionRatio').default(200),
    maxArchiveDepth: positiveInteger('limits.maxArchiveDepth').default(3),
  })
  .strict()

function isStage(value: unknown): value is Stage {
  const stage = value as Stage
  return typeof stage === 'object' && stage !== null && typeof stage.name === 'string' && typeof stage.run === 'function' && Array.isArray(stage.rules)
}

const StageSchema = z.custom<Stage>(isStage, { error: 'Expected each entry of `stages` to be a stage object ({name, rules, run}); build one with a factory such as `dropChrome()`' })

/** The whole config file. */
export const ConfigSchema = z
  .object({
    /** Files or folders to read, relative to the config file's folder or the working directory. */
    input: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).default('input'),
    /** Folder for clean.jsonl, rejects.jsonl, report.json and report.md. */
    output: z.string().min(1).default('output'),
    /** Documents processed at once; defaults to the number of cores. */
    concurrency: positiveInteger('concurrency').default(() => availableParallelism()),
    /** Exit 1 when any document was rejected (for CI gates). */
    strict: z.boolean().default(false),
    /** The stage list, in order. */
    stages: z.array(StageSchema).default(() => defaultStages()),
    /** How JSON/JSONL record fields map to documents. */
    fields: FieldsSchema.default(() => FieldsSchema.parse({})),
    /** Size and depth limits for reading inputs. */
    limits: LimitsSchema.default(() => LimitsSchema.parse({})),
  })
  .strict()

/** The config as users write it in `pipeline.config.ts`. */
export type UserConfig = z.input<typeof ConfigSchema>
/** The config after defaults are filled; what the runner receives. */
export type ResolvedConfig = Readonly<z.output<typeof ConfigSchema>>
