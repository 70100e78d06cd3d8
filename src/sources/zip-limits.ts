/**
 * The archive limits shared by zip and gzip: nesting depth, total inflated bytes per top-level
 * archive (`limits.maxArchiveBytes`) and the compression ratio of each member
 * (`limits.maxCompressionRatio`). The ratio is only enforced above {@link RATIO_FLOOR}: small
 * files of repeated whitespace compress absurdly well and are no threat.
 */
import type { ArchiveBudget, InputBlob } from './blob.ts'
import { SourceError, labelOf } from './fatal.ts'
import type { SourceLimits } from './types.ts'

/** Members that inflate to less than this are never called bombs, whatever their ratio. */
export const RATIO_FLOOR = 8 * 1024 * 1024

/** Refuses to open an archive nested deeper than `limits.maxArchiveDepth`. */
export function checkDepth(blob: InputBlob, limits: SourceLimits): void {
  if (blob.depth <= limits.maxArchiveDepth) return
  const reason = `${labelOf(blob.location)} is an archive nested ${blob.depth} levels deep, more than limits.maxArchiveDepth (${limits.maxArchiveDepth}); extract it first or raise the limit.`
  throw new SourceError('source/archive-too-deep', reason)
}

/** Whether a member's declared sizes already show a decompression bomb. */
export function exceedsRatio(size: number, compressedSize: number, limits: SourceLimits): boolean {
  return size > RATIO_FLOOR && size > Math.max(1, compressedSize) * limits.maxCompressionRatio
}

/** The inflation guard for one member: its cap and the archive's shared budget. */
export function archiveGuard(blob: InputBlob, limits: SourceLimits, compressedSize: number | undefined): { cap: number; budget: ArchiveBudget; budgetReason: string } {
  const budget = blob.budget ?? { remaining: limits.maxArchiveBytes }
  const cap = compressedSize === undefined ? Number.POSITIVE_INFINITY : Math.max(RATIO_FLOOR, compressedSize * limits.maxCompressionRatio)
  const budgetReason = `${labelOf({ path: blob.location.path })} inflates to more than limits.maxArchiveBytes (${limits.maxArchiveBytes} bytes); split the archive or raise the limit.`
  return { cap, budget, budgetReason }
}
