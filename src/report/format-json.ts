import type { RunReport } from './types.ts'

/** Renders the report as stable, human-diffable JSON (two-space indent, trailing newline). */
export function formatJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
