/**
 * What a run starts from, whether one process runs it (run.ts) or a coordinator hands it to
 * `sluice worker`s (distributed/coordinator.ts): the config validated with its defaults filled
 * in, the inputs as a list, and how worker threads rebuild the order-free stages.
 */
import { resolveConfig } from '../config/load-config.ts'
import type { ResolvedConfig, UserConfig } from '../config/schema.ts'
import { ConfigError } from './errors.ts'
import type { ConfigOrigin } from './stage-recipe.ts'

/** A run's starting point; see the module comment. */
export interface RunSettings {
  settings: ResolvedConfig
  inputs: string[]
  /** The config file workers load, or overrides of the defaults; undefined when the stages were built in code and cannot be rebuilt. */
  origin: ConfigOrigin | undefined
}

/** Validates `config` (throwing a ConfigError with one sentence per problem) and works out the rest. */
export function runSettings(config: UserConfig | ResolvedConfig, configFile: ConfigOrigin | undefined): RunSettings {
  const result = resolveConfig(config as UserConfig)
  if (!result.ok) throw new ConfigError(result.issues)
  const settings = result.config
  const inputs = Array.isArray(settings.input) ? settings.input : [settings.input as string]
  // A config without `stages` means the defaults, which a worker can build from nothing.
  const origin = configFile ?? ((config as UserConfig).stages === undefined ? { overrides: {} } : undefined)
  return { settings, inputs, origin }
}
