/**
 * Renders a `RunReport` as Markdown for people: the funnel first (what came in, what survived),
 * then where documents were lost and why, then the inputs that need attention.
 */
import type { StageStats } from '../core/stats.ts'
import { healthSections } from './format-md-health.ts'
import type { DocumentEntry, RunReport } from './types.ts'

const LIST_LIMIT = 50

function cell(value: string | number): string {
  return String(value).replace(/\|/g, '\\|').replace(/\s+/g, ' ')
}

function table(header: string[], rows: (string | number)[][]): string[] {
  if (rows.length === 0) return ['_none_', '']
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), '']
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Where the stages ran: reports from before `workers` was recorded only know the concurrency. */
function executionPhrase(run: RunReport['run']): string {
  if (run.workers === undefined) return `with concurrency ${run.concurrency}`
  if (run.workers === 0) return `on the main thread, ${run.concurrency} documents at once`
  return `with ${run.workers} worker thread${run.workers === 1 ? '' : 's'}`
}

function summary(report: RunReport): string[] {
  const { run } = report
  const { counts } = run
  return [
    '# sluice run report',
    '',
    `Started ${run.startedAt}, took ${(run.durationMs / 1000).toFixed(1)} s${run.resources === undefined ? '' : ` (${run.resources.cpuSeconds} CPU s, peak memory ${run.resources.peakRssMiB} MiB)`} ${executionPhrase(run)}; config ${run.configHash}.`,
    '',
    `**${plural(counts.documents, 'document')}** from ${plural(counts.inputs, 'input')}: **${counts.kept} kept** (${counts.warned} with warnings), **${counts.rejected} rejected**; ${plural(counts.errors, 'unreadable input')}, ${plural(counts.skipped, 'file')} skipped.`,
    '',
    `Clean output: ${(run.cleanFiles ?? ['clean.jsonl']).map((file) => `\`${file}\``).join(', ')}; rejects in \`rejects.jsonl\`.`,
    '',
  ]
}

function topRules(stage: StageStats): string {
  const rules = Object.entries(stage.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return rules.slice(0, 4).map(([rule, count]) => `${rule.slice(stage.name.length + 1)} ${count}`).join(', ')
}

function stages(report: RunReport): string[] {
  const rows = report.stages.map((stage) => [stage.name, stage.in, stage.kept, stage.dropped, Math.round(stage.milliseconds), topRules(stage)])
  return ['## Stages', '', ...table(['stage', 'in', 'kept', 'dropped', 'ms', 'top rules (changes)'], rows)]
}

function drops(report: RunReport): string[] {
  const rows = report.stages.flatMap((stage) => Object.entries(stage.droppedByRule).map(([rule, count]) => [rule, count]))
  const errorRules = new Map<string, number>()
  for (const error of report.errors) errorRules.set(error.rule, (errorRules.get(error.rule) ?? 0) + 1)
  rows.push(...[...errorRules].map(([rule, count]) => [rule, count]))
  rows.sort((a, b) => Number(b[1]) - Number(a[1]))
  return ['## Why documents were rejected', '', ...table(['rule', 'documents'], rows)]
}

function errors(report: RunReport): string[] {
  const rows = report.errors.slice(0, LIST_LIMIT).map((error) => [error.source, error.line ?? '', error.rule, error.reason])
  const more = report.errors.length > LIST_LIMIT ? [`…and ${report.errors.length - LIST_LIMIT} more in report.json.`, ''] : []
  return ['## Unreadable inputs', '', ...table(['source', 'line', 'rule', 'reason'], rows), ...more]
}

function skipped(report: RunReport): string[] {
  const rows = report.skipped.slice(0, LIST_LIMIT).map((entry) => [entry.path, entry.reason])
  return ['## Skipped files', '', ...table(['path', 'reason'], rows)]
}

function inputs(report: RunReport): string[] {
  const rows = report.inputs.filter((input) => input.rejected > 0).slice(0, LIST_LIMIT).map((input) => [input.path, input.documents, input.kept, input.rejected])
  return ['## Inputs with rejections', '', ...table(['input', 'documents', 'kept', 'rejected'], rows)]
}

function warningSummary(entry: DocumentEntry): string {
  const rules = new Map<string, number>()
  for (const warning of entry.warnings) rules.set(warning.rule, (rules.get(warning.rule) ?? 0) + 1)
  return [...rules].map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule)).join(', ')
}

function documents(report: RunReport): string[] {
  const rejected = report.documents.filter((entry) => entry.status === 'rejected').slice(0, LIST_LIMIT)
  const warned = report.documents.filter((entry) => entry.status === 'warned').slice(0, LIST_LIMIT)
  return [
    '## Rejected documents',
    '',
    ...table(['source', 'rule', 'reason'], rejected.map((entry) => [entry.source, entry.rule ?? '', entry.reason ?? ''])),
    '## Kept with warnings',
    '',
    ...table(['source', 'warnings'], warned.map((entry) => [entry.source, warningSummary(entry)])),
    ...(report.documentsOmitted > 0 ? [`${report.documentsOmitted} more documents are counted but not listed.`, ''] : []),
    'Run `sluice explain <file>` to see every change and drop in one input, rule by rule.',
    '',
  ]
}

/** Renders the report as Markdown. Pure, so it is snapshot-tested. */
export function formatMarkdown(report: RunReport): string {
  return [...summary(report), ...healthSections(report), ...stages(report), ...drops(report), ...errors(report), ...skipped(report), ...inputs(report), ...documents(report)].join('\n')
}
