/**
 * How kept documents are written: the record format (sluice's own or Dolma's), sharding by size,
 * gzip, or Parquet. The defaults write `clean.jsonl` exactly as before, so nothing changes for
 * people who do not ask.
 */
import { z } from 'zod'

/** The `outputFormat` section of the config. */
export const OutputFormatSchema = z
  .object({
    /** `sluice`: `{id, source, url?, …, text, paragraphs, stats}`; `dolma`: `{id, text, source, added, created, metadata}` (Dolma / datatrove). */
    format: z.enum(['sluice', 'dolma']).default('sluice'),
    /** Start a new `clean-NNNNN` file once this many uncompressed bytes are in the current one. */
    shardBytes: z.number({ error: 'Expected `outputFormat.shardBytes` to be a positive integer (bytes)' }).int().positive().optional(),
    /** Gzip the JSONL files (`.jsonl.gz`, deterministic: no timestamp in the header). */
    compress: z.boolean().default(false),
    /** Write Parquet files (`clean-NNNNN.parquet`, hyparquet-writer, snappy) instead of JSONL; shards default to 128 MiB. */
    parquet: z.boolean().default(false),
    /** Dolma's `added` timestamp (ISO 8601); defaults to SOURCE_DATE_EPOCH, else the run's UTC day. */
    added: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  })
  .strict()

/** The output format as users write it. */
export type OutputFormatOptions = z.input<typeof OutputFormatSchema>
/** The output format with defaults filled. */
export type OutputFormat = z.output<typeof OutputFormatSchema>
