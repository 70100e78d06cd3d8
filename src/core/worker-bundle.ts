/**
 * Worker threads load one plain-JavaScript bundle of worker.ts instead of the TypeScript
 * sources through tsx: a thread that registers tsx gets its own loader thread and compiles every
 * module again, which costs about 60 MB and a second of start-up per worker. The bundle is built
 * with esbuild (packages stay external), named by its content hash and kept in
 * `node_modules/.cache/sluice/`, so it always matches the sources and is written once per
 * version. When it cannot be built, workers fall back to tsx.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Plugin } from 'esbuild'

/** How a worker thread starts: the module to import, and whether tsx must be registered first. */
export interface WorkerEntry {
  url: string
  tsx: boolean
}

const SOURCE_ENTRY = new URL('./worker.ts', import.meta.url)

/**
 * Modules that find data files or packages from `import.meta.url` keep their own URL inside the
 * bundle: each source file's `import.meta.url` is replaced by that file's URL as it is loaded.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' }
    })
  },
}

async function buildBundle(): Promise<string> {
  const require = createRequire(import.meta.url)
  const esbuild = require('esbuild') as typeof import('esbuild')
  const built = await esbuild.build({
    entryPoints: [fileURLToPath(SOURCE_ENTRY)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  })
  const code = (built.outputFiles[0] as { text: string }).text
  const folder = path.join(path.dirname(path.dirname(require.resolve('esbuild/package.json'))), '.cache', 'sluice')
  const file = path.join(folder, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`)
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, code)
    renameSync(temporary, file)
    pruneOldBundles(folder, file)
  }
  return pathToFileURL(file).href
}

/** Bundles of older sources untouched for a day go; a run still starting workers from one is long done. */
function pruneOldBundles(folder: string, keep: string): void {
  const cutoff = Date.now() - 24 * 3600 * 1000
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name)
    if (file !== keep && /^worker-[0-9a-f]+\.mjs$/.test(name) && statSync(file).mtimeMs < cutoff) rmSync(file, { force: true })
  }
}

/** The bundle when it can be built, else worker.ts itself (loaded through tsx). */
export async function workerEntry(): Promise<WorkerEntry> {
  try {
    return { url: await buildBundle(), tsx: false }
  } catch {
    return { url: SOURCE_ENTRY.href, tsx: true }
  }
}
