/**
 * `npm run bench`: throughput, scaling and memory, side by side in one invocation. Generates
 * its inputs into `.bench/` (deterministic from `--seed`; from ../shared/corpus/dev when
 * present), then runs each row in its own process: sluice on 1 and N workers, the I/O ceiling
 * (read, decode, write JSONL, no stages) and Readability.js + linkedom alone on the HTML sets.
 * Prints the table and the ratios against the targets; writes `.bench/results.json`.
 *
 *   npm run bench                          # 10 MB, 100 MB, 1 GB text; 1k and 10k HTML pages
 *   npm run bench -- --sizes 10mb,100mb    # a subset of the text sizes
 *   npm run bench -- --quick               # 10 MB text and 1k HTML pages only
 *   options: --html 1k,10k  --workers N  --seed S  --no-archives
 *   npm run bench -- --distributed         # BullMQ + Redis: 1, 2, 4 local workers vs one machine (scripts/bench/distributed.ts)
 */
import { spawnSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { htmlSet, jsonlOf, templates, textSet, zipOf } from './bench/generate.ts'
import type { InputSet } from './bench/generate.ts'
import { formatRatios, formatRows, ratios } from './bench/report.ts'
import type { BenchRow } from './bench/report.ts'
import type { RowMeasure, RowSpec } from './bench/row.ts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const benchRoot = path.join(repoRoot, '.bench')
const SIZES: Record<string, number> = { '10mb': 10e6, '100mb': 100e6, '1gb': 1e9 }
const PAGES: Record<string, number> = { '1k': 1000, '10k': 10000 }

interface BenchOptions {
  sizes: string[]
  html: string[]
  workers: number
  seed: number
  archives: boolean
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: ['10mb', '100mb', '1gb'], html: ['1k', '10k'], workers: availableParallelism(), seed: 20240601, archives: true }
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]
    const value = (): string => argv[++index] ?? ''
    if (flag === '--quick') Object.assign(options, { sizes: ['10mb'], html: ['1k'] })
    else if (flag === '--sizes') options.sizes = value().split(',').filter(Boolean)
    else if (flag === '--html') options.html = value().split(',').filter(Boolean)
    else if (flag === '--workers') options.workers = Number(value())
    else if (flag === '--seed') options.seed = Number(value())
    else if (flag === '--no-archives') options.archives = false
    else throw new Error(`Unknown option ${flag}: see the usage at the top of scripts/bench.ts.`)
  }
  for (const size of options.sizes) if (SIZES[size] === undefined) throw new Error(`Unknown size ${size}: use ${Object.keys(SIZES).join(', ')}.`)
  for (const pages of options.html) if (PAGES[pages] === undefined) throw new Error(`Unknown HTML set ${pages}: use ${Object.keys(PAGES).join(', ')}.`)
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error('Expected --workers to be a positive integer.')
  return options
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}

/** Runs one row in a child process and reads its JSON line. */
async function measure(set: InputSet, label: string, spec: Omit<RowSpec, 'input' | 'output'>): Promise<BenchRow> {
  const output = path.join(benchRoot, 'out', label.replace(/[^\w.-]+/g, '_'))
  await rm(output, { recursive: true, force: true })
  log(`bench: ${label} …`)
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/bench/row.ts'), JSON.stringify({ ...spec, input: set.dir, output })], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  })
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`Bench row ${label} failed (exit ${child.status}); its error is printed above.`)
  const measured = JSON.parse(line) as RowMeasure
  await rm(output, { recursive: true, force: true })
  log(`bench: ${label}: ${measured.seconds.toFixed(1)} s, ${(set.bytes / 1e6 / measured.seconds).toFixed(1)} MB/s, peak RSS ${measured.maxRssMiB.toFixed(0)} MiB`)
  return { ...measured, label, set: set.name, system: spec.system, workers: spec.workers, bytes: set.bytes }
}

async function sluiceRows(set: InputSet, counts: readonly number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const workers of counts) rows.push(await measure(set, `${set.name} sluice ${workers}w`, { system: 'sluice', workers }))
  return rows
}

/**
 * One untimed run on a one-page input first: after a code change the CLI bundles itself
 * (esbuild, node_modules/.cache/sluice) on its first run, which would otherwise land in the
 * first row's time and peak RSS.
 */
async function warmUp(): Promise<void> {
  const dir = path.join(benchRoot, 'warm-up')
  await rm(dir, { recursive: true, force: true })
  await mkdir(path.join(dir, 'input'), { recursive: true })
  await writeFile(path.join(dir, 'input', 'page.txt'), 'A short page\n\nThe bench runs sluice once on this page before it measures anything, so the bundle is built.\n')
  log('bench: warm-up run (builds the CLI bundle if the code changed) …')
  const cli = path.join(repoRoot, 'bin/sluice.js')
  const child = spawnSync(process.execPath, [cli, 'run', '--input', path.join(dir, 'input'), '--output', path.join(dir, 'output'), '--workers', '1'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] })
  if (child.status !== 0) throw new Error(`The warm-up run of sluice exited with ${child.status}; its error is printed above.`)
  await rm(dir, { recursive: true, force: true })
}

async function run(options: BenchOptions): Promise<BenchRow[]> {
  await warmUp()
  const shared = process.env.SLUICE_SHARED ?? path.resolve(repoRoot, '../shared')
  const counts = [...new Set([1, options.workers])]
  const rows: BenchRow[] = []
  const text = templates(shared, 'txt', options.seed)
  log(`bench: text pages from ${text.from}`)
  for (const size of options.sizes) {
    const set = await textSet(benchRoot, `txt-${size}`, SIZES[size] as number, text.pages, options.seed)
    rows.push(await measure(set, `${set.name} io`, { system: 'io' }))
    rows.push(...(await sluiceRows(set, size === '1gb' ? [options.workers] : counts)))
    if (options.archives && size === '10mb') {
      rows.push(...(await sluiceRows(zipOf(set, path.join(benchRoot, 'txt-10mb.zip')), [options.workers])))
      rows.push(...(await sluiceRows(await jsonlOf(set, path.join(benchRoot, 'txt-10mb.jsonl'), 'text'), [options.workers])))
    }
  }
  const html = options.html.length > 0 ? templates(shared, 'html', options.seed) : undefined
  for (const pages of options.html) {
    const set = await htmlSet(benchRoot, `html-${pages}`, PAGES[pages] as number, html?.pages ?? [], options.seed)
    rows.push(await measure(set, `${set.name} readability+linkedom`, { system: 'readability' }))
    rows.push(await measure(set, `${set.name} io`, { system: 'io' }))
    rows.push(...(await sluiceRows(set, pages === '10k' ? [options.workers] : counts)))
    if (options.archives && pages === '1k') {
      rows.push(...(await sluiceRows(zipOf(set, path.join(benchRoot, 'html-1k.zip')), [options.workers])))
      rows.push(...(await sluiceRows(await jsonlOf(set, path.join(benchRoot, 'html-1k.jsonl'), 'html'), [options.workers])))
    }
  }
  return rows
}

// `--distributed`: the queue bench of scripts/bench/distributed.ts instead of the rows below.
if (process.argv.includes('--distributed')) {
  const { distributedBench } = await import('./bench/distributed.ts')
  await distributedBench(process.argv.slice(2).filter((flag) => flag !== '--distributed'))
  process.exit(0)
}
const options = parseOptions(process.argv.slice(2))
await mkdir(benchRoot, { recursive: true })
const started = Date.now()
const rows = await run(options)
const checks = ratios(rows, options.workers)
const table = `${formatRows(rows)}\n\n${formatRatios(checks)}\n`
process.stdout.write(`\n${table}`)
await writeFile(
  path.join(benchRoot, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), options, seconds: (Date.now() - started) / 1000, node: process.version, cores: availableParallelism(), rows, ratios: checks }, null, 2)}\n`,
)
log(`bench: ${((Date.now() - started) / 60000).toFixed(1)} min; results in .bench/results.json`)
