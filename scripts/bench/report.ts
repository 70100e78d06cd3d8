/**
 * The bench table and its ratios, from the measured rows: MB/s, docs/s, peak RSS and stage
 * shares per row, then the ratios the targets are about (N workers vs 1, sluice vs the I/O
 * ceiling and vs Readability.js, time growth per 10× input), each with its target and verdict.
 */
import type { RowMeasure, RowSpec } from './row.ts'

/** One measured row of the table. */
export interface BenchRow extends RowMeasure {
  label: string
  set: string
  system: RowSpec['system']
  workers?: number
  bytes: number
}

/** A ratio between two rows, with the target it is checked against (if any). */
export interface BenchRatio {
  what: string
  value: number
  target?: string
  ok?: boolean
}

const MB = 1e6

function shares(row: BenchRow): string {
  const total = row.stages.reduce((sum, stage) => sum + stage.milliseconds, 0)
  if (total === 0) return ''
  return [...row.stages]
    .sort((a, b) => b.milliseconds - a.milliseconds)
    .slice(0, 4)
    .map((stage) => `${stage.name} ${Math.round((100 * stage.milliseconds) / total)}%`)
    .join(', ')
}

/** The rows as a Markdown table. */
export function formatRows(rows: readonly BenchRow[]): string {
  const lines = ['| row | docs | MB | s | CPU s | MB/s | docs/s | peak RSS MiB | stage time share |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |']
  for (const row of rows) {
    const cpu = row.cpuSeconds === undefined ? '' : row.cpuSeconds.toFixed(1)
    const cells = [row.label, row.documents, (row.bytes / MB).toFixed(1), row.seconds.toFixed(1), cpu, (row.bytes / MB / row.seconds).toFixed(2), (row.documents / row.seconds).toFixed(1), row.maxRssMiB.toFixed(0), shares(row)]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

function find(rows: readonly BenchRow[], set: string, system: RowSpec['system'], workers?: number): BenchRow | undefined {
  return rows.find((row) => row.set === set && row.system === system && (workers === undefined || row.workers === workers))
}

const speed = (row: BenchRow): number => row.bytes / MB / row.seconds
const pagesPerSecond = (row: BenchRow): number => row.documents / row.seconds

/** Ratios between rows and the issue's targets. */
export function ratios(rows: readonly BenchRow[], workers: number): BenchRatio[] {
  const out: BenchRatio[] = []
  for (const set of [...new Set(rows.map((row) => row.set))]) {
    const one = find(rows, set, 'sluice', 1)
    const many = workers > 1 ? find(rows, set, 'sluice', workers) : undefined
    const io = find(rows, set, 'io')
    const readability = find(rows, set, 'readability')
    const text = set.startsWith('txt-') && !set.includes('.')
    if (one !== undefined && text) out.push({ what: `${set}: MB/s on 1 worker`, value: speed(one), target: '≥ 25', ok: speed(one) >= 25 })
    if (one !== undefined && many !== undefined) {
      const value = speed(many) / speed(one)
      out.push({ what: `${set}: ${workers} workers / 1 worker`, value, ...(text ? { target: '≥ 1.8', ok: value >= 1.8 } : {}) })
    }
    if (io !== undefined && (many ?? one) !== undefined) out.push({ what: `${set}: sluice / I/O ceiling (speed)`, value: speed((many ?? one) as BenchRow) / speed(io) })
    if (readability !== undefined && many !== undefined) {
      const value = pagesPerSecond(many) / pagesPerSecond(readability)
      out.push({ what: `${set}: sluice ${workers} workers / Readability+linkedom (pages/s)`, value, target: '≥ 2', ok: value >= 2 })
    }
  }
  out.push(...scaling(rows, workers))
  for (const row of rows) out.push({ what: `${row.label}: peak RSS MiB`, value: row.maxRssMiB, target: '≤ 300', ok: row.maxRssMiB <= 300 })
  return out
}

/** Time growth for 10× the input, between sets of the same kind ten times apart. */
function scaling(rows: readonly BenchRow[], workers: number): BenchRatio[] {
  const out: BenchRatio[] = []
  const pairs: [string, string][] = [['txt-10mb', 'txt-100mb'], ['txt-100mb', 'txt-1gb'], ['html-1k', 'html-10k']]
  for (const [small, large] of pairs) {
    for (const count of [...new Set([1, workers])]) {
      const a = find(rows, small, 'sluice', count)
      const b = find(rows, large, 'sluice', count)
      if (a === undefined || b === undefined) continue
      const value = (b.seconds / a.seconds) * ((10 * a.bytes) / b.bytes)
      out.push({ what: `${large} vs ${small} (${count} worker${count === 1 ? '' : 's'}): time for 10× the input`, value, target: '≤ 11', ok: value <= 11 })
      if (a.cpuSeconds !== undefined && b.cpuSeconds !== undefined) {
        out.push({ what: `${large} vs ${small} (${count} worker${count === 1 ? '' : 's'}): CPU time for 10× the input`, value: (b.cpuSeconds / a.cpuSeconds) * ((10 * a.bytes) / b.bytes) })
      }
    }
  }
  return out
}

/** The ratios as lines with a verdict. */
export function formatRatios(list: readonly BenchRatio[]): string {
  return list
    .map((ratio) => {
      const verdict = ratio.ok === undefined ? '' : ratio.ok ? '  ok' : '  MISSED'
      return `- ${ratio.what}: ${ratio.value.toFixed(2)}${ratio.target === undefined ? '' : ` (target ${ratio.target})`}${verdict}`
    })
    .join('\n')
}
