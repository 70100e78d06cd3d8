/**
 * Stage counters in the datatrove style: how many documents went in, were kept and dropped,
 * how often each rule fired, and the time spent. Counters merge, so workers can each keep
 * their own and the totals stay exact.
 */
import type { Doc } from './doc.ts'
import { changeCount } from './message.ts'
import type { StageStep } from './process.ts'

/** Counters for one stage. `byRule` counts the changes messages of every severity stand for (a message's `count`, else 1); `droppedByRule` only drops. */
export interface StageStats {
  name: string
  in: number
  kept: number
  dropped: number
  milliseconds: number
  byRule: Record<string, number>
  droppedByRule: Record<string, number>
}

/** Empty counters for a stage. */
export function createStageStats(name: string): StageStats {
  return { name, in: 0, kept: 0, dropped: 0, milliseconds: 0, byRule: {}, droppedByRule: {} }
}

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by
}

/** The counters of stage `name`, created on first sight. */
function statsOf(stats: Map<string, StageStats>, name: string): StageStats {
  const stage = stats.get(name) ?? createStageStats(name)
  stats.set(name, stage)
  return stage
}

/**
 * Adds one document's steps to the per-stage counters (created on first sight, in stage order),
 * and the time workers spent on ordered stages' `prepare` for it, which counts toward the stage
 * whether or not the document reached it (the work was done either way).
 */
export function countSteps(stats: Map<string, StageStats>, doc: Doc, steps: readonly StageStep[], prepareMilliseconds: Readonly<Record<string, number>> = {}): void {
  for (const [name, milliseconds] of Object.entries(prepareMilliseconds)) statsOf(stats, name).milliseconds += milliseconds
  for (const [index, step] of steps.entries()) {
    const stage = statsOf(stats, step.stage)
    stage.in += 1
    stage.milliseconds += step.milliseconds
    const end = steps[index + 1]?.firstMessage ?? doc.messages.length
    for (const message of doc.messages.slice(step.firstMessage, end)) {
      increment(stage.byRule, message.rule, changeCount(message))
      if (message.severity === 'fatal') increment(stage.droppedByRule, message.rule)
    }
    if (step.dropped) stage.dropped += 1
    else stage.kept += 1
  }
}

/** Merges `from` into `into` (for counters kept by separate workers). */
export function mergeStageStats(into: StageStats, from: StageStats): StageStats {
  into.in += from.in
  into.kept += from.kept
  into.dropped += from.dropped
  into.milliseconds += from.milliseconds
  for (const [rule, count] of Object.entries(from.byRule)) increment(into.byRule, rule, count)
  for (const [rule, count] of Object.entries(from.droppedByRule)) increment(into.droppedByRule, rule, count)
  return into
}
