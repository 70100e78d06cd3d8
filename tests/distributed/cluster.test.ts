/**
 * Distributed runs against a real redis-server: a coordinator and three `sluice worker`
 * processes give byte-identical outputs to a single-machine run, even when a worker is killed
 * mid-shard (SIGKILL) or the coordinator is killed and started again. A shard that fails on
 * every try stops the run with the workers' reason; an unreachable Redis is one sentence.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.ts'
import { spyIo } from '../helpers/io.ts'
import { freePort, startCluster } from './cluster.ts'
import type { Spawned } from './cluster.ts'
import { writeFixture } from './fixture.ts'

const configs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'configs')
const DEFAULT_CONFIG = path.join(configs, 'default.config.ts')
const CUSTOM_CONFIG = path.join(configs, 'custom-stage.config.ts')

let cluster: Awaited<ReturnType<typeof startCluster>>
let root = ''
let input: string
let workers: Spawned[]

beforeAll(async () => {
  cluster = await startCluster()
  root = await mkdtemp(path.join(tmpdir(), 'sluice-distributed-'))
  input = path.join(root, 'input')
  await writeFixture(input)
  const args = ['worker', '--queue', cluster.url(0), '--workers', '0', '--concurrency', '2', '--stall-ms', '2000']
  workers = [cluster.sluice(args), cluster.sluice(args), cluster.sluice(args)]
}, 30_000)

afterAll(async () => {
  await cluster?.stop()
  // empty when the cluster could not start: that error is the one to report
  if (root !== '') await rm(root, { recursive: true, force: true })
})

async function singleMachine(config: string, output: string): Promise<void> {
  const io = spyIo()
  expect(await main(['run', '-i', input, '-o', output, '-c', config], io), io.err()).toBe(0)
}

function distributedArgs(config: string, output: string): string[] {
  return ['run', '-i', input, '-o', output, '-c', config, '--queue', cluster.url(0), '--shard-size', '10']
}

/** The report without what differs between any two runs: timings, the output path, `distributed`. */
function comparable(report: Record<string, unknown>): unknown {
  const copy = JSON.parse(JSON.stringify(report)) as { run: Record<string, unknown>; stages: { milliseconds: number }[]; distributed?: unknown }
  // Where the stages ran (worker threads on this machine) is not a fact of a distributed run.
  for (const key of ['startedAt', 'durationMs', 'resources', 'output', 'workers']) delete copy.run[key]
  for (const stage of copy.stages) stage.milliseconds = 0
  delete copy.distributed
  return copy
}

async function expectSameOutputs(single: string, distributed: string): Promise<Record<string, unknown>> {
  for (const name of ['clean.jsonl', 'rejects.jsonl']) {
    const [expected, actual] = await Promise.all([readFile(path.join(single, name)), readFile(path.join(distributed, name))])
    expect(actual.equals(expected), `${name} differs from the single-machine run`).toBe(true)
  }
  const [expected, actual] = await Promise.all([single, distributed].map(async (folder) => JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as Record<string, unknown>))
  expect(comparable(actual as Record<string, unknown>)).toEqual(comparable(expected as Record<string, unknown>))
  return actual as Record<string, unknown>
}

function doneLines(): number {
  return workers.reduce((sum, worker) => sum + worker.lines.filter((line) => / done: /.test(line)).length, 0)
}

describe('distributed runs on BullMQ + Redis', () => {
  it('three workers, one killed mid-shard: outputs byte-identical to a single-machine run', async () => {
    const single = path.join(root, 'single-default')
    await singleMachine(DEFAULT_CONFIG, single)
    await Promise.all(workers.map((worker) => worker.waitFor(/waiting for shards/, 30_000)))
    const output = path.join(root, 'distributed-default')
    const io = spyIo()
    const coordinator = main(distributedArgs(DEFAULT_CONFIG, output), io)
    const victim = workers[0] as Spawned
    await victim.waitFor(/shard \d+ started/, 30_000)
    victim.child.kill('SIGKILL')
    expect(await coordinator, io.err()).toBe(0)
    const report = (await expectSameOutputs(single, output)) as { run: { counts: { documents: number } }; distributed: { shards: number; retriedShards: number; workers: { documents: number }[] } }
    expect(report.distributed.shards).toBeGreaterThan(20)
    expect(report.distributed.retriedShards).toBeGreaterThanOrEqual(1)
    expect(report.distributed.workers.reduce((sum, worker) => sum + worker.documents, 0)).toBe(report.run.counts.documents)
    const redis = new Redis(cluster.url(0))
    expect(await redis.keys('sluice:run:*')).toEqual([])
    await redis.quit()
  }, 120_000)

  it('a coordinator killed mid-run and started again resumes and writes the same outputs (custom stage from the config file)', async () => {
    const single = path.join(root, 'single-custom')
    await singleMachine(CUSTOM_CONFIG, single)
    const output = path.join(root, 'distributed-custom')
    const before = doneLines()
    const first = cluster.sluice(distributedArgs(CUSTOM_CONFIG, output))
    await expect.poll(doneLines, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(before + 3)
    first.child.kill('SIGKILL')
    await first.exited
    expect(existsSync(path.join(output, 'report.json'))).toBe(false)
    const io = spyIo()
    expect(await main(distributedArgs(CUSTOM_CONFIG, output), io), io.err()).toBe(0)
    const report = (await expectSameOutputs(single, output)) as { distributed: { resumedShards: number } }
    expect(report.distributed.resumedShards).toBeGreaterThanOrEqual(3)
    const firstRecord = JSON.parse((await readFile(path.join(output, 'clean.jsonl'), 'utf8')).split('\n')[0] as string) as { stats: { words?: number } }
    expect(firstRecord.stats.words).toBeGreaterThan(0)
  }, 120_000)

  it('a shard that fails on every try stops the run with the workers\' reason (exit 2)', async () => {
    const failing = cluster.sluice(['worker', '--queue', cluster.url(1), '--workers', '0', '--stall-ms', '2000'], { SLUICE_TEST_WORKER_FAILS: '1' })
    await failing.waitFor(/waiting for shards/, 30_000)
    const io = spyIo()
    const args = ['run', '-i', input, '-o', path.join(root, 'failing'), '-c', path.join(configs, 'fails-in-worker.config.ts'), '--queue', cluster.url(1)]
    expect(await main(args, io)).toBe(2)
    expect(io.err()).toMatch(/Shard 0 \(.+\) failed on the workers after 3 tries: .*this worker cannot load the config/)
  }, 60_000)

  it('locks the output folder, so one inside the input folder is skipped, not read back in', async () => {
    const nested = path.join(root, 'nested')
    await mkdir(nested, { recursive: true })
    await writeFile(path.join(nested, 'story.txt'), `${'The harbour board met on Tuesday and agreed to keep the night ferry running through the winter. '.repeat(6)}\n`)
    const output = path.join(nested, 'out')
    for (let run = 0; run < 2; run += 1) expect(await main(['run', '-i', nested, '-o', output, '-c', DEFAULT_CONFIG, '--queue', cluster.url(0)], spyIo())).toBe(0)
    const report = JSON.parse(await readFile(path.join(output, 'report.json'), 'utf8')) as { run: { counts: { documents: number } }; skipped: { path: string }[] }
    expect(report.run.counts.documents).toBe(1)
    expect(report.skipped.map((entry) => entry.path)).toEqual(['out/'])
    expect(existsSync(path.join(output, '.sluice-lock'))).toBe(false)
  }, 60_000)

  it('an unreachable Redis is one sentence and exit 2', async () => {
    const io = spyIo()
    const port = await freePort()
    expect(await main(['run', '-i', input, '-o', path.join(root, 'unreachable'), '-c', DEFAULT_CONFIG, '--queue', `redis://127.0.0.1:${port}/0`], io)).toBe(2)
    expect(io.err()).toMatch(/^Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 \(.+\)\. Start redis-server there/)
  })
})
