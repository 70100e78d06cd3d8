/**
 * One sentence per zod issue, naming the option by its path and the value given, for the config
 * and for stage options alike: users see "Expected `concurrency` to be a positive integer, got 0"
 * or "Invalid option `minWords` of stage validate: …, got \"ten\"", never zod's JSON.
 */
import type { z } from 'zod'

function valueAt(config: unknown, keys: readonly PropertyKey[]): unknown {
  let value = config
  for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined
  return value
}

/**
 * The sentence for `issue` found in `value`: a config key by its dotted path, or, with `stage`,
 * an option of that stage (named as the stage is, `near-dedupe`, whichever way it was built).
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown, stage?: string): string {
  const keys = issue.path.map(String)
  const of = stage === undefined ? '' : ` of stage ${stage}`
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `\`${[...keys, key].join('.')}\``).join(', ')
    return stage === undefined ? `Unknown config key ${names}: check the spelling against the README's config section.` : `Unknown option ${names}${of}: check the spelling against the README's section on that stage.`
  }
  const actual = valueAt(value, issue.path)
  const input = actual === undefined || typeof actual === 'function' ? '' : `, got ${JSON.stringify(actual)}`
  if (issue.message.startsWith('Expected `')) return `${issue.message}${of}${input}.`
  const where = keys.length > 0 ? keys.join('.') : stage === undefined ? 'config' : 'options'
  return stage === undefined ? `Invalid \`${where}\`: ${issue.message}${input}.` : `Invalid option \`${where}\`${of}: ${issue.message}${input}.`
}
