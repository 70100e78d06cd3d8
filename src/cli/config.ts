/**
 * Finds and resolves the config for a command: `--config FILE`, else `pipeline.config.ts` in
 * the working directory when present, else the defaults; command-line flags win over the file.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadConfig, resolveConfig } from '../config/load-config.ts'
import type { LoadResult } from '../config/load-config.ts'
import type { UserConfig } from '../config/schema.ts'
import type { ConfigOrigin } from '../core/stage-recipe.ts'

/** Flags shared by the commands that read a config. */
export interface ConfigFlags {
  config?: string
  input?: string[]
  output?: string
  concurrency?: string
  workers?: string
  strict?: boolean
}

const DEFAULT_CONFIG_FILE = 'pipeline.config.ts'

function overridesFrom(flags: ConfigFlags): Partial<UserConfig> | string {
  const overrides: Partial<UserConfig> = {}
  if (flags.input !== undefined && flags.input.length > 0) overrides.input = flags.input
  if (flags.output !== undefined) overrides.output = flags.output
  if (flags.strict === true) overrides.strict = true
  if (flags.concurrency !== undefined) {
    const value = Number(flags.concurrency)
    if (!Number.isInteger(value) || value < 1) return `Expected \`--concurrency\` to be a positive integer, got ${JSON.stringify(flags.concurrency)}.`
    overrides.concurrency = value
  }
  if (flags.workers !== undefined) {
    const value = Number(flags.workers)
    if (!Number.isInteger(value) || value < 0) return `Expected \`--workers\` to be a whole number, 0 or more, got ${JSON.stringify(flags.workers)}.`
    overrides.workers = value
  }
  return overrides
}

/** Resolves the config a command runs with, or the sentences explaining why it cannot. */
export async function configFromFlags(flags: ConfigFlags): Promise<LoadResult> {
  const overrides = overridesFrom(flags)
  if (typeof overrides === 'string') return { ok: false, issues: [overrides] }
  const file = configFileOf(flags)
  return file === undefined ? resolveConfig(overrides) : loadConfig(file, overrides)
}

/** The config file a command reads (`--config`, else ./pipeline.config.ts when present). */
export function configFileOf(flags: ConfigFlags): string | undefined {
  return flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined)
}

/**
 * Where the run's config came from, so worker threads can resolve the same stages: the config
 * file (absolute path) if any, and the flag overrides (plain data).
 */
export function configOrigin(flags: ConfigFlags): ConfigOrigin | undefined {
  const file = configFileOf(flags)
  const overrides = overridesFrom(flags)
  if (typeof overrides === 'string') return undefined
  return file === undefined ? { overrides } : { file: path.resolve(file), overrides }
}
