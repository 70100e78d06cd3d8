/** How big a shard may grow: the knob between queue overhead (small shards) and retry cost (big ones). */

/** At most `items` files, zip entries or JSONL records, and about `bytes` bytes of input, per shard. */
export interface ShardLimits {
  items: number
  bytes: number
}

/** 100 items or 16 MiB: a shard is a second or two of work, so a retry costs little. */
export const DEFAULT_SHARD_LIMITS: ShardLimits = { items: 100, bytes: 16 * 1024 * 1024 }
