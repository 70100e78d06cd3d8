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
  return runDistributed(config, progress.hooks, {
    queue,
    configFile: configOrigin(flags),
    limits: { ...DEFAULT_SHARD_LIMITS, items },
    ...(progress.onShards === undefined ? {} : { onShards: progress.onShards }),
  })
}
