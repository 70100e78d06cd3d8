/** `sluice run --queue URL`: the flags of a distributed run, turned into {@link runDistributed} options. */
import type { ResolvedConfig } from '../config/schema.ts'
import { RunRefusedError } from '../core/checkpoint.ts'
import type { RunHooks, RunResult } from '../core/run.ts'
import { runDistributed } from '../distributed/coordinator.ts'
import type { ShardProgress } from '../distributed/coordinator.ts'
import { parseQueueUrl } from '../distributed/queue-url.ts'
import { DEFAULT_SHARD_LIMITS } from '../distributed/shard-limits.ts'
import { configOrigin } from './config.ts'
import type { ConfigFlags } from './config.ts'

/** The flags `sluice run` adds for distributed runs. */
export interface DistributedFlags {
  queue?: string
  shardSize?: string
}

/** Runs the coordinator; a bad flag, an unreachable Redis or a failed shard throws a {@link RunRefusedError} (exit 2). */
export async function runDistributedFromFlags(
  config: ResolvedConfig,
  flags: ConfigFlags & DistributedFlags & { resume?: boolean; incremental?: string },
  progress: { hooks: RunHooks; onShards?(progress: ShardProgress): void },
  note: (line: string) => void,
): Promise<RunResult> {
  const items = flags.shardSize === undefined ? DEFAULT_SHARD_LIMITS.items : Number(flags.shardSize)
  if (!Number.isInteger(items) || items < 1) throw new RunRefusedError(`Expected \`--shard-size\` to be a positive integer, got ${JSON.stringify(flags.shardSize)}.`)
  if (flags.resume === true || flags.incremental !== undefined) {
    throw new RunRefusedError('`--queue` cannot be combined with `--resume` or `--incremental`: a distributed run resumes by itself when the same command is run again.')
  }
  let queue
  try {
    queue = parseQueueUrl(flags.queue ?? '')
  } catch (error) {
    throw new RunRefusedError((error as Error).message)
  }
  return runDistributed(config, progress.hooks, { queue, configFile: configOrigin(flags), limits: { ...DEFAULT_SHARD_LIMITS, items }, onShards: withIdleNote(progress.onShards, note) })
}

/** After this long without a committed shard, the coordinator says it is waiting for workers. */
const IDLE_NOTE_MS = 30_000

/** Adds one stderr line when no worker has committed anything for a while (off a TTY too, for nightly logs). */
function withIdleNote(onShards: ((progress: ShardProgress) => void) | undefined, note: (line: string) => void): (progress: ShardProgress) => void {
  let noted = false
  return (progress) => {
    onShards?.(progress)
    if (progress.idleMs < IDLE_NOTE_MS) noted = false
    else if (!noted && progress.waitingFor !== undefined) {
      noted = true
      note(`sluice: no shard finished in ${Math.round(progress.idleMs / 1000)} s; waiting for ${progress.waitingFor}. Are workers running (\`sluice worker --queue …\`) and able to read the inputs?`)
    }
  }
}
