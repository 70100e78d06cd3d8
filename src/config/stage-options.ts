/**
 * Stage factories check their options when they are called, which is when a config file is
 * imported. A bad option then throws a ConfigError with one sentence per problem, naming the
 * stage and the option, which the CLI prints as it prints config problems (exit 2).
 */
import type { z } from 'zod'
import { ConfigError } from '../core/errors.ts'
import { describeIssue } from './describe-issue.ts'

/** `schema.parse(options)`, with readable sentences naming `stage` instead of zod's error. */
export function parseStageOptions<Schema extends z.ZodType>(stage: string, schema: Schema, options: unknown): z.output<Schema> {
  const parsed = schema.safeParse(options)
  if (parsed.success) return parsed.data
  throw new ConfigError(parsed.error.issues.map((issue) => describeIssue(issue, options, stage)))
}
