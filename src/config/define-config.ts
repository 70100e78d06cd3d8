import type { UserConfig } from './schema.ts'

/**
 * Identity function that gives `pipeline.config.ts` editor completion and type checks
 * (the vite/rollup convention); validation happens when the config is loaded.
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config
}
