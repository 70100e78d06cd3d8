/**
 * The one config schema. `UserConfig` is what people write (`z.input`), `ResolvedConfig` what the
 * runner gets (`z.output`: defaults filled, then frozen). `.strict()` turns a misspelled key into
 * an error sentence that names it instead of a silently ignored option.
 */
import { availableParallelism } from 'node:os'
import { z } from 'zod'
import type { Stage } from '../core/stage.ts'
import { defaultStages } from '../stages/index.ts'
import { OutputFormatSchema } from '../sinks/output-format.ts'
import { defaultFieldMapping } from './field-mapping.ts'

const MIB = 1024 * 1024

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
    // Archives stream, so this bounds a run's time, not its memory; maxCompressionRatio catches bombs.
    maxArchiveBytes: positiveInteger('limits.maxArchiveBytes').default(64 * 1024 * MIB),
    maxCompressionRatio: positiveInteger('limits.maxCompressionRatio').default(200),
    maxArchiveDepth: positiveInteger('limits.maxArchiveDepth').default(3),
    /** Largest document (bytes, HTML and text) the stages get; bigger → `runner/too-large`. */
    maxDocumentBytes: positiveInteger('limits.maxDocumentBytes').default(16 * MIB),
  })
  .strict()

const share = (name: string) => z.number({ error: `Expected \`${name}\` to be a number from 0 to 1` }).min(0, { error: `Expected \`${name}\` to be a number from 0 to 1` }).max(1, { error: `Expected \`${name}\` to be a number from 0 to 1` })

/** How often a run records a checkpoint for `sluice run --resume` (see the README's "Reliability"). */
const CheckpointSchema = z
  .object({
    /** Write checkpoints (plain clean.jsonl output only); off means a killed run starts over. */
    enabled: z.boolean().default(true),
    /** A checkpoint after this many documents written… */
    everyDocuments: positiveInteger('checkpoint.everyDocuments').default(1000),
    /** …or this many milliseconds, whichever comes first (never more than a tenth of the run's time). */
    everyMs: positiveInteger('checkpoint.everyMs').default(10_000),
  })
  .strict()

/** Drift flag kinds (see src/report/drift.ts); `thresholds.failOn` picks the ones that exit 1. */
export const driftKinds = ['kept-ratio', 'median-length', 'chrome-share', 'new-line', 'site-vanished', 'site-appeared'] as const

/** When a run counts as failed (exit 1): see the README's "Site health and drift" section. */
const ThresholdsSchema = z
  .object({
    /** Largest share of rejected documents in the whole run; unset = no limit. */
    maxRejectRatio: share('thresholds.maxRejectRatio').optional(),
    /** Largest change of a site between runs: kept ratio and chrome share in share points, median length as a ratio (0.3 = below 1/1.3 or above 1.3×). */
    maxSiteDrift: share('thresholds.maxSiteDrift').default(0.3),
    /** Sites with fewer documents (in either run) are not compared, only reported as vanished or appeared. */
    minSiteDocuments: positiveInteger('thresholds.minSiteDocuments').default(10),
    /** A line now on at least this share of a site's kept pages, and on under half that share before, is a layout change. */
    layoutLineShare: share('thresholds.layoutLineShare').default(0.5),
    /** Drift kinds that fail the run; the others are reported only. */
    failOn: z.array(z.enum(driftKinds)).default(['kept-ratio', 'median-length', 'chrome-share', 'new-line', 'site-vanished']),
  })
  .strict()

/** Thresholds after defaults are filled. */
export type Thresholds = z.output<typeof ThresholdsSchema>

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
    /** Worker threads for the order-free stages; 0 keeps everything on the main thread. Defaults to the number of cores. */
    workers: z
      .number({ error: 'Expected `workers` to be a whole number, 0 or more' })
      .int({ error: 'Expected `workers` to be a whole number, 0 or more' })
      .min(0, { error: 'Expected `workers` to be a whole number, 0 or more' })
      .default(() => availableParallelism()),
    /** A document still processing after this many milliseconds is rejected as `runner/timeout` (needs workers ≥ 1). */
    documentTimeoutMs: positiveInteger('documentTimeoutMs').default(30_000),
    /** Exit 1 when any document was rejected (for CI gates). */
    strict: z.boolean().default(false),
    /** The stage list, in order. */
    stages: z.array(StageSchema).default(() => defaultStages()),
    /** How JSON/JSONL record fields map to documents. */
    fields: FieldsSchema.default(() => FieldsSchema.parse({})),
    /** Size and depth limits for reading inputs. */
    limits: LimitsSchema.default(() => LimitsSchema.parse({})),
    /** When a run fails (exit 1): reject ratio and per-site drift against a baseline report. */
    thresholds: ThresholdsSchema.default(() => ThresholdsSchema.parse({})),
    /** Reports kept by `sluice run --history DIR` (the newest is the next run's baseline). */
    historySize: positiveInteger('historySize').default(14),
    /** Record format and files for kept documents: sluice or Dolma records, shards, gzip, Parquet. */
    outputFormat: OutputFormatSchema.default(() => OutputFormatSchema.parse({})),
    /** Checkpoints for `--resume` after a crash or kill. */
    checkpoint: CheckpointSchema.default(() => CheckpointSchema.parse({})),
  })
  .strict()

/** The config as users write it in `pipeline.config.ts`. */
export type UserConfig = z.input<typeof ConfigSchema>
/** The config after defaults are filled; what the runner receives. */
export type ResolvedConfig = Readonly<z.output<typeof ConfigSchema>>
