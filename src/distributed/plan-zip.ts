/**
 * Splits a large zip into ranges of its entry plan (the sorted list `planEntries` gives, junk
 * folders folded), so several workers read one archive. A range reads exactly the items the
 * whole archive would give for those entries. Only plain archives are split: one that cannot
 * be opened, is empty, declares more than `limits.maxArchiveBytes`, or holds archives inside
 * (whose inflated size shares the budget) stays one part, read by the ordinary zip reader, so
 * its errors and limits come out exactly as on one machine.
 */
import StreamZip from 'node-stream-zip'
import { classify } from '../sources/discover.ts'
import type { SourceOptions } from '../sources/types.ts'
import { planEntries } from '../sources/zip.ts'
import type { PlannedFile, ShardPart } from './types.ts'
import type { ShardLimits } from './shard-limits.ts'

type Step = ReturnType<typeof planEntries>[number]

function holdsArchive(plan: readonly Step[]): boolean {
  return plan.some((step) => {
    if (step.kind !== 'entry') return false
    const kind = classify(step.entry.name.split('/').at(-1) ?? step.entry.name)
    return 'kind' in kind && (kind.kind === 'zip' || kind.kind === 'gzip')
  })
}

/** Cuts the plan into ranges of at most `limits.items` steps and about `limits.bytes` declared bytes. */
function cutRanges(file: PlannedFile, plan: readonly Step[], maxArchiveBytes: number, limits: ShardLimits): ShardPart[] {
  const ranges: ShardPart[] = []
  let start = 0
  let before = 0
  let bytes = 0
  for (let index = 0; index < plan.length; index += 1) {
    const step = plan[index] as Step
    bytes += step.kind === 'entry' ? step.entry.size : 0
    const last = index === plan.length - 1
    if (last || index + 1 - start >= limits.items || bytes >= limits.bytes) {
      // The archive budget a range starts with: what the entries before it would have used.
      ranges.push({ kind: 'zip-range', ...file, start, end: index + 1, budget: maxArchiveBytes - before })
      before += bytes
      bytes = 0
      start = index + 1
    }
  }
  return ranges
}

/** The ranges of `file`, or `undefined` when it should be read whole. */
export async function planZipRanges(file: PlannedFile, options: SourceOptions, limits: ShardLimits): Promise<ShardPart[] | undefined> {
  if (file.size === 0) return undefined
  const zip = new StreamZip.async({ file: file.filePath, storeEntries: true, skipEntryNameValidation: true })
  try {
    const entries = Object.values(await zip.entries())
    const declared = entries.reduce((total, entry) => total + entry.size, 0)
    if (declared > options.limits.maxArchiveBytes) return undefined
    const plan = planEntries(entries)
    if (plan.length < 2 || holdsArchive(plan)) return undefined
    const ranges = cutRanges(file, plan, options.limits.maxArchiveBytes, limits)
    return ranges.length > 1 ? ranges : undefined
  } catch {
    return undefined
  } finally {
    await zip.close().catch(() => undefined)
  }
}
