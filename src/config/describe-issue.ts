/**
 * One sentence per zod issue, naming the option by its path and the value given, for the config
 * and for stage options alike: users see "Expected `concurrency` to be a positive integer, got 0"
 * or "Invalid `validate.minWords`: …, got \"ten\"", never zod's JSON.
 */
import type { z } from 'zod'

function valueAt(config: unknown, keys: readonly PropertyKey[]): unknown {
  let value = config
  for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined
  return value
}

/**
 * The sentence for `issue` found in `value`. `prefix` names where `value` sits (a stage's
 * options: `['validate']`), so the option reads as the user would write its path.
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown, prefix: readonly string[] = []): string {
  const keys = [...prefix, ...issue.path.map(String)]
  const where = keys.length > 0 ? keys.join('.') : 'config'
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `\`${[...keys, key].join('.')}\``).join(', ')
    return prefix.length > 0 ? `Unknown option ${names} of stage ${prefix.join('.')}: check the spelling against the README's section on that stage.` : `Unknown config key ${names}: check the spelling against the README's config section.`
  }
  const actual = valueAt(value, issue.path)
  const input = actual === undefined || typeof actual === 'function' ? '' : `, got ${JSON.stringify(actual)}`
  return issue.message.startsWith('Expected `') ? `${issue.message}${input}.` : `Invalid \`${where}\`: ${issue.message}${input}.`
}
