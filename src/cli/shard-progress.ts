/**
 * The progress line of a distributed run (`sluice run --queue`), for interactive terminals
 * only: shards committed by the workers and read by the coordinator, documents written and the
 * rate, and the shard the coordinator waits for when it waits.
 */
import type { ShardProgress } from '../distributed/coordinator.ts'
import type { RunHooks } from '../core/run.ts'

/** Hooks for the documents, a callback for the shards, and `stop()`; no-ops off a TTY. */
export async function createShardProgress(stream: NodeJS.WriteStream | { isTTY?: boolean }): Promise<{ hooks: RunHooks; onShards(progress: ShardProgress): void; stop(): void }> {
  if (stream.isTTY !== true) return { hooks: {}, onShards() {}, stop() {} }
  // Loaded only for a terminal: nightly jobs and pipes never need it.
  const { default: cliProgress } = await import('cli-progress')
  const bar = new cliProgress.SingleBar(
    { format: 'sluice | shards {committed}/{total} done, {value} read | {documents} docs | {rate} docs/s | {status}', stream: stream as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true, fps: 5 },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  const state = { committed: 0, documents: 0, rate: 0, status: 'planning' }
  bar.start(0, 0, state)
  return {
    hooks: {
      onDocument(progress) {
        state.documents = progress.done
        state.rate = Math.round(progress.done / Math.max((Date.now() - started) / 1000, 0.001))
        bar.update(state)
      },
    },
    onShards(progress) {
      state.committed = progress.committed
      state.status = progress.waitingFor === undefined ? '' : `waiting for ${progress.waitingFor}`
      bar.setTotal(progress.total)
      bar.update(progress.consumed, state)
    },
    stop: () => bar.stop(),
  }
}
