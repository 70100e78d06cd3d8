/**
 * Which sluice a process runs: a hash of every file under src/ (code and data such as word
 * lists and language models), the lock file, and the Node major, ICU and Unicode versions
 * (text segmentation and case rules come from ICU). The coordinator stores its fingerprint
 * with the run; a worker whose fingerprint differs refuses the run's shards, because a
 * different version would silently change the output that distributed runs promise to keep
 * byte-identical. Hashing the 16 MB tree (mostly the shipped models) takes about 0.1 s, once
 * per process.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** The fingerprint of the sluice installation this process runs from. */
export async function codeFingerprint(): Promise<string> {
  const hash = createHash('sha256')
  const runtime = { node: process.versions.node.split('.')[0], icu: process.versions.icu, unicode: process.versions.unicode }
  hash.update(JSON.stringify(runtime))
  for (const file of [...(await filesUnder(path.join(repoRoot, 'src'))), 'package-lock.json']) {
    hash.update(`\0${file}\0`)
    hash.update(await readFile(path.join(repoRoot, file)).catch(() => Buffer.alloc(0)))
  }
  return hash.digest('hex').slice(0, 16)
}
