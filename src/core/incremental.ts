/**
 * Incremental nightly runs (`--incremental STATE_DIR`): inputs whose content hash was already
 * processed under the same config are not read again, and this run's documents are appended
 * to the clean.jsonl and rejects.jsonl the last run left in the output folder. The state folder
 * keeps, per top-level input, the SHA-256 of its bytes; the config hash; the byte lengths of
 * the outputs it appended to; and the ordered stages' state (dedupe hashes, near-dedupe
 * signatures, url table), so a document that duplicates last night's is still rejected.
 *
 * The state is thrown away, and every input read into fresh outputs, when the config changed
 * or when the outputs are not the files the last run wrote (edited, deleted, or a run killed
 * between its renames): appending to them could not be trusted. The report says which case.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import v8 from 'node:v8'
import { discover } from '../sources/discover.ts'
import type { FoundFile } from '../sources/discover.ts'
import { fileBlob } from '../sources/blob.ts'
import { describeError, fatalSeed } from '../sources/fatal.ts'
import { readBlob } from '../sources/read.ts'
import type { SourceItem, SourceOptions } from '../sources/types.ts'
import type { IncrementalSummary } from '../report/types.ts'
import { writeFileAtomic } from './checkpoint.ts'

/** The file in STATE_DIR. */
export const STATE_FILE = 'sluice-state.json'
const ORDERED_PATTERN = /^ordered-[0-9a-f]{16}\.bin$/u

/** Raised whenever the stored state changes shape (2: compact dedupe and url tables, site-chrome's run-wide bound; 3: near-dedupe's 8-bit signatures and sorted band runs; 4: band runs with room to grow, site-chrome's typed count tables). */
const STATE_VERSION = 4 as const

/** What STATE_DIR/sluice-state.json holds. */
interface StoredState {
  version: typeof STATE_VERSION
  runKey: string
  /** Top-level input label → SHA-256 of its bytes. */
  inputs: Record<string, string>
  /** Byte lengths of clean.jsonl and rejects.jsonl right after the last run. */
  outputs: { clean: number; rejects: number }
  documents: number
  /** `ordered-<hash>.bin`: a new name each time, so the state JSON always names a complete file. */
  orderedFile: string
  orderedSha256: string
}

/** What this run does under `--incremental`; saved in checkpoints so a resumed run does the same. */
export interface IncrementalPlan {
  summary: IncrementalSummary
  /** Labels of top-level inputs not read this run. */
  skip: string[]
  /** Label → content hash for the state written after the run (earlier entries included). */
  hashes: Record<string, string>
}

/** The top-level files behind the inputs, and a fingerprint of the listing (for resume). */
export interface InputListing {
  files: FoundFile[]
  fingerprint: string
}

/** Walks the inputs as the sources will and fingerprints labels, sizes and modification times. */
export async function listInputs(inputs: readonly string[]): Promise<InputListing> {
  const files: FoundFile[] = []
  const hash = createHash('sha256')
  for await (const found of discover(inputs)) {
    if (found.kind === 'file') {
      files.push(found)
      hash.update(`file\t${found.label}\t${found.size}\t${found.modifiedMs}\n`)
    } else hash.update(`${found.kind}\t${found.kind === 'skipped' ? found.skipped.path : found.init.source.path}\n`)
  }
  return { files, fingerprint: hash.digest('hex') }
}

/** SHA-256 of a file's bytes, or undefined when it cannot be read (it is then simply read again next time). */
export async function hashFile(file: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  } catch {
    return undefined
  }
  return hash.digest('hex')
}

async function loadState(stateDir: string): Promise<{ state?: StoredState; problem?: string }> {
  let text: string
  try {
    text = await readFile(path.join(stateDir, STATE_FILE), 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { problem: `${STATE_FILE} cannot be read (${describeError(error)})` }
  }
  try {
    const state = JSON.parse(text) as StoredState
    return state.version === STATE_VERSION ? { state } : { problem: `${STATE_FILE} was written by another version of sluice` }
  } catch {
    return { problem: `${STATE_FILE} is not JSON` }
  }
}

/** Why stored state cannot be continued, or undefined when it can. */
async function invalidity(state: StoredState, runKey: string, outputs: { clean: string; rejects: string }): Promise<string | undefined> {
  if (state.runKey !== runKey) return `the config changed since the last run (config hash ${state.runKey} → ${runKey})`
  for (const name of ['clean', 'rejects'] as const) {
    const file = outputs[name]
    const size = await stat(file).then((info) => info.size, () => undefined)
    if (size !== state.outputs[name]) return `${path.basename(file)} is not the file the last run wrote (${state.outputs[name]} bytes expected, ${size === undefined ? 'missing' : `${size} found`})`
  }
  return undefined
}

/** Reads the ordered stages' state saved by the last run, checking its hash. */
async function loadOrdered(stateDir: string, state: StoredState): Promise<Map<string, unknown> | string> {
  const bytes = ORDERED_PATTERN.test(state.orderedFile) ? await readFile(path.join(stateDir, state.orderedFile)).catch(() => undefined) : undefined
  if (bytes === undefined || createHash('sha256').update(bytes).digest('hex') !== state.orderedSha256) return `the saved dedupe state ${state.orderedFile} is missing or damaged`
  return v8.deserialize(bytes) as Map<string, unknown>
}

/**
 * Decides what this run reads and whether it appends: hashes every top-level input and
 * compares with the state. Returns the plan and, when continuing, the ordered state to restore.
 */
export async function planIncremental(stateDir: string, runKey: string, listing: InputListing, outputs: { clean: string; rejects: string }): Promise<{ plan: IncrementalPlan; ordered?: Map<string, unknown> }> {
  const loaded = await loadState(stateDir)
  let reason = loaded.problem ?? (loaded.state === undefined ? undefined : await invalidity(loaded.state, runKey, outputs))
  const ordered = loaded.state !== undefined && reason === undefined ? await loadOrdered(stateDir, loaded.state) : undefined
  if (typeof ordered === 'string') reason = ordered
  const previous = reason === undefined ? loaded.state : undefined
  const hashes: Record<string, string> = { ...previous?.inputs }
  const skip: string[] = []
  for (const file of listing.files) {
    const hash = await hashFile(file.filePath)
    if (hash === undefined) continue
    if (previous?.inputs[file.label] === hash) skip.push(file.label)
    hashes[file.label] = hash
  }
  const status = previous !== undefined ? 'continued' : reason === undefined ? 'first-run' : 'invalidated'
  const summary: IncrementalSummary = {
    stateDir,
    status,
    ...(reason === undefined ? {} : { reason }),
    appended: previous !== undefined,
    previousDocuments: previous?.documents ?? 0,
    skippedUnchangedCount: skip.length,
    skippedUnchanged: skip,
  }
  return { plan: { summary, skip, hashes }, ...(previous !== undefined && ordered instanceof Map ? { ordered } : {}) }
}

/** Saves the state after a finished run: ordered state first, then the JSON that vouches for it. */
export async function saveIncrementalState(plan: IncrementalPlan, facts: { runKey: string; outputs: { clean: number; rejects: number }; documents: number; ordered: Map<string, unknown> }): Promise<void> {
  const stateDir = plan.summary.stateDir
  await mkdir(stateDir, { recursive: true })
  const ordered = v8.serialize(facts.ordered)
  const orderedSha256 = createHash('sha256').update(ordered).digest('hex')
  const orderedFile = `ordered-${orderedSha256.slice(0, 16)}.bin`
  await writeFileAtomic(path.join(stateDir, orderedFile), ordered)
  const state: StoredState = {
    version: STATE_VERSION,
    runKey: facts.runKey,
    inputs: plan.hashes,
    outputs: facts.outputs,
    documents: plan.summary.previousDocuments + facts.documents,
    orderedFile,
    orderedSha256,
  }
  await writeFileAtomic(path.join(stateDir, STATE_FILE), `${JSON.stringify(state, null, 1)}\n`)
  for (const name of await readdir(stateDir)) if (ORDERED_PATTERN.test(name) && name !== orderedFile) await rm(path.join(stateDir, name), { force: true })
}

/**
 * The sources, minus the top-level inputs in `skip` (not even opened). Same order, labels and
 * containment as `readInputs` over a folder or file list.
 */
export async function* readSelected(inputs: string[], options: SourceOptions, skip: ReadonlySet<string>): AsyncGenerator<SourceItem> {
  for await (const found of discover(inputs)) {
    if (found.kind !== 'file') yield found
    else if (!skip.has(found.label)) {
      try {
        yield* readBlob(fileBlob(found.filePath, { path: found.label }, found.name, found.size), options)
      } catch (error) {
        yield fatalSeed({ path: found.label }, 'unknown', 'source/unreadable', `Cannot read ${found.label}: ${String(error)}.`)
      }
    }
  }
}
