/**
 * A short hash of everything in the config that changes outputs, so a report says which
 * settings made it and an incremental run can tell when state must be invalidated.
 */
import { createHash } from 'node:crypto'
import type { ResolvedConfig } from './schema.ts'

/** Hashes stage names and options, field mapping and limits (not paths or concurrency). */
export function configHash(config: ResolvedConfig): string {
  const relevant = {
    stages: config.stages.map((stage) => ({ name: stage.name, options: stage.options ?? null })),
    fields: config.fields,
    limits: config.limits,
  }
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 12)
}
