/**
 * Shard planning, on the coordinator: walks the inputs exactly as a single-machine run does
 * (same discovery, same order) and cuts the stream into shards. Small files are grouped, a
 * large zip becomes ranges of entries and a large JSONL file byte ranges; everything else is
 * one file per part. Shards are numbered in input order, so reading their results in index
 * order gives the documents in the order one machine would have produced them. The plan is a
 * pure function of the inputs and the limits: a restarted coordinator plans the same shards.
 */
import { classify, discover } from '../sources/discover.ts'
import type { FoundFile } from '../sources/discover.ts'
import type { SourceOptions } from '../sources/types.ts'
import { planJsonlRanges } from './plan-jsonl.ts'
import { planZipRanges } from './plan-zip.ts'
import type { ShardLimits } from './shard-limits.ts'
import type { PlannedFile, Shard, ShardPart } from './types.ts'

function partLabel(part: ShardPart): string {
  if (part.kind === 'item') return part.item.kind === 'skipped' ? part.item.skipped.path : part.item.init.source.path
  if (part.kind === 'zip-range') return `${part.label} entries ${part.start + 1}–${part.end}`
  if (part.kind === 'jsonl-range') return `${part.label}#${part.firstIndex}…`
  return part.label
}

/** `a.txt`, `a.txt and 41 more`, `dump.zip entries 1–100`: a shard as people read it. */
export function shardLabel(parts: readonly ShardPart[]): string {
  const first = parts[0]
  if (first === undefined) return '(empty)'
  return parts.length === 1 ? partLabel(first) : `${partLabel(first)} and ${parts.length - 1} more`
}

function planned(found: FoundFile): PlannedFile {
  return { filePath: found.filePath, label: found.label, name: found.name, size: found.size }
}

/** Ranges for a large zip or JSONL file, or `undefined` to read it whole. */
async function ranges(file: PlannedFile, options: SourceOptions, limits: ShardLimits): Promise<ShardPart[] | undefined> {
  const kind = classify(file.name)
  if (!('kind' in kind)) return undefined
  if (kind.kind === 'zip') return planZipRanges(file, options, limits)
  if (kind.kind === 'jsonl') return planJsonlRanges(file, options, limits)
  return undefined
}

/** Plans the shards of a run over `inputs` (the resolved `input` list). */
export async function planShards(inputs: readonly string[], options: SourceOptions, limits: ShardLimits): Promise<Shard[]> {
  const shards: Shard[] = []
  let batch: ShardPart[] = []
  let bytes = 0
  const push = (parts: ShardPart[]): void => {
    shards.push({ index: shards.length, label: shardLabel(parts), parts })
  }
  const flush = (): void => {
    if (batch.length > 0) push(batch)
    batch = []
    bytes = 0
  }
  for await (const found of discover(inputs)) {
    if (found.kind !== 'file') {
      batch.push({ kind: 'item', item: found })
      if (batch.length >= limits.items) flush()
      continue
    }
    const file = planned(found)
    const split = await ranges(file, options, limits)
    if (split !== undefined) {
      flush()
      for (const part of split) push([part])
      continue
    }
    batch.push({ kind: 'file', ...file })
    bytes += file.size
    if (batch.length >= limits.items || bytes >= limits.bytes) flush()
  }
  flush()
  return shards
}
