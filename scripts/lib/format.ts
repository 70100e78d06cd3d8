/**
 * Plain-text rendering of an eval run: one figures table for all tracks and systems (the table
 * the README shows), the worst pages of sluice, rejects and the silent-loss audit.
 */
import type { EvalResult, TrackResult } from './results.ts'

/** Three decimals, or "nan" where a mean had no pages. */
export function fmt(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '  nan' : value.toFixed(3)
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ').trimEnd()
}

/** The figures table: track, system, F1, precision, recall, accuracy, empty, pages, seconds. */
export function formatTable(result: EvalResult): string {
  const header = ['track / system', 'F1', 'precision', 'recall', 'accuracy', 'empty', 'pages', 'seconds']
  const rows = result.tracks.flatMap((track) =>
    track.systems.map((s) => [`${track.track}  ${s.name}`, fmt(s.summary.f1), fmt(s.summary.precision), fmt(s.summary.recall), fmt(s.summary.accuracy), String(s.empty), String(s.pages), s.seconds.toFixed(1)]),
  )
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => (r[i] as string).length)))
  return [row(header, widths), row(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((r) => row(r, widths))].join('\n')
}

function formatAudit(track: TrackResult): string[] {
  const audit = track.audit
  if (audit === undefined) return []
  const lines = [`\nNo silent loss (${track.track}): ${audit.lost} raw lines with article text missing from the output; ${audit.silent} of them without a message, on ${audit.pagesWithSilentLoss} pages.`]
  const rules = Object.entries(audit.byRule).sort((a, b) => b[1] - a[1])
  if (rules.length > 0) lines.push(`  on record by: ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`)
  for (const example of audit.examples) lines.push(`  silent: ${example.id}: «${example.line}»`)
  return lines
}

function signed(value: number): string {
  return Number.isNaN(value) ? 'nan' : `${value >= 0 ? '+' : ''}${value.toFixed(3)}`
}

/** What switching each ablated rule off costs (negative: the rule earns its place). */
export function formatAblations(track: TrackResult): string[] {
  const full = track.systems.find((system) => system.name === 'sluice')
  const ablations = track.systems.filter((system) => system.name.startsWith('sluice -'))
  if (full === undefined || ablations.length === 0) return []
  const rows = ablations.map((system) => ({ name: system.name.slice('sluice -'.length), d: (key: 'f1' | 'precision' | 'recall') => system.summary[key] - full.summary[key] }))
  rows.sort((a, b) => a.d('f1') - b.d('f1'))
  const width = Math.max(...rows.map((r) => r.name.length))
  return [`\nAblations on ${track.track} (change when the rule is switched off):`, ...rows.map((r) => `  ${r.name.padEnd(width)}  F1 ${signed(r.d('f1'))}  P ${signed(r.d('precision'))}  R ${signed(r.d('recall'))}`)]
}

/** Worst pages, rejects and audit of sluice on one track. */
export function formatTrackDetails(track: TrackResult): string {
  const lines = [`\nWorst ${track.worst.length} pages of sluice on ${track.track}:`]
  const width = Math.max(4, ...track.worst.map((page) => page.id.length))
  for (const page of track.worst) {
    lines.push(`  ${page.id.padEnd(width)}  F1 ${fmt(page.f1)}  P ${fmt(page.precision)}  R ${fmt(page.recall)}  ${page.reason}`)
  }
  const sluice = track.systems.find((system) => system.name === 'sluice')
  if (sluice !== undefined && sluice.rejected.length > 0) {
    lines.push(`\nRejected by sluice on ${track.track} (${sluice.rejected.length}, scored as empty outputs):`)
    for (const reject of sluice.rejected) lines.push(`  ${reject.id}: ${reject.rule} — ${reject.reason}`)
  }
  const titles = track.titles
  if (titles !== undefined) lines.push(`\nTitles (${track.track}): ${titles.agree} of ${titles.pages} agree with the page's <title>; ${titles.none} pages without a title (scripts/lib/titles.ts says how).`)
  return [...lines, ...formatAblations(track), ...formatAudit(track)].join('\n')
}
