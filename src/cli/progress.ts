/**
 * A progress line for interactive terminals only: nightly jobs and pipes stay quiet.
 * The total is unknown while sources stream, so it shows counts and rate, not a percentage.
 */
import type { RunHooks } from '../core/run.ts'

/** Hooks that drive the bar, and `stop()` to clear it; no-ops when `stream` is not a TTY. */
export async function createProgress(stream: NodeJS.WriteStream | { isTTY?: boolean }): Promise<{ hooks: RunHooks; stop(): void }> {
  if (stream.isTTY !== true) return { hooks: {}, stop() {} }
  // Loaded only for a terminal: nightly jobs and pipes never need it.
  const { default: cliProgress } = await import('cli-progress')
  const bar = new cliProgress.SingleBar(
    { format: 'sluice | {value} docs | {kept} kept | {rejected} rejected | {rate} docs/s | {source}', stream: stream as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true, fps: 5 },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  bar.start(0, 0, { kept: 0, rejected: 0, rate: 0, source: '' })
  return {
    hooks: {
      onDocument(progress) {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001)
        bar.setTotal(progress.done)
        bar.update(progress.done, { kept: progress.kept, rejected: progress.rejected, rate: Math.round(progress.done / seconds), source: progress.source })
      },
    },
    stop: () => bar.stop(),
  }
}
