/**
 * `npm run bench -- --distributed`: a distributed run on BullMQ + Redis against a single-machine
 * run of the same input, everything on this machine: a throwaway redis-server on a free
 * loopback port, 1, 2 and 4 `sluice worker` processes (one worker thread each) and one
 * coordinator. Every row is the CLI in its own process; wall times are the report's
 * `durationMs` (start-up excluded), CPU times add up every sluice process of the row (all
 * threads: the CLI's own `process.cpuUsage()`, the workers' /proc counters), which stay
 * meaningful on a machine shared with other jobs. Every distributed output is checked byte for
 * byte against the single-machine one. The queue's overhead per shard is the extra CPU of the
 * same pair of runs with no stages at all (reading, queueing, result storage and writing).
 *
 *   npm run bench -- --distributed                      # html-1k folder, shards of 25 files
 *   options: --jsonl (the same pages as one JSONL file)  --shard-size N  --seed S  --workers 1,2,4
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { htmlSet, jsonlOf, templates } from './generate.ts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const benchRoot = path.join(repoRoot, '.bench')

interface Options {
  jsonl: boolean
  shardSize: number
  seed: number
  workers: number[]
}

interface Row {
  label: string
  workers: number
  seconds: number
  cpuSeconds: number
  documents: number
  shards?: number
  waitSeconds?: number
  resultMiB?: number
}

function parse(argv: readonly string[]): Options {
  const options: Options = { jsonl: false, shardSize: 25, seed: 20240601, workers: [1, 2, 4] }
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]
    const value = (): string => argv[++index] ?? ''
    if (flag === '--jsonl') options.jsonl = true
    else if (flag === '--shard-size') options.shardSize = Number(value())
    else if (flag === '--seed') options.seed = Number(value())
    else if (flag === '--workers') options.workers = value().split(',').map(Number)
    else throw new Error(`Unknown option ${flag} for --distributed: see the usage at the top of scripts/bench/distributed.ts.`)
  }
  return options
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

function sluice(args: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] })
}

async function waitForLine(child: ReturnType<typeof spawn>, pattern: RegExp, what: string): Promise<void> {
  let seen = ''
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (pattern.test(seen)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${seen}`)))
  })
}

async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const failed = once(child, 'error').then(([error]) => {
    throw new Error(`Cannot start redis-server (${(error as Error).message}): install it (apt-get install redis-server).`)
  })
  const ready = new Promise<void>((resolve) => child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept') && resolve()))
  await Promise.race([ready, failed])
  return { url: `redis://127.0.0.1:${port}/0`, stop: () => child.kill('SIGKILL') }
}

type Report = Record<string, unknown> & { run: { durationMs: number; counts: { documents: number } } }

/** Runs `sluice run` (to completion, through this file's `--cli-with-cpu` mode) and reads its report and CPU time. */
function runRow(args: string[], output: string): { report: Report; cpuSeconds: number } {
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--cli-with-cpu', 'run', ...args, '-o', output], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.status !== 0) throw new Error(`sluice run ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`)
  const { cpuSeconds } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { cpuSeconds: number }
  return { report: JSON.parse(readFileSync(path.join(output, 'report.json'), 'utf8')) as Report, cpuSeconds }
}

/** CPU seconds a process has used so far, all threads (Linux /proc). */
function processCpu(pid: number | undefined, ticks: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / ticks
}

function sameOutputs(expected: string, actual: string): boolean {
  return ['clean.jsonl', 'rejects.jsonl'].every((name) => readFileSync(path.join(expected, name)).equals(readFileSync(path.join(actual, name))))
}

/** A config file in .bench: the default stages, or none (to time what the queue adds). */
async function configFile(stages: boolean): Promise<string> {
  const file = path.join(benchRoot, `distributed-${stages ? 'default' : 'no-stages'}.config.ts`)
  await writeFile(file, `import { defineConfig } from '../src/index.ts'\nexport default defineConfig(${stages ? '{}' : '{ stages: [] }'})\n`)
  return file
}

/** Clock ticks per second of the /proc counters. */
function clockTicks(): number {
  return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
}

type Distributed = Report & { distributed: { shards: number; waitMilliseconds: number; resultBytes: number } }

/** One distributed row: `count` fresh workers, one coordinator, outputs checked against `single`. */
async function distributedRow(input: string, config: string, count: number, options: Options, single: string, label: string): Promise<Row> {
  const redis = await startRedis()
  const workers = Array.from({ length: count }, () => sluice(['worker', '--queue', redis.url, '--workers', '1', '--concurrency', '2']))
  try {
    await Promise.all(workers.map((worker) => waitForLine(worker, /waiting for shards/, 'sluice worker')))
    const output = path.join(benchRoot, 'out', `distributed-${label}-${count}`)
    await rm(output, { recursive: true, force: true })
    log(`bench: ${label}, ${count} worker${count === 1 ? '' : 's'} …`)
    const ticks = clockTicks()
    const workerCpu = (): number => workers.reduce((sum, worker) => sum + processCpu(worker.pid, ticks), 0)
    const before = workerCpu()
    const { report, cpuSeconds } = runRow(['-i', input, '-c', config, '--queue', redis.url, '--shard-size', String(options.shardSize)], output) as { report: Distributed; cpuSeconds: number }
    const cpu = cpuSeconds + workerCpu() - before
    if (!sameOutputs(single, output)) throw new Error(`The distributed outputs in ${output} differ from the single-machine ones in ${single}.`)
    const { distributed, run } = report
    return { label, workers: count, seconds: run.durationMs / 1000, cpuSeconds: cpu, documents: run.counts.documents, shards: distributed.shards, waitSeconds: distributed.waitMilliseconds / 1000, resultMiB: distributed.resultBytes / 2 ** 20 }
  } finally {
    for (const worker of workers) worker.kill('SIGTERM')
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : undefined)))
    redis.stop()
  }
}

function singleRow(input: string, config: string, label: string): { row: Row; output: string } {
  const output = path.join(benchRoot, 'out', `single-${label}`)
  log(`bench: ${label}, single machine …`)
  const { report, cpuSeconds } = runRow(['-i', input, '-c', config], output)
  return { output, row: { label, workers: 0, seconds: report.run.durationMs / 1000, cpuSeconds, documents: report.run.counts.documents } }
}

function formatTable(rows: readonly Row[]): string {
  const lines = ['| run | wall s | docs/s | CPU s (all processes) | CPU ms/doc | shards | coordinator idle | results in Redis |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const row of rows) {
    const name = row.workers === 0 ? `single machine (${availableParallelism()} threads)` : `distributed, ${row.workers} worker${row.workers === 1 ? '' : 's'}`
    const shards = row.shards === undefined ? '' : String(row.shards)
    const idle = row.waitSeconds === undefined ? '' : `${row.waitSeconds.toFixed(1)} s`
    const size = row.resultMiB === undefined ? '' : `${row.resultMiB.toFixed(1)} MiB`
    const perDoc = (row.cpuSeconds * 1000) / row.documents
    lines.push(`| ${name} | ${row.seconds.toFixed(1)} | ${(row.documents / row.seconds).toFixed(1)} | ${row.cpuSeconds.toFixed(1)} | ${perDoc.toFixed(1)} | ${shards} | ${idle} | ${size} |`)
  }
  return lines.join('\n')
}

/** The `--distributed` bench: prints the table and writes .bench/distributed.json. */
export async function distributedBench(argv: readonly string[]): Promise<void> {
  const options = parse(argv)
  await mkdir(path.join(benchRoot, 'out'), { recursive: true })
  const shared = process.env.SLUICE_SHARED ?? path.resolve(repoRoot, '../shared')
  const set = await htmlSet(benchRoot, 'html-1k', 1000, templates(shared, 'html', options.seed).pages, options.seed)
  const input = options.jsonl ? (await jsonlOf(set, path.join(benchRoot, 'html-1k.jsonl'), 'html')).dir : set.dir
  const [withStages, noStages] = await Promise.all([configFile(true), configFile(false)])
  const single = singleRow(input, withStages, 'stages')
  const rows: Row[] = [single.row]
  for (const count of options.workers) rows.push(await distributedRow(input, withStages, count, options, single.output, 'stages'))
  const bare = singleRow(input, noStages, 'no-stages')
  const bareDistributed = await distributedRow(input, noStages, 1, options, bare.output, 'no-stages')
  const overheadMs = ((bareDistributed.cpuSeconds - bare.row.cpuSeconds) * 1000) / (bareDistributed.shards ?? 1)
  const overhead = `Queue overhead: ${overheadMs.toFixed(0)} ms of CPU per shard (no stages: single machine ${bare.row.cpuSeconds.toFixed(1)} s CPU in ${bare.row.seconds.toFixed(1)} s, distributed with 1 worker ${bareDistributed.cpuSeconds.toFixed(1)} s CPU in ${bareDistributed.seconds.toFixed(1)} s, ${bareDistributed.shards} shards of ≤ ${options.shardSize} files).`
  const heading = `${path.relative(repoRoot, input)}: ${single.row.documents} documents`
  process.stdout.write(`\n${heading}\n\n${formatTable(rows)}\n\n${overhead}\n`)
  await writeFile(path.join(benchRoot, 'distributed.json'), `${JSON.stringify({ date: new Date().toISOString(), options, input, rows, bare: [bare.row, bareDistributed], overheadMs }, null, 2)}\n`)
}

/** `--cli-with-cpu ARGS…`: runs the sluice CLI in this process and prints its CPU seconds (all threads) last. */
async function cliWithCpu(argv: string[]): Promise<void> {
  const { main } = await import('../../src/cli.ts')
  const before = process.cpuUsage()
  const code = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
  const cpu = process.cpuUsage(before)
  process.stdout.write(`${JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`)
  process.exitCode = code
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--cli-with-cpu') await cliWithCpu(process.argv.slice(3))
