/**
 * Turns a user config (an object, or a file exporting one) into a frozen `ResolvedConfig`, or
 * into readable issues. Never throws for a bad config: the CLI prints the sentences and exits 2.
 */
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Plugin } from 'esbuild'
import { buildBundle, cacheFolder, sluiceBundle } from '../../bin/bundle.mjs'
import { isConfigError } from '../core/errors.ts'
import { describeIssue } from './describe-issue.ts'
import { ConfigSchema } from './schema.ts'
import type { ResolvedConfig, UserConfig } from './schema.ts'

/** `{ok: true, config}` or `{ok: false, issues}` with one sentence per problem (textlint style). */
export type LoadResult = { ok: true; config: ResolvedConfig } | { ok: false; issues: string[] }

/** Validates a config object and fills defaults. */
export function resolveConfig(config: UserConfig): LoadResult {
  const parsed = ConfigSchema.safeParse(config)
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => describeIssue(issue, config)) }
  return { ok: true, config: Object.freeze(parsed.data) }
}

const SLUICE_INDEX = fileURLToPath(new URL('../index.ts', import.meta.url))

/**
 * A config's import of sluice's library entry (`'sluice'`, as the README writes it, or a path to
 * `./src/index.ts`) goes to the cached build the CLI runs from, wherever the config lives: the
 * config shares the CLI's modules instead of carrying a second copy of every stage (and of the
 * packages they load) in the main thread, and needs no sluice in its own node_modules.
 */
function sluiceEntryPlugin(indexUrl: string): Plugin {
  return {
    name: 'sluice-entry',
    setup(build) {
      build.onResolve({ filter: /^sluice$/ }, () => ({ path: indexUrl, external: true }))
      build.onResolve({ filter: /^\.{1,2}\/|^\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path)
        return target === SLUICE_INDEX || `${target}.ts` === SLUICE_INDEX ? { path: indexUrl, external: true } : undefined
      })
    },
  }
}

/**
 * Imports a config file. TypeScript is bundled to JavaScript with esbuild first (plain Node
 * cannot import it, and registering tsx costs a loader thread): the bundle is written next to
 * the file, so that its own imports resolve from its own folder, imported, and removed. A
 * read-only config folder gets the bundle in sluice's cache instead (sluice's own imports are
 * pinned to absolute paths there, so only a config importing its own packages would fail).
 */
async function importConfig(absolute: string): Promise<{ default?: UserConfig }> {
  if (!/\.[cm]?tsx?$/u.test(absolute)) return (await import(pathToFileURL(absolute).href)) as { default?: UserConfig }
  const { code } = await buildBundle(absolute, [sluiceEntryPlugin((await sluiceBundle()).index)])
  const name = `.${path.basename(absolute)}.${process.pid}-${Date.now()}.sluice.mjs`
  let compiled = path.join(path.dirname(absolute), name)
  try {
    await writeFile(compiled, code)
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    await mkdir(cacheFolder(), { recursive: true })
    compiled = path.join(cacheFolder(), name)
    await writeFile(compiled, code)
  }
  try {
    return (await import(pathToFileURL(compiled).href)) as { default?: UserConfig }
  } finally {
    await rm(compiled, { force: true })
  }
}

/**
 * Imports a config file (TypeScript or JavaScript, default export) and resolves it, with
 * `overrides` (from command-line flags) taking precedence over the file.
 */
export async function loadConfig(file: string, overrides: Partial<UserConfig> = {}): Promise<LoadResult> {
  const absolute = path.resolve(file)
  if (!existsSync(absolute)) return { ok: false, issues: [`Cannot find config file ${file}: pass an existing file to --config.`] }
  try {
    const module = await importConfig(absolute)
    if (module.default === undefined) return { ok: false, issues: [`Config file ${file} has no default export: end it with \`export default defineConfig({...})\`.`] }
    return resolveConfig({ ...module.default, ...overrides })
  } catch (error) {
    if (isConfigError(error)) return { ok: false, issues: error.issues.map((issue) => `Config file ${file}: ${issue}`) }
    return { ok: false, issues: [`Cannot load config file ${file}: ${error instanceof Error ? error.message : String(error)}`] }
  }
}
