/**
 * `npm run bench -- --distributed`: a distributed run on BullMQ + Redis against a single-machine
 * run of the same input, everything on this machine: a throwaway redis-server on a free
 * loopback port, 1, 2 and 4 `sluice worker` processes (one worker thread each) and one
 * coordinator. Every row is the CLI in its own process; times are the report's `durationMs`
 * (start-up excluded), and every distributed output is checked byte for byte against the
 * single-machine one. The queue's overhead per shard comes from the same pair of runs with no
 * stages at all (only reading, queueing, result storage and writing are left).
 *
 *   npm run bench -- --distributed                      # html-1k folder, shards of 25 files
 *   options: --jsonl (the same pages as one JSONL file)  --shard-size N  --seed S  --workers 1,2,4
 */
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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

/** Runs `sluice run` (to completion) and reads its report. */
function runRow(args: string[], output: string): Record<string, unknown> & { run: { durationMs: number; counts: { documents: number } } } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run', ...args, '-o', output], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.status !== 0) throw new Error(`sluice run ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`)
  return JSON.parse(readFileSync(path.join(output, 'report.json'), 'utf8'))
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

/** One distributed row: `count` fresh workers, one coordinator, outputs checked against `single`. */
async function distributedRow(input: string, config: string, count: number, options: Options, single: string, label: string): Promise<Row> {
  const redis = await startRedis()
  const workers = Array.from({ length: count }, () => sluice(['worker', '--queue', redis.url, '--workers', '1', '--concurrency', '2']))
  try {
    await Promise.all(workers.map((worker) => waitForLine(worker, /waiting for shards/, 'sluice worker')))
    const output = path.join(benchRoot, 'out', `distributed-${label}-${count}`)
    await rm(output, { recursive: true, force: true })
    log(`bench: ${label}, ${count} worker${count === 1 ? '' : 's'} …`)
    const report = runRow(['-i', input, '-c', config, '--queue', redis.url, '--shard-size', String(options.shardSize)], output) as ReturnType<typeof runRow> & {
      distributed: { shards: number; waitMilliseconds: number; resultBytes: number }
    }
    if (!sameOutputs(single, output)) throw new Error(`The distributed outputs in ${output} differ from the single-machine ones in ${single}.`)
    const { distributed } = report
    return { label, workers: count, seconds: report.run.durationMs / 1000, documents: report.run.counts.documents, shards: distributed.shards, waitSeconds: distributed.waitMilliseconds / 1000, resultMiB: distributed.resultBytes / 2 ** 20 }
  } finally {
    for (const worker of workers) worker.kill('SIGTERM')
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : undefined)))
    redis.stop()
  }
}

function singleRow(input: string, config: string, label: string): { row: Row; output: string } {
  const output = path.join(benchRoot, 'out', `single-${label}`)
  log(`bench: ${label}, single machine …`)
  const report = runRow(['-i', input, '-c', config], output)
  return { output, row: { label, workers: 0, seconds: report.run.durationMs / 1000, documents: report.run.counts.documents } }
}

function formatTable(rows: readonly Row[], single: Row): string {
  const lines = ['| run | seconds | docs/s | × single | shards | coordinator idle | results in Redis |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const row of rows) {
    const name = row.workers === 0 ? `single machine (${availableParallelism()} threads)` : `distributed, ${row.workers} worker${row.workers === 1 ? '' : 's'}`
    const rate = row.documents / row.seconds
    const shards = row.shards === undefined ? '' : String(row.shards)
    const idle = row.waitSeconds === undefined ? '' : `${row.waitSeconds.toFixed(1)} s`
    const size = row.resultMiB === undefined ? '' : `${row.resultMiB.toFixed(1)} MiB`
    lines.push(`| ${name} | ${row.seconds.toFixed(1)} | ${rate.toFixed(0)} | ${(single.seconds / row.seconds).toFixed(2)} | ${shards} | ${idle} | ${size} |`)
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
  const overheadMs = ((bareDistributed.seconds - bare.row.seconds) * 1000) / (bareDistributed.shards ?? 1)
  const overhead = `Queue overhead: ${overheadMs.toFixed(0)} ms per shard (no stages: single machine ${bare.row.seconds.toFixed(1)} s, distributed with 1 worker ${bareDistributed.seconds.toFixed(1)} s, ${bareDistributed.shards} shards of ≤ ${options.shardSize} files).`
  const input_ = `${path.relative(repoRoot, input)}: ${single.row.documents} documents`
  process.stdout.write(`\n${input_}\n\n${formatTable(rows, single.row)}\n\n${overhead}\n`)
  await writeFile(path.join(benchRoot, 'distributed.json'), `${JSON.stringify({ date: new Date().toISOString(), options, input, rows, bare: [bare.row, bareDistributed], overheadMs }, null, 2)}\n`)
}
