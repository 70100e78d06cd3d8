/**
 * Text lengths in bounded memory: a fixed histogram with eight bins per doubling
 * (bin = floor(8 · log2(length + 1))), so 256 counters cover every length up to 2^32 and a
 * quantile read from it is within ±4.4% of the true value. Fixed bins (not a reservoir) keep
 * the report deterministic and let histograms of parallel workers simply add up.
 */

const BINS_PER_DOUBLING = 8
const BIN_COUNT = 256

/** Edges of the coarse histogram drawn in the report (characters). */
export const DISPLAY_EDGES = [0, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200]

/** A fine length histogram. */
export type FineHistogram = Uint32Array

/** An empty fine histogram. */
export function createFineHistogram(): FineHistogram {
  return new Uint32Array(BIN_COUNT)
}

/** Counts one length. */
export function addLength(histogram: FineHistogram, length: number): void {
  const bin = Math.min(BIN_COUNT - 1, Math.floor(BINS_PER_DOUBLING * Math.log2(Math.max(0, length) + 1)))
  histogram[bin] = (histogram[bin] ?? 0) + 1
}

/** The `q` quantile (0–1) of the counted lengths: the geometric middle of its bin; 0 when empty. */
export function quantile(histogram: FineHistogram, q: number): number {
  let total = 0
  for (const count of histogram) total += count
  if (total === 0) return 0
  const target = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let bin = 0; bin < histogram.length; bin += 1) {
    seen += histogram[bin] ?? 0
    if (seen >= target) return Math.max(0, Math.round(2 ** ((bin + 0.5) / BINS_PER_DOUBLING) - 1))
  }
  return 0
}

/** The index of the display bin holding `length`. */
export function displayBin(length: number): number {
  let bin = 0
  while (bin + 1 < DISPLAY_EDGES.length && length >= (DISPLAY_EDGES[bin + 1] as number)) bin += 1
  return bin
}
