/**
 * `--compare previous.json`: what changed since an earlier eval run, headline figures per system
 * and page by page for sluice, biggest losses and wins first, so a rule change shows its cost.
 */
import { readFile } from 'node:fs/promises'
import { fmt } from './format.ts'
import type { EvalResult, PageResult, SystemResult } from './results.ts'

/** A page whose F1 moved between two runs. */
export interface PageDelta {
  id: string
  before: number | null
  after: number | null
  delta: number
}

/** Reads an earlier `--json` output, with a sentence when it is not one. */
export async function readPrevious(file: string): Promise<EvalResult> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`Cannot read ${file} for --compare: give the JSON file of an earlier eval run (default .eval/last.json).`)
  })
  const parsed = JSON.parse(text) as EvalResult
  if (!Array.isArray(parsed.tracks)) throw new Error(`${file} is not an eval result (no "tracks"): give the file an earlier \`npm run eval -- --json\` wrote.`)
  return parsed
}

/** Per-page F1 deltas of one system, sorted by delta (losses first); pages in one run only are skipped. */
export function pageDeltas(before: readonly PageResult[], after: readonly PageResult[], epsilon = 0.0005): PageDelta[] {
  const old = new Map(before.map((page) => [page.id, page]))
  const deltas: PageDelta[] = []
  for (const page of after) {
    const previous = old.get(page.id)
    if (previous === undefined) continue
    const delta = (page.f1 ?? 0) - (previous.f1 ?? 0)
    if (Math.abs(delta) >= epsilon) deltas.push({ id: page.id, before: previous.f1, after: page.f1, delta })
  }
  return deltas.sort((a, b) => a.delta - b.delta || (a.id < b.id ? -1 : 1))
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(3)}`
}

function headline(name: string, before: SystemResult, after: SystemResult): string {
  const parts = (['f1', 'precision', 'recall'] as const).map((key) => `${key} ${fmt(before.summary[key])} → ${fmt(after.summary[key])} (${signed(after.summary[key] - before.summary[key])})`)
  return `  ${name}: ${parts.join(', ')}; empty ${before.empty} → ${after.empty}`
}

function deltaLines(title: string, deltas: readonly PageDelta[], limit: number): string[] {
  if (deltas.length === 0) return []
  return [`  ${title} (${deltas.length}):`, ...deltas.slice(0, limit).map((d) => `    ${d.id.padEnd(12)} ${fmt(d.before)} → ${fmt(d.after)}  ${signed(d.delta)}`)]
}

/** The comparison as text: per track, headline deltas of every system, then sluice's page moves. */
export function formatComparison(previous: EvalResult, current: EvalResult, file: string, limit = 15): string {
  const lines = [`\nCompared with ${file} (${previous.createdAt}):`]
  for (const track of current.tracks) {
    const old = previous.tracks.find((t) => t.track === track.track)
    if (old === undefined) continue
    lines.push(`${track.track}:`)
    for (const system of track.systems) {
      const before = old.systems.find((s) => s.name === system.name)
      if (before !== undefined) lines.push(headline(system.name, before, system))
    }
    const sluiceBefore = old.systems.find((s) => s.name === 'sluice')
    const sluiceAfter = track.systems.find((s) => s.name === 'sluice')
    if (sluiceBefore === undefined || sluiceAfter === undefined) continue
    const deltas = pageDeltas(sluiceBefore.perPage, sluiceAfter.perPage)
    lines.push(...deltaLines('losses, worst first', deltas.filter((d) => d.delta < 0), limit))
    lines.push(...deltaLines('wins, best first', deltas.filter((d) => d.delta > 0).reverse(), limit))
  }
  return lines.join('\n')
}
