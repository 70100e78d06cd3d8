/**
 * Checkpoints: what a killed run needs to go on where it stopped. Every so often, between two
 * documents written in input order, the runner records how many documents it has emitted, how
 * long the temporary output files were at that point, and the state of everything that looks
 * across documents (the ordered stages' run state, the report collector). `--resume` truncates
 * the temporary files to those lengths, restores the state, skips that many documents from the
 * sources and goes on, so the finished output is byte-identical to an uninterrupted run.
 *
 * On disk, in the output folder: `.sluice-checkpoint.json` (small, readable) names a state file
 * `.sluice-checkpoint-N.state` (see state-codec.ts) and the blob files `.sluice-blob-<sha256>.bin`
 * that hold its large typed arrays. Blobs are named by their contents, so one that is already on
 * disk is never written again. Blobs and the state file are written and synced first, then the
 * JSON is renamed into place, so a kill at any moment leaves either the old checkpoint or the new one.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, fdatasync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { open, readFile, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { garbageCollector } from './heap-cap.ts'
import { blobName, decodeState, encodeState } from './state-codec.ts'

/** Raised whenever the stages' saved state changes shape (3: compact dedupe and url tables, site-chrome's run-wide bound; 4: near-dedupe's 8-bit signatures and sorted band runs; 5: band runs with room to grow, site-chrome's typed count tables; 6: the state file written piece by piece). */
export const CHECKPOINT_VERSION = 6 as const

/** The checkpoint's readable half; the state lives in `stateFile`. */
export interface CheckpointMeta {
  version: typeof CHECKPOINT_VERSION
  /** Config hash plus output format: a checkpoint only resumes the same settings. */
  runKey: string
  /** Hash of the input listing (labels, sizes, modification times). */
  inputFingerprint: string
  /** Documents written (clean or rejected), counted in input order. */
  emitted: number
  /** `running`, or `committing` once every document is written and the files are being renamed. */
  phase: 'running' | 'committing'
  /** Temporary output files (names relative to the output folder) and their lengths at this point. */
  files: { clean: FileMark; rejects: FileMark }
  stateFile: string
  stateSha256: string
  /** SHA-256 names of the blob files the state refers to. */
  blobs: string[]
  /** The incremental plan this run follows, so a resumed run skips the same inputs. */
  incremental?: unknown
}

/** A temporary output file and how many of its bytes belong to the checkpoint. */
export interface FileMark {
  temporary: string
  bytes: number
}

/**
 * A run that cannot start or go on safely (a damaged or mismatched checkpoint, an output folder
 * another run holds); the message says why and what to do. The CLI exits 2 with it.
 */
export class RunRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RunRefusedError'
  }
}

/** The checkpoint file's name in the output folder. */
export const CHECKPOINT_FILE = '.sluice-checkpoint.json'
const STATE_PATTERN = /^\.sluice-checkpoint-\d+\.state$/u
const BLOB_PATTERN = /^\.sluice-blob-[0-9a-f]{64}\.bin$/u
/** What a killed checkpoint write leaves behind. */
const TEMPORARY_PATTERN = /^\.sluice-(?:checkpoint-\d+\.state|blob-[0-9a-f]{64}\.bin|checkpoint\.json)\.tmp-\d+$/u
const blobFile = (name: string): string => `.sluice-blob-${name}.bin`
const datasync = promisify(fdatasync)

async function writeSynced(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'w')
  try {
    await handle.writeFile(data)
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

/** Writes `content` to `file` through a synced temporary file and a rename. */
export async function writeFileAtomic(file: string, content: Uint8Array | string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`
  await writeSynced(temporary, content)
  await rename(temporary, file)
}

/**
 * Writes the blobs not yet on disk to temporary files at once, before the caller's state can
 * change again (the arrays are live), and resolves when they are synced and renamed into place.
 */
function writeBlobs(directory: string, blobs: ReadonlyMap<string, ArrayBufferView>): Promise<void> {
  const pending: { fd: number; temporary: string; file: string }[] = []
  try {
    for (const [name, view] of blobs) {
      const file = path.join(directory, blobFile(name))
      if (existsSync(file)) continue
      const temporary = `${file}.tmp-${process.pid}`
      const fd = openSync(temporary, 'w')
      pending.push({ fd, temporary, file })
      writeFileSync(fd, new Uint8Array(view.buffer, view.byteOffset, view.byteLength))
    }
  } catch (error) {
    for (const { fd } of pending) closeSync(fd)
    return Promise.reject(error)
  }
  return Promise.all(
    pending.map(async ({ fd, temporary, file }) => {
      try {
        await datasync(fd)
      } finally {
        closeSync(fd)
      }
      await rename(temporary, file)
    }),
  ).then(() => undefined)
}

/** Scavenge the young generation after this many bytes of state, so the pieces already written are freed (state-codec.ts). */
const COLLECT_EVERY_BYTES = 1024 * 1024

/**
 * Writes `state` (state-codec.ts) to a temporary file piece by piece, each piece to the disk's
 * cache as soon as it is encoded and collected every {@link COLLECT_EVERY_BYTES}, so the main
 * thread never holds more of it than that; returns what the checkpoint JSON records. Throws,
 * leaving no file, on a value a checkpoint cannot hold.
 */
function writeStateFile(file: string, state: unknown): { temporary: string; fd: number; sha256: string; blobs: Map<string, ArrayBufferView> } {
  const temporary = `${file}.tmp-${process.pid}`
  const fd = openSync(temporary, 'w')
  const hash = createHash('sha256')
  const collect = garbageCollector()
  let sinceCollect = 0
  try {
    const blobs = encodeState(state, (chunk) => {
      for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done)
      hash.update(chunk)
      sinceCollect += chunk.byteLength
      if (sinceCollect < COLLECT_EVERY_BYTES) return
      collect({ type: 'minor' })
      sinceCollect = 0
    })
    return { temporary, fd, sha256: hash.digest('hex'), blobs }
  } catch (error) {
    closeSync(fd)
    rmSync(temporary, { force: true })
    throw error
  }
}

/**
 * Writes a checkpoint: new blobs and the state file first, then the JSON that names them; older
 * state and blob files are removed last. `sequence` makes each state file name new. The state
 * and the blobs are in the disk's cache before this returns its promise, so the caller may go
 * on changing its state while the writes are synced. Throws at once, writing nothing that
 * stays, on a state a checkpoint cannot hold (a function, a symbol); a disk error rejects.
 */
export function writeCheckpoint(directory: string, meta: Omit<CheckpointMeta, 'stateFile' | 'stateSha256' | 'blobs'>, state: unknown, sequence: number): Promise<void> {
  const stateFile = `.sluice-checkpoint-${sequence}.state`
  let written: ReturnType<typeof writeStateFile>
  try {
    written = writeStateFile(path.join(directory, stateFile), state)
  } catch (error) {
    // A disk error (ENOSPC, EIO) fails this write like any other, keeping the last checkpoint.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') return Promise.reject(error)
    throw error
  }
  const blobsWritten = writeBlobs(directory, written.blobs)
  const full: CheckpointMeta = { ...meta, stateFile, stateSha256: written.sha256, blobs: [...written.blobs.keys()] }
  const stateSynced = (async () => {
    try {
      await datasync(written.fd)
    } finally {
      closeSync(written.fd)
    }
  })()
  return (async () => {
    await Promise.all([stateSynced, blobsWritten])
    await rename(written.temporary, path.join(directory, stateFile))
    await writeFileAtomic(path.join(directory, CHECKPOINT_FILE), `${JSON.stringify(full, null, 1)}\n`)
    await removeStateFiles(directory, stateFile, new Set(full.blobs.map(blobFile)))
  })()
}

async function removeStateFiles(directory: string, keep?: string, keepBlobs = new Set<string>()): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[])
  for (const name of names) {
    const stale = (STATE_PATTERN.test(name) && name !== keep) || (BLOB_PATTERN.test(name) && !keepBlobs.has(name)) || TEMPORARY_PATTERN.test(name)
    if (stale) await rm(path.join(directory, name), { force: true })
  }
}

/** Reads and checks the blobs a checkpoint names; the message of a thrown error says what is wrong. */
async function readBlobs(directory: string, names: unknown): Promise<Map<string, Uint8Array>> {
  if (!Array.isArray(names)) throw new Error('unknown format')
  const blobs = new Map<string, Uint8Array>()
  for (const name of names as string[]) {
    const bytes = await readFile(path.join(directory, blobFile(name))).catch(() => undefined)
    if (bytes === undefined) throw new Error(`${blobFile(name)} is missing`)
    if (blobName(bytes) !== name) throw new Error(`${blobFile(name)} does not match its checksum`)
    blobs.set(name, bytes)
  }
  return blobs
}

/** Reads the checkpoint in `directory`: undefined when there is none, a RunRefusedError when it is damaged. */
export async function readCheckpoint(directory: string): Promise<{ meta: CheckpointMeta; state: unknown } | undefined> {
  let text: string
  try {
    text = await readFile(path.join(directory, CHECKPOINT_FILE), 'utf8')
  } catch {
    return undefined
  }
  const damaged = (why: string): RunRefusedError =>
    new RunRefusedError(`The checkpoint in ${directory} is damaged (${why}); run without --resume to start over.`)
  let meta: CheckpointMeta
  try {
    meta = JSON.parse(text) as CheckpointMeta
  } catch {
    throw damaged(`${CHECKPOINT_FILE} is not JSON`)
  }
  if (typeof meta.version === 'number' && meta.version !== CHECKPOINT_VERSION) throw new RunRefusedError(`The checkpoint in ${directory} was written by another version of sluice; run without --resume to start over.`)
  if (meta.version !== CHECKPOINT_VERSION || typeof meta.stateFile !== 'string' || !STATE_PATTERN.test(meta.stateFile)) throw damaged('unknown format')
  const bytes = await readFile(path.join(directory, meta.stateFile)).catch(() => undefined)
  if (bytes === undefined) throw damaged(`${meta.stateFile} is missing`)
  if (blobName(bytes) !== meta.stateSha256) throw damaged(`${meta.stateFile} does not match its checksum`)
  const blobs = await readBlobs(directory, meta.blobs).catch((error: Error) => {
    throw damaged(error.message)
  })
  return { meta, state: decodeState(bytes, (name) => blobs.get(name) as Uint8Array) }
}

/** Removes the checkpoint and its state files (after a finished run, or before a fresh one). */
export async function removeCheckpoint(directory: string): Promise<void> {
  await rm(path.join(directory, CHECKPOINT_FILE), { force: true })
  await removeStateFiles(directory)
}

/** When the next checkpoint is due. */
export interface CheckpointSchedule {
  due(emittedSinceLast: number, now: number): boolean
  /** Records a checkpoint at `now` whose snapshot took `milliseconds` of the thread's time. */
  done(now: number, milliseconds: number): void
}

/**
 * Due after `everyDocuments` documents or `everyMs` milliseconds (with at least one document),
 * but never sooner than nine times the last checkpoint's serialisation time: a large state
 * (near-dedupe signatures of a big batch) then costs at most a tenth of the run.
 */
export function createCheckpointSchedule(everyDocuments: number, everyMs: number, start: number): CheckpointSchedule {
  let last = start
  let cost = 0
  return {
    due: (count, now) => count > 0 && now - last >= 9 * cost && (count >= everyDocuments || now - last >= everyMs),
    done(now, milliseconds) {
      last = now
      cost = milliseconds
    },
  }
}
