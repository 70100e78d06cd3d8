/**
 * Stage recipes: how a worker thread rebuilds the order-free stages. A stage is an object with
 * closures made by a factory, so it cannot be posted to a worker; a recipe is plain data that
 * can. Built-in stages are rebuilt from their name and resolved options when those round-trip;
 * otherwise the worker resolves the same config itself: the same config file with the same
 * command-line overrides, or the defaults when the config named no stages. When neither
 * works (custom stages built in memory), the runner keeps every stage on the main thread and
 * says why.
 */
import { loadConfig, resolveConfig } from '../config/load-config.ts'
import type { UserConfig } from '../config/schema.ts'
import * as builtins from '../stages/index.ts'
import { isBuiltinStage } from './stage.ts'
import type { Stage } from './stage.ts'

/**
 * Where a run's config came from, so a worker can resolve the same one: a config file (absolute
 * path) with the command-line overrides, or no file (the defaults plus the overrides).
 */
export interface ConfigOrigin {
  file?: string
  overrides: Partial<UserConfig>
}

/** Plain data (structured-cloneable) from which a worker rebuilds a stage list. */
export type StageRecipe =
  | { kind: 'builtin'; stages: { name: string; options: Readonly<Record<string, unknown>> }[] }
  | { kind: 'config'; origin: ConfigOrigin; names: string[] }

/** A recipe, or the sentence saying why the stages cannot leave the main thread. */
export type RecipeResult = { ok: true; recipe: StageRecipe } | { ok: false; reason: string }

type Factory = (options: Record<string, unknown>) => Stage

/** Built-in factories by stage name: the house rule "camelCase factory, kebab-case stage name". */
function builtinFactories(): ReadonlyMap<string, Factory> {
  const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  const entries = Object.entries(builtins).filter(([name, value]) => typeof value === 'function' && name !== 'defaultStages')
  return new Map(entries.map(([name, factory]) => [kebab(name), factory as Factory]))
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value)
    return true
  } catch {
    return false
  }
}

/**
 * True when `fresh` is the same stage as `stage`: both made by sluice's own factories (see
 * BUILTIN_STAGE; compared by brand, not by code, since a bundled config carries its own copy of
 * the modules), with the same rules and the same resolved options.
 */
function sameStage(fresh: Stage, stage: Stage): boolean {
  if (!isBuiltinStage(fresh) || !isBuiltinStage(stage)) return false
  return fresh.rules.join('\n') === stage.rules.join('\n') && JSON.stringify(fresh.options) === JSON.stringify(stage.options)
}

/**
 * The options that rebuild `stage` with its built-in factory: its resolved `options` when they
 * round-trip, or none at all when the stage is the factory's default instance (a stage whose
 * resolved options are a description, not an input, e.g. check-record's schema). Undefined for
 * anything else: a look-alike (a custom `run` under a built-in name) is never silently swapped
 * for the built-in in a worker.
 */
function rebuildOptions(stage: Stage, factories: ReadonlyMap<string, Factory>): Readonly<Record<string, unknown>> | undefined {
  const factory = factories.get(stage.name)
  if (factory === undefined || stage.options === undefined) return undefined
  const attempts = cloneable(stage.options) ? [stage.options, {}] : [{}]
  for (const options of attempts) {
    try {
      if (sameStage(factory(structuredClone(options) as Record<string, unknown>), stage)) return options
    } catch {
      // not rebuildable from these options; try the next
    }
  }
  return undefined
}

/** Picks the recipe for `stages`: built-ins by name and options, else the same config resolved again. */
export function stageRecipe(stages: readonly Stage[], origin?: ConfigOrigin): RecipeResult {
  const factories = builtinFactories()
  const rebuilt = stages.map((stage) => ({ name: stage.name, options: rebuildOptions(stage, factories) }))
  if (rebuilt.every((entry) => entry.options !== undefined)) {
    return { ok: true, recipe: { kind: 'builtin', stages: rebuilt as { name: string; options: Readonly<Record<string, unknown>> }[] } }
  }
  const custom = rebuilt.filter((entry) => entry.options === undefined).map((entry) => entry.name)
  if (origin !== undefined && cloneable(origin.overrides)) return { ok: true, recipe: { kind: 'config', origin, names: stages.map((stage) => stage.name) } }
  return {
    ok: false,
    reason: `${custom.length === 1 ? 'Stage' : 'Stages'} ${custom.join(', ')} cannot be rebuilt in a worker thread (built in memory, or options that are not plain data), so all stages run on the main thread (no per-document timeout). Put them in a config file, or set \`workers: 0\` to silence this note.`,
  }
}

/** Rebuilds the stage list in a worker; throws a sentence when the config no longer matches. */
export async function buildStages(recipe: StageRecipe, pick: (stages: readonly Stage[]) => Stage[]): Promise<Stage[]> {
  if (recipe.kind === 'builtin') {
    const factories = builtinFactories()
    return recipe.stages.map(({ name, options }) => (factories.get(name) as Factory)(options as Record<string, unknown>))
  }
  const { file, overrides } = recipe.origin
  const where = file ?? 'the default config'
  const loaded = file === undefined ? resolveConfig(overrides) : await loadConfig(file, overrides)
  if (!loaded.ok) throw new Error(`Worker cannot load ${where}: ${loaded.issues.join(' ')}`)
  const stages = pick(loaded.config.stages)
  const names = stages.map((stage) => stage.name)
  if (names.join('\n') !== recipe.names.join('\n')) {
    throw new Error(`Worker built stages ${names.join(', ')} from ${where}, but the run has ${recipe.names.join(', ')}: the config must build the same stages every time it is imported.`)
  }
  return stages
}
