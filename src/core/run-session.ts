/**
 * The crash-safety side of a run. Holds the output folder's lock, opens the writers (fresh,
 * resumed from a checkpoint, or appending under `--incremental`), writes a checkpoint between
 * documents every so often, and finishes in an order a kill can recover from at any point:
 * final checkpoint (`committing`) → rename outputs → reports → incremental state → remove the
 * checkpoint. The runner sees only this interface; with checkpoints off (or a non-plain output
 * format) it is a thin shell over the ordinary writers.
 */
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
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
import { createCheckpointSchedule, createSnapshotRunState, findUnrestorable, readCheckpoint, removeCheckpoint, RunRefusedError, serializeState, writeCheckpoint } from './checkpoint.ts'
import type { CheckpointMeta, SnapshotRunState } from './checkpoint.ts'
import { listInputs, planIncremental, readSelected, saveIncrementalState } from './incremental.ts'
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
  /** The run failed: keep what `--resume` needs (saying so) or remove the temporary files; unlock. */
  fail(): Promise<string | undefined>
  incremental?: IncrementalSummary
  /** Sentences for the user (resumed at…, checkpoints off because…). */
  notes: string[]
}

/** The output paths the runner writes. */
export interface SessionOutputs {
  clean: string
  rejects: string
}

const LOCK_FILE = '.sluice-lock'
const TEMPORARY = /^(?:clean|rejects|report|\.sluice-checkpoint)[^/]*\.tmp-(\d+)$/u

/** True for the plain clean.jsonl the resumable writer produces byte for byte. */
export function isPlainOutput(format: OutputFormat | undefined): boolean {
  return format === undefined || (format.format === 'sluice' && !format.compress && !format.parquet && format.shardBytes === undefined)
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the output folder's lock (a file with our pid); a lock whose process is gone is taken over. */
async function lockOutput(directory: string): Promise<() => Promise<void>> {
  const file = path.join(directory, LOCK_FILE)
  const release = (): Promise<void> => rm(file, { force: true })
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' })
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim())
    if (isAlive(holder)) throw new RunRefusedError(`Another sluice run (process ${holder}) is writing to ${directory}; wait for it to finish, or remove ${file} if that process is not sluice.`)
    await rm(file, { force: true })
  }
  throw new RunRefusedError(`Cannot lock the output folder ${directory} (${file} keeps coming back); is another sluice run starting there?`)
}

/** Removes temporary files that dead runs left behind, except `keep` (a checkpoint's); never those of a live process. */
async function removeStaleTemporaries(directory: string, keep: readonly string[] = []): Promise<void> {
  for (const name of await readdir(directory)) {
    const pid = Number(TEMPORARY.exec(name)?.[1])
    if (pid > 0 && pid !== process.pid && !isAlive(pid) && !keep.includes(name)) await rm(path.join(directory, name), { force: true })
  }
}

/** Everything a checkpointing session is built from. */
interface SessionParts {
  settings: ResolvedConfig
  writers: { clean: ResumableWriter; rejects: ResumableWriter }
  collector: ReportCollector
  ordered: SnapshotRunState
  skipDocuments: number
  plan?: IncrementalPlan
  listing: InputListing
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

/** A session that writes checkpoints (when enabled) and knows how to finish safely. */
function checkpointingSession(parts: SessionParts): RunSession {
  const { settings, writers, collector, ordered, release, notes } = parts
  const directory = settings.output
  let enabled = settings.checkpoint.enabled
  let onDisk = parts.resumed
  let checked = false
  let emitted = parts.skipDocuments
  let sinceLast = 0
  const schedule = createCheckpointSchedule(settings.checkpoint.everyDocuments, settings.checkpoint.everyMs, Date.now())
  const disable = async (why: string): Promise<void> => {
    enabled = false
    notes.push(`Checkpoints are off for this run: ${why}. A killed run will start over.`)
    if (onDisk) await removeCheckpoint(directory)
    onDisk = false
  }
  const checkpoint = async (phase: CheckpointMeta['phase']): Promise<void> => {
    const clean = await writers.clean.flush()
    const rejects = await writers.rejects.flush()
    // Only the synchronous part counts as cost: it is what grows with the state and blocks the thread.
    const started = performance.now()
    const state: CheckpointState = { collector: collector.snapshot(), ordered: ordered.snapshot() }
    if (!checked) {
      checked = true
      const bad = findUnrestorable(state.ordered, 'ordered stage state')
      if (bad !== undefined) return disable(`${bad} is not plain data (a checkpoint could not restore it)`)
    }
    let bytes: Buffer
    try {
      bytes = serializeState(state)
    } catch (error) {
      return disable(`the ordered stages' state cannot be saved (${error instanceof Error ? error.message : String(error)})`)
    }
    const cost = performance.now() - started
    const files = { clean: { temporary: path.basename(writers.clean.temporary), bytes: clean }, rejects: { temporary: path.basename(writers.rejects.temporary), bytes: rejects } }
    await writeCheckpoint(directory, { version: 1, runKey: parts.runKey, inputFingerprint: parts.listing.fingerprint, emitted, phase, files, ...(parts.plan === undefined ? {} : { incremental: parts.plan }) }, bytes, emitted)
    onDisk = true
    sinceLast = 0
    schedule.done(Date.now(), cost)
  }
  return {
    writers,
    collector,
    orderedState: ordered,
    skipDocuments: parts.skipDocuments,
    read: reader(parts.plan),
    ...(parts.plan === undefined ? {} : { incremental: parts.plan.summary }),
    notes,
    async emitted() {
      emitted += 1
      sinceLast += 1
      if (enabled && schedule.due(sinceLast, Date.now())) await checkpoint('running')
    },
    async commit() {
      if (enabled) await checkpoint('committing')
      await writers.clean.commit()
      await writers.rejects.commit()
    },
    async complete(documents) {
      if (parts.plan !== undefined) {
        const [clean, rejects] = await Promise.all([stat(writers.clean.path), stat(writers.rejects.path)])
        await saveIncrementalState(parts.plan, { runKey: parts.runKey, outputs: { clean: clean.size, rejects: rejects.size }, documents, ordered: ordered.snapshot() })
      }
      await removeCheckpoint(directory)
      await release()
    },
    async fail() {
      const kept = onDisk ? `The partial output and its checkpoint are kept in ${directory} under temporary names: fix the problem and run again with --resume to go on, or without it to start over.` : undefined
      if (onDisk) await Promise.all([writers.clean.close(), writers.rejects.close()])
      else await Promise.all([writers.clean.abort(), writers.rejects.abort()])
      await release()
      return kept
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
    async fail() {
      await Promise.all([writers.clean.abort(), writers.rejects.abort()])
      await release()
      return undefined
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
  return { ...base, skipDocuments: meta.emitted, ...(plan === undefined ? {} : { plan }), listing, runKey, resumed: true, release: context.release, notes }
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
  return { ...base, skipDocuments: 0, ...(planned === undefined ? {} : { plan: planned.plan }), listing, runKey, resumed: false, release: context.release, notes }
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
