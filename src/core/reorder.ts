/**
 * Restores input order after concurrent processing. Results arrive in any order; `emit` is
 * called strictly in sequence order, one at a time, so outputs are deterministic whatever the
 * concurrency. `waitForRoom` bounds how far ahead of the slowest document the source may read.
 */

/** An in-order release valve for out-of-order results. */
export interface Reorder<T> {
  /** Hands over the result for `sequence` (0-based, each exactly once). */
  push(sequence: number, value: T): void
  /** Resolves once fewer than `window` results are waiting or in flight before `next`. */
  waitForRoom(next: number): Promise<void>
  /** Resolves when every pushed result up to `count` has been emitted. */
  drain(count: number): Promise<void>
  /**
   * Ends the run with `error` (the first one given wins): pending and later `waitForRoom` and
   * `drain` calls reject with it. Callers signal a failure here rather than racing each wait
   * against a promise that never settles, which would keep a reaction per document alive.
   */
  fail(error: unknown): void
}

/** Waits on conditions over shared state; `fail` rejects every pending and later wait with the first error given, even `undefined`. */
interface Waits {
  until(condition: () => boolean): Promise<void>
  notify(): void
  fail(error: unknown): void
  /** Throws the failure, if there was one. */
  check(): void
}

function createWaits(): Waits {
  const listeners = new Set<() => void>()
  let failure: { error: unknown } | undefined
  const notify = (): void => {
    for (const listener of [...listeners]) listener()
  }
  return {
    until: (condition) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (failure !== undefined) reject(failure.error)
          else if (condition()) resolve()
          else return
          listeners.delete(check)
        }
        listeners.add(check)
        check()
      }),
    notify,
    fail(error) {
      failure ??= { error }
      notify()
    },
    check() {
      if (failure !== undefined) throw failure.error
    },
  }
}

/** Creates a reorder buffer that calls `emit` in order; an emit error, or {@link Reorder.fail}, rejects the waits. */
export function createReorder<T>(window: number, emit: (value: T) => Promise<void>): Reorder<T> {
  const waiting = new Map<number, T>()
  const waits = createWaits()
  let emitted = 0
  let chain: Promise<void> = Promise.resolve()
  const flush = (): void => {
    while (waiting.has(emitted)) {
      const value = waiting.get(emitted) as T
      waiting.delete(emitted)
      emitted += 1
      chain = chain.then(() => emit(value)).catch(waits.fail).then(waits.notify)
    }
  }
  return {
    push(sequence, value) {
      waiting.set(sequence, value)
      flush()
    },
    waitForRoom: (next) => waits.until(() => next - emitted < window),
    drain: async (count) => {
      await waits.until(() => emitted >= count)
      await chain
      waits.check()
    },
    fail: waits.fail,
  }
}
