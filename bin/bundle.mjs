/**
 * Runs sluice's TypeScript as plain JavaScript. A process that loads the sources through tsx
 * carries a loader thread and a second compile of every module (about 60 MB and a second at
 * start-up, per thread), so the CLI, the worker threads and TypeScript config files are each
 * bundled once with esbuild (packages stay external) into a cached ESM file. A manifest of the
 * bundle's inputs (path, size, mtime) lets later starts reuse it without loading esbuild.
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

/** The cached bundle when none of its inputs changed since it was built. */
function reusable(manifestFile) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    for (const [file, size, mtimeMs] of manifest.inputs) {
      const stats = statSync(file)
      if (stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined
    }
    return existsSync(manifest.bundle) ? manifest.bundle : undefined
  } catch {
    return undefined
  }
}

/** Bundles of the same entry from older sources, a day old, go: a run still using one is long done. */
function pruneOldBundles(folder, label, keep) {
  const cutoff = Date.now() - 24 * 3600 * 1000
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name)
    if (file !== keep && name.startsWith(`${label}-`) && name.endsWith('.mjs') && statSync(file).mtimeMs < cutoff) rmSync(file, { force: true })
  }
}

/** Bundles `entry` (an absolute path) with esbuild: the code and the files it was made from. */
export async function buildBundle(entry) {
  const esbuild = require('esbuild')
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  })
  return { code: built.outputFiles[0].text, inputs: Object.keys(built.metafile.inputs).map((input) => path.resolve(input)) }
}

/**
 * Returns the file URL of `entry` (an absolute path) bundled into the cache, rebuilt only when
 * one of its inputs changed. `label` names the cache files.
 */
export async function bundleModule(entry, label) {
  const folder = cacheFolder()
  const manifestFile = path.join(folder, `${label}-${digest(entry).slice(0, 12)}.json`)
  const cached = reusable(manifestFile)
  if (cached !== undefined) return pathToFileURL(cached).href
  const { code, inputs } = await buildBundle(entry)
  const bundle = path.join(folder, `${label}-${digest(code).slice(0, 16)}.mjs`)
  mkdirSync(folder, { recursive: true })
  if (!existsSync(bundle)) writeAtomically(bundle, code)
  const stamped = inputs.map((file) => {
    const stats = statSync(file)
    return [file, stats.size, stats.mtimeMs]
  })
  writeAtomically(manifestFile, JSON.stringify({ entry, bundle, inputs: stamped }))
  pruneOldBundles(folder, label, bundle)
  return pathToFileURL(bundle).href
}
