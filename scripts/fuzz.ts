/**
 * `npm run fuzz`: fast-check-generated inputs (arbitrary Unicode, random bytes, format-shaped
 * inputs, mutated real samples) against every stage and every source reader, 10,000 cases per
 * target by default. Each target runs in a child process watched by a per-case timeout: a case
 * that hangs or kills its process is a failure, and the target goes on after it. Prints cases,
 * failures and the slowest case per target; exits 1 when anything failed.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--target SUBSTRING]… [--start I] [--timeout MS] [--large] [--json FILE]
 *
 * `--large` also runs the big hostile inputs through the CLI (a 200 MB page, a 500 MB line).
 */
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runLarge } from './fuzz/large.ts'
import { allTargets } from './fuzz/targets.ts'
import type { FuzzFailure, FuzzSummary } from './fuzz/targets.ts'

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--target SUBSTRING]… [--start I] [--timeout MS] [--large] [--json FILE]'
const child = path.join(path.dirname(new URL(import.meta.url).pathname), 'fuzz', 'child.ts')

interface Options {
  runs: number
  seed: number
  start: number
  timeoutMs: number
  targets: string[]
  large: boolean
  json?: string
}

function options(): Options {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, timeout: { type: 'string' }, target: { type: 'string', multiple: true }, large: { type: 'boolean' }, json: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const number = (value: string | undefined, fallback: number, name: string): number => {
    const parsed = Number(value ?? fallback)
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Expected --${name} to be a whole number, got ${JSON.stringify(value)}. ${USAGE}`)
    return parsed
  }
  return { runs: number(values.runs, 10_000, 'runs'), seed: number(values.seed, 20_251_126, 'seed'), start: number(values.start, 0, 'start'), timeoutMs: number(values.timeout, 10_000, 'timeout'), targets: values.target ?? [], large: values.large === true, json: values.json }
}

/** Runs cases from `start` in one child; resolves with its summary, or with where it hung or died. */
function runChild(target: string, seed: number, start: number, count: number, timeoutMs: number): Promise<{ summary?: FuzzSummary; stuck?: FuzzFailure }> {
  return new Promise((resolve) => {
    const worker = fork(child, [target, String(seed), String(start), String(count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    // Starting the child (tsx, stage models) gets a minute of its own before the per-case clock runs.
    let current = { index: start, input: '(before the first case)', since: Date.now() + 60_000 }
    let settled = false
    const finish = (result: { summary?: FuzzSummary; stuck?: FuzzFailure }): void => {
      if (settled) return
      settled = true
      clearInterval(watchdog)
      resolve(result)
    }
    const watchdog = setInterval(() => {
      if (Date.now() - current.since <= timeoutMs) return
      worker.kill('SIGKILL')
      finish({ stuck: { index: current.index, input: current.input, problem: `hang: no answer within ${timeoutMs} ms` } })
    }, 200)
    worker.on('message', (message: { type: 'case'; index: number; input: string } | { type: 'done'; summary: FuzzSummary }) => {
      if (message.type === 'case') current = { index: message.index, input: message.input, since: Date.now() }
      else finish({ summary: message.summary })
    })
    worker.on('exit', (code, signal) => finish({ stuck: { index: current.index, input: current.input, problem: `the process died (exit ${code ?? signal})` } }))
  })
}

/** All cases of one target, going on after a hang or a crash. */
async function fuzzTarget(target: string, settings: Options): Promise<FuzzSummary> {
  const total: FuzzSummary = { target, cases: 0, failures: [], slowestMs: 0, slowestIndex: -1 }
  const end = settings.start + settings.runs
  for (let start = settings.start; start < end; ) {
    const { summary, stuck } = await runChild(target, settings.seed, start, end - start, settings.timeoutMs)
    if (summary !== undefined) {
      total.cases += summary.cases
      total.failures.push(...summary.failures)
      if (summary.slowestMs > total.slowestMs) Object.assign(total, { slowestMs: summary.slowestMs, slowestIndex: summary.slowestIndex })
      break
    }
    const failure = stuck as FuzzFailure
    total.cases += failure.index - start + 1
    total.failures.push(failure)
    start = failure.index + 1
  }
  return total
}

function report(summaries: readonly FuzzSummary[], settings: Options): number {
  const width = Math.max(...summaries.map((summary) => summary.target.length))
  for (const summary of summaries) {
    process.stdout.write(`${summary.target.padEnd(width)}  ${String(summary.cases).padStart(6)} cases  ${String(summary.failures.length).padStart(3)} failed  slowest ${summary.slowestMs.toFixed(0).padStart(5)} ms (#${summary.slowestIndex})\n`)
  }
  const failures = summaries.flatMap((summary) => summary.failures.slice(0, 5).map((failure) => ({ target: summary.target, ...failure })))
  for (const failure of failures) {
    process.stdout.write(`\nFAIL ${failure.target} #${failure.index}: ${failure.problem}\n  input: ${failure.input}\n  again: npm run fuzz -- --target ${failure.target} --seed ${settings.seed} --start ${failure.index} --runs 1\n`)
  }
  const cases = summaries.reduce((sum, summary) => sum + summary.cases, 0)
  const failed = summaries.reduce((sum, summary) => sum + summary.failures.length, 0)
  process.stdout.write(`\n${cases} cases over ${summaries.length} targets (seed ${settings.seed}), ${failed} failed\n`)
  return failed
}

const settings = options()
const names = allTargets()
  .map((target) => target.name)
  .filter((name) => settings.targets.length === 0 || settings.targets.some((wanted) => name.includes(wanted)))
const summaries: FuzzSummary[] = []
for (const name of names) {
  const started = Date.now()
  summaries.push(await fuzzTarget(name, settings))
  process.stderr.write(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
let failed = report(summaries, settings)
if (settings.large) failed += await runLarge()
if (settings.json !== undefined) writeFileSync(settings.json, `${JSON.stringify({ seed: settings.seed, runs: settings.runs, summaries }, null, 1)}\n`)
process.exitCode = failed > 0 ? 1 : 0
