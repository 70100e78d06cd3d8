/**
 * A streaming JSONL writer that writes to a temporary name and renames on `commit()`, so a run
 * that dies never leaves a file that looks complete. Respects back-pressure from the disk.
 */
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { WriteStream } from 'node:fs'

/** An open output file. */
export interface JsonlWriter {
  readonly path: string
  write(record: unknown): Promise<void>
  /** Flushes, closes and renames the temporary file to its final name. */
  commit(): Promise<void>
  /** Closes and deletes the temporary file. */
  abort(): Promise<void>
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return
  const closed = once(stream, 'close')
  stream.end()
  await closed
}

/** Opens `path` for streaming writes through `path.tmp-<pid>`. */
export function createJsonlWriter(path: string): JsonlWriter {
  const temporary = `${path}.tmp-${process.pid}`
  const stream = createWriteStream(temporary, { encoding: 'utf8' })
  let failure: Error | undefined
  let wake: (() => void) | undefined
  stream.on('error', (error) => {
    failure = error
    wake?.()
  })
  stream.on('drain', () => wake?.())
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      wake = () => {
        wake = undefined
        resolve()
      }
    })
  return {
    path,
    async write(record) {
      if (failure !== undefined) throw failure
      if (!stream.write(`${JSON.stringify(record)}\n`)) await drained()
      if (failure !== undefined) throw failure
    },
    async commit() {
      await close(stream)
      if (failure !== undefined) throw failure
      await rename(temporary, path)
    },
    async abort() {
      await close(stream).catch(() => undefined)
      await rm(temporary, { force: true })
    },
  }
}
