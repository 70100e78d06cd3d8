/**
 * Same input → same bytes: a rerun, concurrency 1 vs 16, the main thread vs two worker threads,
 * and files created in a shuffled order all give byte-identical clean.jsonl and rejects.jsonl
 * (and report.json without timings); listing the input folders in a shuffled order gives the
 * same clean.jsonl records, keyed by id.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { runPipeline } from '../../src/core/run.ts'
import type { UserConfig } from '../../src/config/schema.ts'
import { writeCorpus } from './corpus.ts'
import { seededRandom } from '../../scripts/lib/seeded-random.ts'
import { comparableReport } from './helpers.ts'

const SIZE = { dumps: 10, pages: 6, records: 40, feedItems: 6, zipped: 4 }
const FOLDERS = ['archives', 'dumps', 'feeds', 'pages', 'scraper']

let root = ''
let input = ''
let baseline: Outputs

interface Outputs {
  files: string[]
  report: unknown
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed)
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other] as T, copy[index] as T]
  }
  return copy
}

async function run(name: string, extra: Partial<UserConfig> & { input?: string | string[] } = {}): Promise<Outputs> {
  const output = path.join(root, name)
  await runPipeline({ input, output, workers: 0, concurrency: 4, ...extra })
  const files = await Promise.all(['clean.jsonl', 'rejects.jsonl'].map((file) => readFile(path.join(output, file), 'utf8')))
  return { files, report: comparableReport(await readFile(path.join(output, 'report.json'), 'utf8')) }
}

function byId(clean: string): Map<string, string> {
  return new Map(clean.split('\n').filter((line) => line !== '').map((line) => [(JSON.parse(line) as { id: string }).id, line]))
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-determinism-'))
  input = await writeCorpus(root, SIZE)
  baseline = await run('baseline')
  expect(baseline.files[0]?.split('\n').length).toBeGreaterThan(50)
}, 60_000)
afterAll(() => rm(root, { recursive: true, force: true }))

describe('determinism', () => {
  it('a rerun gives the same bytes', async () => {
    expect(await run('rerun')).toEqual(baseline)
  })

  it('concurrency 1 and 16 give the same bytes', async () => {
    const one = await run('concurrency-1', { concurrency: 1 })
    const sixteen = await run('concurrency-16', { concurrency: 16 })
    expect(one.files).toEqual(baseline.files)
    expect(sixteen.files).toEqual(baseline.files)
  })

  it('two worker threads give the same bytes as the main thread', async () => {
    const workers = await run('workers-2', { workers: 2, concurrency: 16 })
    expect(workers.files).toEqual(baseline.files)
  }, 60_000)

  it('files created in a shuffled order give the same bytes', async () => {
    const shuffledRoot = await mkdtemp(path.join(tmpdir(), 'sluice-shuffled-'))
    onTestFinished(() => rm(shuffledRoot, { recursive: true, force: true }))
    const shuffledInput = await writeCorpus(shuffledRoot, SIZE, (names) => shuffle(names, 7))
    const shuffled = await run('created-shuffled', { input: shuffledInput })
    expect(shuffled.files).toEqual(baseline.files)
  })

  it('input folders listed in any order give the same records, keyed by id', async () => {
    const inOrder = await run('folders-in-order', { input: FOLDERS.map((folder) => path.join(input, folder)) })
    const expected = byId(inOrder.files[0] as string)
    for (const seed of [3, 5]) {
      const shuffled = await run(`folders-shuffled-${seed}`, { input: shuffle(FOLDERS, seed).map((folder) => path.join(input, folder)) })
      expect(byId(shuffled.files[0] as string)).toEqual(expected)
    }
  })
})
