/**
 * Runs sluice's TypeScript as plain JavaScript. A process that loads the sources through tsx
 * carries a loader thread and a second compile of every module (about 60 MB and a second at
 * start-up, per thread), so the CLI, the worker threads and TypeScript config files are each
 * bundled with esbuild (packages stay external) into one cached, split ESM build. A manifest of
 * the build's inputs (path, size, mtime) lets later starts reuse it without loading esbuild.
 * Config files are bundled by `buildBundle` alone (see src/config/load-config.ts).
 * Plain JavaScript on purpose: the bootstrap in sluice.js must run before any TypeScript can.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { builtinModules, createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** Where sluice keeps its bundles: node_modules/.cache/sluice next to esbuild. */
export function cacheFolder() {
  return path.join(path.dirname(path.dirname(require.resolve('esbuild/package.json'))), '.cache', 'sluice')
}

/**
 * Each source file keeps its own `import.meta.url`, so modules still find their data files;
 * `file:` URL imports (a config pointing at sluice's sources) are bundled like paths.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onResolve({ filter: /^file:/ }, (args) => ({ path: fileURLToPath(args.path) }))
    build.onResolve({ filter: /^[^./]/ }, (args) => ownPackage(args.path, args.importer))
    build.onLoad({ filter: /\.(?:[cm]?tsx?|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const loader = args.path.endsWith('.mjs') ? 'js' : args.path.endsWith('x') ? 'tsx' : 'ts'
      // A regular expression, not the plain words: this file is bundled too, and must not rewrite itself.
      return { contents: source.replace(/\bimport\.meta\.url\b/gu, JSON.stringify(pathToFileURL(args.path).href)), loader }
    })
  },
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * A package that sluice's own code imports is pinned to the copy sluice installed (the bundle of
 * a config file in another folder would not find it); packages a user's file imports resolve
 * from that file's folder as usual.
 */
function ownPackage(specifier, importer) {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier) || !importer.startsWith(packageRoot) || importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined
  return { path: pathToFileURL(fileURLToPath(import.meta.resolve(specifier))).href, external: true }
}

function digest(text) {
  return createHash('sha256').update(text).digest('hex')
}

/** Writes through a temporary name, so a concurrent reader never sees half a file. */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, file)
}

/** File paths by entry name, as file URLs to import. */
function entryUrls(entries) {
  return Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, pathToFileURL(file).href]))
}

/** The cached bundle's entry URLs when none of its inputs changed since it was built. */
function reusable(manifestFile) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    for (const [file, size, mtimeMs] of manifest.inputs) {
      const stats = statSync(file)
      if (stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined
    }
    return Object.values(manifest.entries).every((file) => existsSync(file)) ? entryUrls(manifest.entries) : undefined
  } catch {
    return undefined
  }
}

/**
 * Builds of older sources and manifests of other checkouts (and those of the one-file bundles
 * before them), a day old, go: a run still using one is long done. Their decoded tables
 * (src/text/table-cache.ts, about 31 MB a build) go at once: a run reads them whole when it
 * starts, and one that still wants them decodes them again. A folder another process is writing
 * into may refuse to go; it is left for the next build.
 */
function pruneOldBundles(folder, keep) {
  const cutoff = Date.now() - 24 * 3600 * 1000
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name)
    if (file === keep || !/^(?:sluice|cli|worker)[-.]/u.test(name)) continue
    try {
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { recursive: true, force: true })
      else rmSync(path.join(file, 'tables'), { recursive: true, force: true })
    } catch {
      // In use or already gone.
    }
  }
}

/**
 * The esbuild options every build shares: Node, ESM, packages left to Node. The caller's
 * `plugins` resolve first, so a config's `'sluice'` goes to the cached build even inside this
 * package, where `ownPackage` would send it to the TypeScript entry plain Node cannot load.
 */
function baseOptions(plugins) {
  return { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', write: false, metafile: true, logLevel: 'silent', plugins: [...plugins, keepModuleUrls] }
}

/**
 * Bundles one file (an absolute path) with esbuild: the code and the files it was made from.
 * `plugins` run before sluice's own (load-config.ts maps sluice's entry to the cached build).
 */
export async function buildBundle(entry, plugins = []) {
  const esbuild = require('esbuild')
  const built = await esbuild.build({ ...baseOptions(plugins), entryPoints: [entry] })
  return { code: built.outputFiles[0].text, inputs: Object.keys(built.metafile.inputs).map((input) => path.resolve(input)) }
}

/** sluice's entry points, built together so that they share one copy of every module. */
const ENTRIES = { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/core/worker.ts' }

/**
 * One split build of {@link ENTRIES}: code reached only through `import()` (the distributed
 * runner and BullMQ, the Readability method and linkedom) sits in chunks that load when first
 * used, so a run that never needs them never pays their memory or start-up.
 */
async function buildSplit(outdir) {
  const esbuild = require('esbuild')
  const entryPoints = Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(packageRoot, file)]))
  const built = await esbuild.build({ ...baseOptions([]), entryPoints, splitting: true, outdir, entryNames: '[name]', chunkNames: 'chunk-[hash]' })
  const files = built.outputFiles.map((file) => ({ name: path.relative(outdir, file.path), text: file.text }))
  return { files, inputs: Object.keys(built.metafile.inputs).map((input) => path.resolve(input)) }
}

/** Writes the build's files into a new folder named after their contents, then moves it in place whole. */
function writeBuild(folder, files) {
  const target = path.join(folder, `sluice-${digest(files.map((file) => `${file.name}\n${file.text}`).join('\n')).slice(0, 16)}`)
  if (existsSync(target)) {
    if (files.every((file) => existsSync(path.join(target, file.name)))) return target
    // A folder without its files (emptied by hand) is no build. A build only ever arrives whole
    // (the rename below), so this one stays incomplete: move it aside, then make it again.
    const aside = `${target}.${process.pid}.incomplete`
    try {
      renameSync(target, aside)
      rmSync(aside, { recursive: true, force: true })
    } catch {
      // Another process moved it first.
    }
  }
  const temporary = `${target}.${process.pid}.tmp`
  for (const file of files) {
    mkdirSync(path.dirname(path.join(temporary, file.name)), { recursive: true })
    writeFileSync(path.join(temporary, file.name), file.text)
  }
  try {
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true })
    if (!existsSync(target)) throw error
  }
  return target
}

/**
 * File URLs of sluice's bundled entry points (`cli`, `index`, `worker`), built into the cache
 * and rebuilt only when one of their inputs changed.
 */
export async function sluiceBundle() {
  const folder = cacheFolder()
  // One manifest per checkout: copies of the repo that share node_modules (a symlink, a
  // worktree) share the cache folder, and each must run its own sources.
  const manifestFile = path.join(folder, `sluice-${digest(packageRoot).slice(0, 12)}.json`)
  const cached = reusable(manifestFile)
  if (cached !== undefined) return cached
  mkdirSync(folder, { recursive: true })
  const { files, inputs } = await buildSplit(path.join(folder, 'build'))
  const target = writeBuild(folder, files)
  const entries = Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, path.join(target, `${name}.js`)]))
  const stamped = inputs.map((file) => {
    const stats = statSync(file)
    return [file, stats.size, stats.mtimeMs]
  })
  writeAtomically(manifestFile, JSON.stringify({ entries, inputs: stamped }))
  pruneOldBundles(folder, target)
  return entryUrls(entries)
}

/** The source file behind each bundled entry point, for the fallback through tsx. */
export function sluiceSource(name) {
  return pathToFileURL(path.join(packageRoot, ENTRIES[name])).href
}
