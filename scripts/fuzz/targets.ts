/**
 * Fuzz targets: every stage of `defaultStages()` (plus `redactPii`, off by default) and every
 * source reader (txt, html, feed, json, jsonl, zip, gz). A case passes when nothing throws and
 * the input is accounted for: a stage returns a document or a drop with a reason and emits only
 * rule ids from its catalogue (`segment` also keeps `paragraphs.join("\n\n") === text`); a
 * reader yields at least one item, each with content, a known `source/...` rule and a reason,
 * or a skip reason, all labelled with the input's name.
 */
import { resolveConfig } from '../../src/config/load-config.ts'
import { applyStage } from '../../src/core/apply-stage.ts'
import { createDoc } from '../../src/core/doc.ts'
import type { Doc } from '../../src/core/doc.ts'
import { createRunState } from '../../src/core/stage.ts'
import type { RunState, Stage } from '../../src/core/stage.ts'
import { sourceRules } from '../../src/sources/index.ts'
import { readBlob } from '../../src/sources/read.ts'
import type { SourceItem, SourceOptions } from '../../src/sources/types.ts'
import { defaultStages, redactPii } from '../../src/stages/index.ts'
import { describeInput, generate, inputArbitrary, loadSamples } from './inputs.ts'
import type { FuzzInput, SampleKind } from './inputs.ts'

/** One thing to fuzz. `check` returns a problem sentence, or undefined when the case passes. */
export interface FuzzTarget {
  name: string
  kinds: readonly SampleKind[]
  check(input: FuzzInput): Promise<string | undefined>
}

/** A failed case, reproducible from the target, seed and index. */
export interface FuzzFailure {
  index: number
  input: string
  problem: string
}

/** What a run of one target found. */
export interface FuzzSummary {
  target: string
  cases: number
  failures: FuzzFailure[]
  slowestMs: number
  slowestIndex: number
}

function stageDoc(stage: Stage, input: FuzzInput): Doc {
  const meta = input.meta
  if (stage.name === 'decode') {
    const format = input.bytes.length % 2 === 0 ? 'txt' : 'html'
    return createDoc({ source: { path: `fuzz.${format}`, format }, raw: input.bytes }, 0)
  }
  if (stage.name === 'extract') return createDoc({ source: { path: 'fuzz.html', format: 'html' }, html: input.text, ...meta }, 0)
  if (stage.name === 'check-record') return createDoc({ source: { path: 'fuzz.jsonl', format: 'jsonl', index: 1, line: 1 }, text: input.text, ...(input.bytes.length % 3 === 0 ? { html: input.text } : {}), ...meta }, 0)
  return createDoc({ source: { path: 'fuzz.txt', format: 'txt' }, text: input.text, ...meta }, 0)
}

/** The problem with a stage's outcome, if any. */
async function checkStage(stage: Stage, run: RunState, input: FuzzInput): Promise<string | undefined> {
  const outcome = await applyStage(stage, stageDoc(stage, input), run)
  const rules = new Set<string>(stage.rules)
  for (const message of outcome.doc.messages) {
    if (message.rule === `${stage.name}/crashed`) return `threw: ${message.actual ?? ''}`
    if (!rules.has(message.rule)) return `emitted ${message.rule}, which is not in its rules`
    if (message.reason.trim() === '') return `emitted ${message.rule} without a reason`
  }
  if (outcome.dropped && !outcome.doc.messages.some((message) => message.severity === 'fatal')) return 'dropped without a fatal message'
  if (typeof outcome.doc.text !== 'string') return 'returned a document without text'
  const paragraphs = outcome.doc.paragraphs
  if (stage.name === 'segment' && !outcome.dropped && paragraphs !== undefined && paragraphs.join('\n\n') !== outcome.doc.text) return 'paragraphs do not join to text'
  return undefined
}

const STAGE_KINDS: Record<string, readonly SampleKind[]> = { decode: ['txt', 'html', 'xml'], extract: ['html', 'xml'], 'check-record': ['jsonl', 'txt'] }

/** One target per stage; each keeps one run state across its cases, as a batch would. */
export function stageTargets(): FuzzTarget[] {
  return [...defaultStages(), redactPii({})].map((stage) => {
    const run = createRunState()
    return { name: `stage:${stage.name}`, kinds: STAGE_KINDS[stage.name] ?? ['txt', 'html'], check: (input) => checkStage(stage, run, input) }
  })
}

const RULES = new Set<string>(sourceRules)

function unexplained(item: SourceItem, name: string): string | undefined {
  const label = item.kind === 'skipped' ? item.skipped.path : item.init.source.path
  if (!label.startsWith(name)) return `an item is labelled ${label}, not ${name}`
  if (item.kind === 'skipped') return item.skipped.reason.length > 10 ? undefined : 'skipped without a reason'
  const fatal = item.init.messages?.filter((message) => message.severity === 'fatal') ?? []
  if (fatal.length > 0) return fatal.every((message) => RULES.has(message.rule) && message.reason.length > 20) ? undefined : `fatal ${fatal[0]?.rule} is unknown or has no reason`
  return item.init.raw !== undefined || item.init.text !== undefined || item.init.html !== undefined ? undefined : 'a document seed without content or reason'
}

/** The problem with what a reader made of `input` (read as `name`), if any. */
async function checkSource(name: string, input: FuzzInput, options: SourceOptions): Promise<string | undefined> {
  const bytes = input.bytes
  const blob = { location: { path: name }, name, size: bytes.length, depth: 0, open: async function* () { if (bytes.length > 0) yield bytes } }
  const items: SourceItem[] = []
  try {
    for await (const item of readBlob(blob, options)) items.push(item)
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`
  }
  if (items.length === 0) return 'yielded nothing: the input is not accounted for'
  for (const item of items) {
    const problem = unexplained(item, name)
    if (problem !== undefined) return problem
  }
  return undefined
}

const SOURCE_NAMES: Record<SampleKind, (input: FuzzInput) => string> = {
  txt: () => 'fuzz.txt',
  html: () => 'fuzz.html',
  xml: () => 'fuzz.xml',
  json: () => 'fuzz.json',
  jsonl: () => 'fuzz.jsonl',
  zip: () => 'fuzz.zip',
  gz: (input) => (input.bytes.length % 2 === 0 ? 'fuzz.jsonl.gz' : 'fuzz.txt.gz'),
}

/** One target per source reader, with the config's default field mapping and limits. */
export function sourceTargets(): FuzzTarget[] {
  const resolved = resolveConfig({ stages: [] })
  if (!resolved.ok) throw new Error(resolved.issues.join('\n'))
  const options: SourceOptions = { fields: resolved.config.fields, limits: resolved.config.limits }
  return (Object.keys(SOURCE_NAMES) as SampleKind[]).map((kind) => ({ name: `source:${kind}`, kinds: [kind], check: (input) => checkSource(SOURCE_NAMES[kind](input), input, options) }))
}

/** Every target, stages first. */
export function allTargets(): FuzzTarget[] {
  return [...stageTargets(), ...sourceTargets()]
}

/** Runs cases `start … start + count` of `target`; `onCase` hears of each case before it runs (for a watchdog). */
export async function runCases(target: FuzzTarget, options: { seed: number; start: number; count: number; onCase?: (index: number, input: FuzzInput) => void }): Promise<FuzzSummary> {
  const arbitrary = inputArbitrary(loadSamples(), target.kinds)
  const summary: FuzzSummary = { target: target.name, cases: 0, failures: [], slowestMs: 0, slowestIndex: -1 }
  for (const { index, value } of generate(arbitrary, options.seed, options.start, options.count)) {
    options.onCase?.(index, value)
    const started = performance.now()
    const problem = await target.check(value).catch((error: unknown) => `threw outside containment: ${String(error)}`)
    const milliseconds = performance.now() - started
    summary.cases += 1
    if (milliseconds > summary.slowestMs) Object.assign(summary, { slowestMs: milliseconds, slowestIndex: index })
    if (problem !== undefined) summary.failures.push({ index, input: describeInput(value), problem })
  }
  return summary
}
