/**
 * Where the pipeline changes from order-free to ordered: everything before the first
 * `ordered: true` stage may run concurrently (and in worker threads), everything from there
 * runs on the main thread in input order.
 */
import type { Stage } from './stage.ts'

/** Splits the stage list at the first ordered stage: everything from there runs in input order. */
export function splitStages(stages: readonly Stage[]): { free: Stage[]; ordered: Stage[] } {
  const first = stages.findIndex((stage) => stage.ordered === true)
  return first === -1 ? { free: [...stages], ordered: [] } : { free: stages.slice(0, first), ordered: stages.slice(first) }
}
