/**
 * One run per output folder: `.sluice-lock` holds the process id of the run writing there. A
 * lock whose process is gone (killed, crashed) is taken over, and so are the temporary files
 * dead runs left behind; a live holder makes the run refuse to start.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { RunRefusedError } from './checkpoint.ts'

/** The lock's file name; the input walk (discover.ts) skips any folder that holds one. */
export const OUTPUT_LOCK_FILE = '.sluice-lock'

const TEMPORARY = /^(?:clean|rejects|report|\.sluice-checkpoint)[^/]*\.tmp-(\d+)$/u

/** Whether another process with this id is running (our own id counts as not: a lock we left is stale). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the output folder's lock; resolves to the function that releases it. */
export async function lockOutput(directory: string): Promise<() => Promise<void>> {
  const file = path.join(directory, OUTPUT_LOCK_FILE)
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
export async function removeStaleTemporaries(directory: string, keep: readonly string[] = []): Promise<void> {
  for (const name of await readdir(directory)) {
    const pid = Number(TEMPORARY.exec(name)?.[1])
    if (pid > 0 && pid !== process.pid && !isAlive(pid) && !keep.includes(name)) await rm(path.join(directory, name), { force: true })
  }
}
