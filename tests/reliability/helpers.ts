/** Small shared helpers of the reliability tests. */

/** report.json without what legitimately differs between identical runs: timings and the output folder. */
export function comparableReport(json: string): unknown {
  const report = JSON.parse(json) as { run: Record<string, unknown>; stages: Record<string, unknown>[] }
  const { startedAt: _started, durationMs: _duration, resources: _resources, output: _output, ...run } = report.run
  return { ...report, run, stages: report.stages.map(({ milliseconds: _ms, ...stage }) => stage) }
}
