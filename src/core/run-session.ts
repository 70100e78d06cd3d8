/**
 * The crash-safety side of a run. Holds the output folder's lock, opens the writers (fresh,
 * resumed from a checkpoint, or appending under `--incremental`), writes a checkpoint between
 * documents every so often, and finishes in an order a kill can recover from at any point:
 * final checkpoint (`committing`) → rename outputs → reports → incremental state → remove the
 * checkpoint. The runner sees only this interface; with checkpoints off (or a non-plain output
 * format) it is a thin shell over the ordinary writers.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { configHash } from '../config/config-hash.ts'
import type { ResolvedConfig } from '../config/schema.ts'
import { createReportCollector } from '../report/collect.ts'
import type { ReportCollector } from '../report/collect.ts'
import type { IncrementalSummary } from '../report/types.ts'
import { createCleanSink } from '../sinks/clean-sink.ts'
import type { CleanSink } from '../sinks/clean-sink.ts'
import { createJsonlWriter } from '../sinks/jsonl-writer.ts'
import type { JsonlWriter } from '../sinks/jsonl-writer.ts'
import type { OutputFormat } from '../sinks/output-format.ts'
import { openResumableWriter } from '../sinks/resumable-writer.ts'
import type { ResumableWriter } from '../sinks/resumable-writer.ts'
import { readInputs } from '../sources/index.ts'
import type { SourceItem, SourceOptions } from '../sources/types.ts'
import { CHECKPOINT_VERSION, createCheckpointSchedule, readCheckpoint, removeCheckpoint, RunRefusedError, writeCheckpoint } from './checkpoint.ts'
import type { CheckpointMeta } from './checkpoint.ts'
import { createSnapshotRunState, findUnrestorable } from './snapshot-state.ts'
import type { SnapshotRunState } from './snapshot-state.ts'
import { listInputs, planIncremental, readSelected, saveIncrementalState } from './incremental.ts'
import { lockOutput, removeStaleTemporaries } from './output-lock.ts'
import type { IncrementalPlan, InputListing } from './incremental.ts'
import { createRunState } from './stage.ts'
import type { RunState } from './stage.ts'

/** How this run relates to earlier ones. */
export interface SessionOptions {
  /** Go on from the checkpoint in the output folder, if there is one. */
  resume?: boolean
  /** State folder of `--incremental`. */
  incremental?: string
}

/** What the runner uses of a session. */
export interface RunSession {
  writers: { clean: CleanSink; rejects: JsonlWriter }
  collector: ReportCollector
  /** The ordered stages' run state (restored on resume and from incremental state). */
  orderedState: RunState
  /** Documents a resumed run reads but does not process again: the checkpoint holds them. */
  skipDocuments: number
  read(inputs: string[], options: SourceOptions): AsyncGenerator<SourceItem>
  /** Called after each document is written, in input order; may write a checkpoint. */
  emitted(): Promise<void>
  /** Every document is written: final checkpoint, then the outputs get their names. */
  commit(): Promise<void>
  /** The reports are written: save incremental state, remove the checkpoint, unlock. */
  complete(documents: number): Promise<void>
  /** The run failed: keep what `--resume` needs (and say so in the error) or remove the temporary files; unlock. */
  fail(error: unknown): Promise<unknown>
  /** Fields this session adds to the report (`incremental`). */
  reportFields: { incremental?: IncrementalSummary }
  /** Sentences for the user (resumed at…, checkpoints off because…). */
  notes: string[]
}

/** The output paths the runner writes. */
export interface SessionOutputs {
  clean: string
  rejects: string
}

/** True for the plain clean.jsonl the resumable writer produces byte for byte. */
export function isPlainOutput(format: OutputFormat | undefined): boolean {
  return format === undefined || (format.format === 'sluice' && !format.compress && !format.parquet && format.shardBytes === undefined)
}

/** Everything a checkpointing session is built from. */
interface SessionParts {
  settings: ResolvedConfig
  writers: { clean: ResumableWriter; rejects: ResumableWriter }
  collector: ReportCollector
  ordered: SnapshotRunState
  skipDocuments: number
  plan?: IncrementalPlan
  /** The inputs' fingerprint (see listInputs); the file list itself is not kept for the run. */
  inputFingerprint: string
  runKey: string
  /** A checkpoint for these temporary files exists on disk already (resumed run). */
  resumed: boolean
  release: () => Promise<void>
  notes: string[]
}

/** The state saved with each checkpoint. */
interface CheckpointState {
  collector: ReturnType<ReportCollector['snapshot']>
  ordered: Map<string, unknown>
}

function reader(plan: IncrementalPlan | undefined): RunSession['read'] {
  if (plan === undefined || plan.skip.length === 0) return (inputs, options) => readInputs(inputs, options)
  const skip = new Set(plan.skip)
  return (inputs, options) => readSelected(inputs, options, skip)
}

/** Writes checkpoints for a session and knows whether one is on disk. */
interface Checkpointer {
  readonly enabled: boolean
  readonly onDisk: boolean
  /** Writes one; resolves to the milliseconds of thread time its snapshot took (waiting for the disk lets other documents go on). */
  write(phase: CheckpointMeta['phase'], emitted: number): Promise<number>
}

/** The checkpoint writer of one session: snapshots, serialises and saves, or turns itself off with a note. */
function createCheckpointer(parts: SessionParts): Checkpointer {
  const { writers, collector, ordered, notes } = parts
  const directory = parts.settings.output
  const self = { enabled: parts.settings.checkpoint.enabled, onDisk: parts.resumed, write }
  let checked = false
  async function disable(why: string): Promise<number> {
    self.enabled = false
    notes.push(`Checkpoints are off for this run: ${why}. A killed run will start over.`)
    if (self.onDisk) await removeCheckpoint(directory)
    self.onDisk = false
    return 0
  }
  async function write(phase: CheckpointMeta['phase'], emitted: number): Promise<number> {
    const lengths = { clean: await writers.clean.flush(), rejects: await writers.rejects.flush() }
    const started = performance.now()
    const state: CheckpointState = { collector: collector.snapshot(), ordered: ordered.snapshot() }
    const bad = checked ? undefined : findUnrestorable(state.ordered, 'ordered stage state')
    checked = true
    if (bad !== undefined) return disable(`${bad} is not plain data (a checkpoint could not restore it)`)
    const files = { clean: { temporary: path.basename(writers.clean.temporary), bytes: lengths.clean }, rejects: { temporary: path.basename(writers.rejects.temporary), bytes: lengths.rejects } }
    const meta = { version: CHECKPOINT_VERSION, runKey: parts.runKey, inputFingerprint: parts.inputFingerprint, emitted, phase, files, ...(parts.plan === undefined ? {} : { incremental: parts.plan }) }
    let written: Promise<void>
    try {
      written = writeCheckpoint(directory, meta, state, emitted)
    } catch (error) {
      return disable(`the ordered stages' state cannot be saved (${error instanceof Error ? error.message : String(error)})`)
    }
    const cost = performance.now() - started
    await written
    self.onDisk = true
    return cost
  }
  return self
}

/** Adds the resume hint to a failed run's error when its partial output is kept. */
function keptNote(error: unknown, directory: string): unknown {
  const sentence = `The partial output and its checkpoint are kept in ${directory} under temporary names: fix the problem and run again with --resume to go on, or without it to start over.`
  if (error instanceof Error) error.message = `${error.message.replace(/\.$/u, '')}. ${sentence}`
  return error
}

/** Saves the incremental state after the outputs got their names. */
async function saveState(parts: SessionParts, plan: IncrementalPlan, documents: number): Promise<void> {
  const [clean, rejects] = await Promise.all([stat(parts.writers.clean.path), stat(parts.writers.rejects.path)])
  await saveIncrementalState(plan, { runKey: parts.runKey, outputs: { clean: clean.size, rejects: rejects.size }, documents, ordered: parts.ordered.snapshot() })
}

/** A session that writes checkpoints (when enabled) and knows how to finish safely. */
function checkpointingSession(parts: SessionParts): RunSession {
  const { settings, writers, ordered } = parts
  const checkpointer = createCheckpointer(parts)
  const schedule = createCheckpointSchedule(settings.checkpoint.everyDocuments, settings.checkpoint.everyMs, Date.now())
  let emitted = parts.skipDocuments
  let sinceLast = 0
  return {
    writers,
    collector: parts.collector,
    orderedState: ordered,
    skipDocuments: parts.skipDocuments,
    read: reader(parts.plan),
    reportFields: parts.plan === undefined ? {} : { incremental: parts.plan.summary },
    notes: parts.notes,
    async emitted() {
      emitted += 1
      sinceLast += 1
      if (!checkpointer.enabled || !schedule.due(sinceLast, Date.now())) return
      const cost = await checkpointer.write('running', emitted)
      sinceLast = 0
      schedule.done(Date.now(), cost)
    },
    async commit() {
      if (checkpointer.enabled) await checkpointer.write('committing', emitted)
      await writers.clean.commit()
      await writers.rejects.commit()
    },
    async complete(documents) {
      if (parts.plan !== undefined) await saveState(parts, parts.plan, documents)
      await removeCheckpoint(settings.output)
      await parts.release()
    },
    async fail(error) {
      const kept = checkpointer.onDisk
      await Promise.all(kept ? [writers.clean.close(), writers.rejects.close()] : [writers.clean.abort(), writers.rejects.abort()])
      await parts.release()
      return kept ? keptNote(error, settings.output) : error
    },
  }
}

/** The ordinary writers, for output formats a checkpoint cannot resume (gzip, shards, Parquet). */
function plainSession(settings: ResolvedConfig, outputs: SessionOutputs, stageNames: string[], release: () => Promise<void>): RunSession {
  const writers = { clean: createCleanSink(settings.outputFormat, outputs.clean), rejects: createJsonlWriter(outputs.rejects) }
  return {
    writers,
    collector: createReportCollector(stageNames),
    orderedState: createRunState(),
    skipDocuments: 0,
    read: (inputs, options) => readInputs(inputs, options),
    notes: [],
    emitted: async () => {},
    commit: async () => {
      await Promise.all([writers.clean.commit(), writers.rejects.commit()])
    },
    complete: async () => release(),
    reportFields: {},
    async fail(error) {
      await Promise.all([writers.clean.abort(), writers.rejects.abort()])
      await release()
      return error
    },
  }
}

/** What opening needs. */
interface OpenContext {
  settings: ResolvedConfig
  outputs: SessionOutputs
  stageNames: string[]
  inputs: string[]
  options: SessionOptions
  release: () => Promise<void>
}

async function resumedParts(context: OpenContext, found: { meta: CheckpointMeta; state: unknown }, listing: InputListing, runKey: string): Promise<SessionParts> {
  const { meta } = found
  const again = 'run without --resume to start over'
  if (meta.runKey !== runKey) throw new RunRefusedError(`Cannot resume: the config changed since the checkpoint (config hash ${meta.runKey} → ${runKey}); ${again}.`)
  if (meta.inputFingerprint !== listing.fingerprint) throw new RunRefusedError(`Cannot resume: the inputs changed since the checkpoint (files added, removed or modified); ${again}.`)
  if ((meta.incremental === undefined) !== (context.options.incremental === undefined)) {
    throw new RunRefusedError(`Cannot resume: the checkpoint was written by a run ${meta.incremental === undefined ? 'without' : 'with'} --incremental; resume it the same way, or ${again}.`)
  }
  const directory = context.settings.output
  await removeStaleTemporaries(directory, [meta.files.clean.temporary, meta.files.rejects.temporary])
  const open = (final: string, mark: { temporary: string; bytes: number }): Promise<ResumableWriter> => openResumableWriter(final, { temporary: path.join(directory, mark.temporary), resumeAt: mark.bytes })
  const writers = { clean: await open(context.outputs.clean, meta.files.clean), rejects: await open(context.outputs.rejects, meta.files.rejects) }
  const state = found.state as CheckpointState
  const notes = [`Resumed from the checkpoint in ${directory} after ${meta.emitted} documents.`]
  const plan = meta.incremental as IncrementalPlan | undefined
  const base = { settings: context.settings, writers, collector: createReportCollector(context.stageNames, state.collector), ordered: createSnapshotRunState(state.ordered) }
  return { ...base, skipDocuments: meta.emitted, ...(plan === undefined ? {} : { plan }), inputFingerprint: listing.fingerprint, runKey, resumed: true, release: context.release, notes }
}

async function freshParts(context: OpenContext, listing: InputListing, runKey: string, notes: string[]): Promise<SessionParts> {
  const { settings, outputs } = context
  await removeCheckpoint(settings.output)
  await removeStaleTemporaries(settings.output)
  const planned = context.options.incremental === undefined ? undefined : await planIncremental(context.options.incremental, runKey, listing, outputs)
  const append = planned?.plan.summary.appended === true
  const clean = await openResumableWriter(outputs.clean, append ? { seed: outputs.clean } : {})
  const rejects = await openResumableWriter(outputs.rejects, append ? { seed: outputs.rejects } : {}).catch(async (error: unknown) => {
    await clean.abort()
    throw error
  })
  const base = { settings, writers: { clean, rejects }, collector: createReportCollector(context.stageNames), ordered: createSnapshotRunState(planned?.ordered) }
  return { ...base, skipDocuments: 0, ...(planned === undefined ? {} : { plan: planned.plan }), inputFingerprint: listing.fingerprint, runKey, resumed: false, release: context.release, notes }
}

async function openLocked(context: OpenContext): Promise<RunSession> {
  const { settings, options } = context
  const plain = isPlainOutput(settings.outputFormat)
  if (!plain && (options.resume === true || options.incremental !== undefined)) {
    throw new RunRefusedError('--resume and --incremental need the plain clean.jsonl output; remove `outputFormat` options (shards, gzip, Parquet, Dolma) from the config or run without them.')
  }
  if (options.resume === true && !settings.checkpoint.enabled) throw new RunRefusedError('--resume needs checkpoints, but `checkpoint.enabled` is false in the config.')
  if (!plain || (!settings.checkpoint.enabled && options.incremental === undefined)) return plainSession(settings, context.outputs, context.stageNames, context.release)
  const runKey = configHash(settings)
  const listing = await listInputs(context.inputs)
  const found = options.resume === true ? await readCheckpoint(settings.output) : undefined
  if (found !== undefined) return checkpointingSession(await resumedParts(context, found, listing, runKey))
  const notes = options.resume === true ? [`No checkpoint in ${settings.output}: starting from the beginning.`] : []
  return checkpointingSession(await freshParts(context, listing, runKey, notes))
}

/** Opens the session of one run in `settings.output` (which must exist). */
export async function openRunSession(settings: ResolvedConfig, outputs: SessionOutputs, inputs: string[], options: SessionOptions): Promise<RunSession> {
  const release = await lockOutput(settings.output)
  try {
    return await openLocked({ settings, outputs, stageNames: settings.stages.map((stage) => stage.name), inputs, options, release })
  } catch (error) {
    await release()
    throw error
  }
}
