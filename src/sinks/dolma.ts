/**
 * Dolma's document format (`{id, text, source, added, created, metadata}`, the format of the
 * Dolma toolkit and readable by datatrove's JSONL reader). sluice's `source` label stays the
 * provenance (`dump.zip!/a.txt#3`); everything else sluice knows goes into `metadata`.
 */
import type { CleanRecord } from './records.ts'

/** One Dolma record. `added` is when it entered the corpus, `created` when it was published. */
export interface DolmaRecord {
  id: string
  text: string
  source: string
  added: string
  created: string
  metadata: Record<string, unknown>
}

/**
 * The `added` timestamp for a run, fixed so that reruns are byte-identical: the configured one,
 * else SOURCE_DATE_EPOCH (the reproducible-builds convention, in seconds), else midnight UTC of
 * the day the run started (reruns on the same day agree; set `added` to pin it for good).
 */
export function resolveAdded(configured: string | undefined, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  if (configured !== undefined) return new Date(configured).toISOString()
  const epoch = Number(env.SOURCE_DATE_EPOCH)
  if (env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString()
  return `${now.toISOString().slice(0, 10)}T00:00:00.000Z`
}

/** Converts a clean record; `created` is the published date in ISO form, else `added`. */
export function dolmaRecord(record: CleanRecord, added: string): DolmaRecord {
  const published = record.published === undefined ? Number.NaN : Date.parse(record.published)
  const metadata: Record<string, unknown> = {}
  for (const key of ['url', 'title', 'author', 'published', 'lang', 'sentences', 'stats'] as const) {
    if (record[key] !== undefined) metadata[key] = record[key]
  }
  return { id: record.id, text: record.text, source: record.source, added, created: Number.isNaN(published) ? added : new Date(published).toISOString(), metadata }
}
