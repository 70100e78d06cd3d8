/**
 * The stage contract. A stage is a small object made by a factory that checks its options once
 * (at config time, not mid-batch). It maps one document to one document, or to a `Drop`, and
 * reports every change through its context so the runner can stamp, count and route it.
 */
import type { Doc } from './doc.ts'
import type { MessageExtra } from './message.ts'

/** A rejection, returned (not thrown) by a stage; the runner turns it into a fatal message. */
export interface Drop {
  readonly drop: true
  readonly rule: string
  readonly reason: string
  readonly extra?: MessageExtra
}

/**
 * Per-run shared state for stages that look across documents (dedupe, site learning).
 * Created fresh for every run, so nothing leaks between runs through module globals.
 */
export interface RunState {
  /** Returns the value stored under `key`, creating it with `create` the first time. */
  state<T>(key: string, create: () => T): T
}

/** What a stage may do besides returning a document: report, and reject. */
export interface StageContext<Rule extends string = string> {
  info(rule: Rule, reason: string, extra?: MessageExtra): void
  warn(rule: Rule, reason: string, extra?: MessageExtra): void
  drop(rule: Rule, reason: string, extra?: MessageExtra): Drop
  readonly run: RunState
}

/** One step of the pipeline; `name` = file name = rule prefix. */
export interface Stage<Rule extends string = string> {
  readonly name: string
  /** Every rule id this stage may emit, so code, tests, report and README spell them alike. */
  readonly rules: readonly Rule[]
  /**
   * True when the stage keeps cross-document state whose outcome depends on order (dedupe):
   * the runner then feeds it, and every stage after it, documents strictly in input order.
   */
  readonly ordered?: boolean
  /** The resolved options, so the config hash changes when they do. */
  readonly options?: Readonly<Record<string, unknown>>
  run(doc: Doc, context: StageContext<Rule>): Doc | Drop | Promise<Doc | Drop>
  /**
   * Order-free work of an ordered stage (hashing, signatures), done in the worker thread right
   * after the order-free stages, so the main thread only decides. It may only add its own entry
   * (keyed by the stage's name) to `doc.prepared`, which the runner clears when a later stage
   * changes the text; `run` must still work when the entry is missing.
   */
  prepare?(doc: Doc): Doc
  /**
   * Called once on the main thread before worker threads start: loads read-only data (models)
   * into memory the workers share, so each worker does not hold and decode its own copy.
   */
  share?(): void
}

/**
 * Marks a stage made by one of sluice's own factories, whichever copy of sluice's modules made
 * it (a TypeScript config is bundled with its own copy); the mark holds the stage's own `run`.
 * Only such stages are rebuilt in worker threads from their name and options; a look-alike
 * under a built-in name (a copy with another `run`) never is.
 */
export const BUILTIN_STAGE = Symbol.for('sluice.builtin-stage')

/** True for a stage one of sluice's own factories made, with its `run` unchanged. */
export function isBuiltinStage(stage: Stage): boolean {
  return (stage as unknown as Record<symbol, unknown>)[BUILTIN_STAGE] === stage.run
}

/** Type guard for the value a stage returned. */
export function isDrop(value: Doc | Drop): value is Drop {
  return (value as Drop).drop === true
}

/** Creates the per-run state store handed to every stage of one run. */
export function createRunState(): RunState {
  const values = new Map<string, unknown>()
  return {
    state<T>(key: string, create: () => T): T {
      if (!values.has(key)) values.set(key, create())
      return values.get(key) as T
    },
  }
}
