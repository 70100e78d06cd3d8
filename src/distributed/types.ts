/**
 * The contracts of a distributed run, shared by the coordinator (`sluice run --queue`) and the
 * workers (`sluice worker`). Everything here is plain data: shard descriptions travel as BullMQ
 * job data (JSON), the run setup as one JSON value in Redis, and shard results as V8
 * structured-clone bytes, the same encoding the worker-thread pool already relies on.
 */
import type { ProcessResult } from '../core/process.ts'
import type { StageRecipe } from '../core/stage-recipe.ts'
import type { SkippedInput, SourceItem, SourceOptions } from '../sources/types.ts'

/** A file on disk as the coordinator found it: absolute path, label in the outputs, size. */
export interface PlannedFile {
  filePath: string
  label: string
  name: string
  size: number
}

/**
 * One piece of input a shard reads, in input order: an item the coordinator already has (a
 * skipped or unwalkable path), a whole file, a range of a zip's sorted entry plan, or a byte
 * range of a JSONL file that starts at a line boundary.
 */
export type ShardPart =
  | { kind: 'item'; item: SourceItem }
  | ({ kind: 'file' } & PlannedFile)
  | ({ kind: 'zip-range'; start: number; end: number; budget: number } & PlannedFile)
  | ({ kind: 'jsonl-range'; start: number; end: number; firstLine: number; firstIndex: number } & PlannedFile)

/** A unit of work: consecutive parts of the input. `index` is its place in input order. */
export interface Shard {
  index: number
  /** Where it starts, for progress lines and error messages (`dump.zip!/entries 200–299`). */
  label: string
  parts: ShardPart[]
}

/** What a worker needs, besides a shard, to process it exactly as a single-machine run would. */
export interface RunSetup {
  version: 1
  /** The coordinator's {@link codeFingerprint}: workers running another version refuse the run. */
  fingerprint: string
  /** How to rebuild the order-free stages (the worker-thread pool's recipe). */
  recipe: StageRecipe
  sources: SourceOptions
  documentTimeoutMs: number
}

/** BullMQ job data: which run, which shard. */
export interface ShardJobData {
  run: string
  shard: Shard
}

/** One thing a shard produced, in input order. */
export type ShardEntry = { kind: 'skipped'; skipped: SkippedInput } | { kind: 'document'; result: ProcessResult }

/** A shard's committed result: its documents after the order-free stages, and who made it. */
export interface ShardResult {
  run: string
  shard: number
  entries: ShardEntry[]
  /** `host:pid` of the worker process that committed it. */
  worker: string
  /** How many times the job had been started when this result was made (1 = first try). */
  attempt: number
  milliseconds: number
}
