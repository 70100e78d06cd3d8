/**
 * `npm run eval`: measures sluice's cleaning quality on the development corpus (500 real pages
 * in ../shared/corpus/dev) with the ScrapingHub 4-token-shingle metric, next to the baselines in
 * the same run: the raw innerText dump (txt track) and Readability.js on linkedom (html track).
 * sluice runs through `runPipeline`, the real library API, so the figures are what users get.
 * Prints the figures table, the 15 worst pages with a reason, rejects and the silent-loss audit;
 * writes the same as JSON for `--compare`. Not part of `npm test`: the corpus is not in the repo.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEvalArgs, USAGE, UsageError } from './lib/args.ts'
import type { EvalOptions } from './lib/args.ts'
import { auditLosses } from './lib/audit.ts'
import { formatComparison, readPrevious } from './lib/compare.ts'
import { corpusProblem, loadCorpus, sharedRoot } from './lib/corpus.ts'
import type { Corpus, Track } from './lib/corpus.ts'
import { formatTable, formatTrackDetails } from './lib/format.ts'
import { checkWithPython } from './lib/python-check.ts'
import { METRIC, scoreSystem, toJson, worstPages } from './lib/results.ts'
import type { EvalResult, TrackResult } from './lib/results.ts'
import { buildStages, EXTRACT_METHODS, runRaw, runReadability, runSluice } from './lib/systems.ts'
import type { ExtractMethod, SystemRun } from './lib/systems.ts'
import { titleAgreement } from './lib/titles.ts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}

/** Checks every ablation builds (unknown rule ids fail here) and expands "each". */
function resolveAblations(ablate: readonly string[][]): string[][] {
  const each = ablate.some((rules) => rules.includes('each'))
  const chrome = buildStages([]).find((stage) => stage.name === 'drop-chrome')
  // nothing-left rejects a document; it removes no line, so switching it off measures nothing.
  const all = each ? (chrome?.rules ?? []).filter((rule) => !rule.endsWith('/nothing-left')).map((rule) => [rule]) : []
  const list = [...ablate.filter((rules) => !rules.includes('each')), ...all]
  for (const rules of list) {
    try {
      buildStages(rules)
    } catch (error) {
      const issues = (error as { issues?: { message: string }[] }).issues
      throw new UsageError(`--ablate ${rules.join(',')}: ${issues?.map((issue) => issue.message).join('; ') ?? String(error)}`)
    }
  }
  return list
}

/**
 * `--extract METHOD[,METHOD…]` (readability, fast): the html track's sluice systems, one per
 * method (named "sluice" for the stage default, "sluice extract=M" otherwise). Read here
 * because the option only matters to the systems this file builds; the rest goes to args.ts.
 */
function takeExtractMethods(argv: readonly string[]): { rest: string[]; methods: (ExtractMethod | undefined)[] } {
  const rest = [...argv]
  const at = rest.findIndex((arg) => arg === '--extract' || arg.startsWith('--extract='))
  if (at < 0) return { rest, methods: [undefined] }
  const [flag = ''] = rest.splice(at, 1)
  const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : rest.splice(at, 1)[0] ?? ''
  const methods = value.split(',').map((method) => method.trim())
  const wrong = methods.find((method) => !(EXTRACT_METHODS as readonly string[]).includes(method))
  if (wrong !== undefined) throw new UsageError(`--extract takes ${EXTRACT_METHODS.join(', ')} (comma-separated), got "${wrong}".`)
  return { rest, methods: methods as ExtractMethod[] }
}

async function runSystems(corpus: Corpus, track: Track, options: EvalOptions, keep: string, methods: readonly (ExtractMethod | undefined)[]): Promise<SystemRun[]> {
  const runs: SystemRun[] = [track === 'txt' ? await runRaw(corpus) : await runReadability(corpus)]
  log(`${track}: ${runs[0]?.name} done in ${runs[0]?.seconds.toFixed(1)} s`)
  const systems = [...(track === 'html' ? methods : [undefined]).map((method) => ({ rules: [] as string[], method })), ...options.ablate.map((rules) => ({ rules, method: undefined }))]
  for (const { rules, method } of systems) {
    const name = rules.length > 0 ? `sluice -${rules.join(',')}` : method === undefined ? 'sluice' : `sluice extract=${method}`
    const run = await runSluice(corpus, track, name, rules, keep, method)
    log(`${track}: ${name} done in ${run.seconds.toFixed(1)} s (${run.rejected.size} rejected)`)
    runs.push(run)
  }
  return runs
}

async function evalTrack(corpus: Corpus, track: Track, options: EvalOptions, keep: string, methods: readonly (ExtractMethod | undefined)[]): Promise<{ result: TrackResult; check?: { ok: boolean; lines: string[] } }> {
  const runs = await runSystems(corpus, track, options, keep, methods)
  const scored = runs.map((run) => scoreSystem(corpus, run))
  const sluice = runs[1] as SystemRun
  const result: TrackResult = { track, systems: scored.map((s) => s.result), worst: worstPages(corpus, sluice, scored[1]?.pages ?? []) }
  if (sluice.titles !== undefined) result.titles = titleAgreement(sluice.titles, corpus.pageTitles)
  if (track === 'txt' && options.audit) {
    log('txt: auditing lost lines (explain on pages that lost article text)…')
    result.audit = await auditLosses(corpus, sluice, buildStages([]))
  }
  if (!options.checkPython) return { result }
  return { result, check: await checkWithPython(corpus.shared, corpus, track, runs, result.systems) }
}

async function evaluateAll(corpus: Corpus, options: EvalOptions, argv: readonly string[], methods: readonly (ExtractMethod | undefined)[]): Promise<EvalResult> {
  const keep = await mkdtemp(path.join(tmpdir(), 'sluice-eval-keep-'))
  const result: EvalResult = { createdAt: new Date().toISOString(), command: ['npm run eval --', ...argv].join(' '), shared: corpus.shared, metric: METRIC, limit: options.limit ?? null, tracks: [] }
  const checks: string[] = []
  let ok = true
  try {
    for (const track of options.tracks) {
      const { result: trackResult, check } = await evalTrack(corpus, track, options, keep, methods)
      result.tracks.push(trackResult)
      if (check !== undefined) { checks.push(...check.lines); ok &&= check.ok }
    }
  } finally {
    await rm(keep, { recursive: true, force: true })
  }
  if (options.checkPython) result.pythonCheck = { ok, lines: checks }
  return result
}

function printResult(result: EvalResult, pages: number): void {
  console.log(`# ${result.metric}; ${pages} pages; ${result.command}\n`)
  console.log(formatTable(result))
  for (const track of result.tracks) console.log(formatTrackDetails(track))
  if (result.pythonCheck !== undefined) {
    console.log(`\nAgreement with score.py (tolerance 0.0005): ${result.pythonCheck.ok ? 'OK' : 'MISMATCH'}`)
    for (const line of result.pythonCheck.lines) console.log(`  ${line}`)
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { rest, methods } = takeExtractMethods(argv)
  const options = parseEvalArgs(rest)
  if (options.help) return (console.log(`${USAGE}\n\n  --extract M[,M…]        html track: one sluice run per extract method (${EXTRACT_METHODS.join(', ')})`), 0)
  const shared = sharedRoot(repoRoot)
  const problem = corpusProblem(shared)
  if (problem !== undefined) return (log(`sluice eval: ${problem}`), 2)
  options.ablate = resolveAblations(options.ablate)
  const previous = options.compare === undefined ? undefined : await readPrevious(options.compare)
  const corpus = await loadCorpus(shared, options.limit)
  const result = await evaluateAll(corpus, options, argv, methods)
  printResult(result, corpus.ids.length)
  if (previous !== undefined) console.log(formatComparison(previous, result, options.compare as string))
  const out = path.resolve(options.json)
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(out, toJson(result))
  log(`\nwrote ${path.relative(process.cwd(), out) || out}`)
  return result.pythonCheck?.ok === false ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    if (error instanceof UsageError) log(`sluice eval: ${error.message}\n\n${USAGE}`)
    else log(`sluice eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 2
  },
)
