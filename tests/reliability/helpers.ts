/** Small shared helpers of the reliability tests. */

/** A seeded PRNG (mulberry32): the same seed gives the same kill points and shuffles everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** report.json without what legitimately differs between identical runs: timings and the output folder. */
export function comparableReport(json: string): unknown {
  const report = JSON.parse(json) as { run: Record<string, unknown>; stages: Record<string, unknown>[] }
  const { startedAt: _started, durationMs: _duration, output: _output, ...run } = report.run
  return { ...report, run, stages: report.stages.map(({ milliseconds: _ms, ...stage }) => stage) }
}
