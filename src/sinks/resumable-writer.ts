/**
 * A JSONL writer that can stop and go on. Like the plain writer it writes to a temporary name
 * and renames on `commit()`, so a run that dies never leaves a file that looks complete; on top
 * of that it says how many bytes are on disk (`flush`, for checkpoints), and it can reopen the
 * temporary file a killed run left, cut back to the length a checkpoint recorded (`resumeAt`),
 * or start from a copy of an earlier output (`seed`, for incremental runs that append).
 * Lines are buffered and written in large blocks at explicit positions.
 */
import { constants } from 'node:fs'
import { copyFile, open, rename, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { RunRefusedError } from '../core/checkpoint.ts'
import type { CleanSink } from './clean-sink.ts'

/** How to open the temporary file. */
export interface ResumableOptions {
  /** Temporary file name; defaults to `<path>.tmp-<pid>`. */
  temporary?: string
  /** Reopen the temporary file a killed run left, truncated to this many bytes. */
  resumeAt?: number
  /** Start from a copy of this file (an earlier run's output) instead of an empty file. */
  seed?: string
}

/** A clean-sink-compatible writer that can report and resume its length. */
export interface ResumableWriter extends CleanSink {
  readonly temporary: string
  /** Writes out buffered lines and syncs them; resolves to the bytes now on disk. */
  flush(): Promise<number>
  /** Closes the file but keeps it, so a later `--resume` can go on from a checkpoint. */
  close(): Promise<void>
}

const BLOCK_BYTES = 1 << 20

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then((info) => info.size, () => undefined)
}

/** Opens the temporary file: fresh, seeded from an earlier output, or resumed at a length. */
async function openTemporary(final: string, temporary: string, options: ResumableOptions): Promise<{ handle: FileHandle; position: number }> {
  if (options.resumeAt === undefined) {
    if (options.seed === undefined) return { handle: await open(temporary, 'w'), position: 0 }
    await copyFile(options.seed, temporary, constants.COPYFILE_FICLONE)
    const handle = await open(temporary, 'r+')
    return { handle, position: (await handle.stat()).size }
  }
  const length = options.resumeAt
  // A run killed while renaming its outputs may already have moved this one to its final name.
  if ((await sizeOf(temporary)) === undefined && (await sizeOf(final)) === length) await rename(final, temporary)
  const size = await sizeOf(temporary)
  if (size === undefined || size < length) {
    throw new RunRefusedError(`Cannot resume: the partial output ${temporary} is ${size === undefined ? 'gone' : `shorter (${size} bytes) than the checkpoint says (${length})`}; run without --resume to start over.`)
  }
  const handle = await open(temporary, 'r+')
  await handle.truncate(length)
  return { handle, position: length }
}

/** Opens `final` for writing through its temporary file (see {@link ResumableOptions}). */
export async function openResumableWriter(final: string, options: ResumableOptions = {}): Promise<ResumableWriter> {
  const temporary = options.temporary ?? `${final}.tmp-${process.pid}`
  const opened = await openTemporary(final, temporary, options)
  const handle = opened.handle
  let position = opened.position
  let pending: Buffer[] = []
  let pendingBytes = 0
  let failure: unknown
  let closed = false
  const files: string[] = []
  const writeOut = async (): Promise<void> => {
    if (failure !== undefined) throw failure
    if (pendingBytes === 0) return
    const block = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    try {
      for (let offset = 0; offset < block.length; ) {
        const { bytesWritten } = await handle.write(block, offset, block.length - offset, position)
        offset += bytesWritten
        position += bytesWritten
      }
    } catch (error) {
      failure = error
      throw error
    }
  }
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    path: final,
    temporary,
    files,
    async write(record) {
      if (failure !== undefined) throw failure
      const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')
      pending.push(line)
      pendingBytes += line.length
      if (pendingBytes >= BLOCK_BYTES) await writeOut()
    },
    async flush() {
      await writeOut()
      await handle.datasync()
      return position
    },
    async commit() {
      await writeOut()
      await handle.datasync()
      await close()
      await rename(temporary, final)
      files.push(final)
    },
    close: () => close().catch(() => undefined),
    async abort() {
      await close().catch(() => undefined)
      await rm(temporary, { force: true })
    },
  }
}
