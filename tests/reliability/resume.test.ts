/**
 * kill -9 at random points, then `--resume`: the real CLI runs as a child process on a generated
 * tree of ~200 documents, is killed with SIGKILL a few times per seed, resumed each time, and
 * finally allowed to finish. Each kill lands at a random document count (watched through the
 * checkpoint) plus a random delay, so kills fall between checkpoints, during one, and while the
 * outputs are renamed. clean.jsonl and rejects.jsonl must be byte-identical to an uninterrupted
 * run, and report.json too once timings are set aside.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.ts'
import { spyIo } from '../helpers/io.ts'
import { SMALL, writeCorpus } from './corpus.ts'
import { seededRandom } from '../../scripts/lib/seeded-random.ts'
import { comparableReport } from './helpers.ts'

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
/** `SLUICE_RESUME_SEEDS=1,2,3,…` runs more seeds (each kills the run twice). */
const SEEDS = (process.env.SLUICE_RESUME_SEEDS ?? '11,23,37').split(',').map(Number)
const KILLS_PER_SEED = 2

let root = ''
let input = ''
let config = ''
let reference = ''
let total = 0

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-resume-'))
  input = await writeCorpus(root, { ...SMALL, records: 120 })
  config = path.join(root, 'resume.config.ts')
  await writeFile(config, 'export default { checkpoint: { everyDocuments: 7, everyMs: 100 } }\n')
  reference = path.join(root, 'reference')
  expect(await main(['run', '-i', input, '-o', reference, '-c', config, '--workers', '0'], spyIo())).toBe(0)
  total = (JSON.parse(await readFile(path.join(reference, 'report.json'), 'utf8')) as { run: { counts: { documents: number } } }).run.counts.documents
}, 60_000)
afterAll(() => rm(root, { recursive: true, force: true }))

interface Child {
  done: Promise<{ code: number | null; stderr: string }>
  kill(): void
  pid: number
}

function start(output: string, resume: boolean): Child {
  const args = ['--import', 'tsx', 'src/cli.ts', 'run', '-i', input, '-o', output, '-c', config, '--workers', '0', ...(resume ? ['--resume'] : [])]
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })))
  return { done, kill: () => child.kill('SIGKILL'), pid: child.pid as number }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Documents the checkpoint in `output` says are written (0 without one). */
function checkpointed(output: string): number {
  try {
    return (JSON.parse(readFileSync(path.join(output, '.sluice-checkpoint.json'), 'utf8')) as { emitted: number }).emitted
  } catch {
    return 0
  }
}

/** Waits until the child holds the output lock and its checkpoint reaches `target` documents, or it exits. */
async function reach(output: string, child: Child, target: number, exited: () => boolean): Promise<void> {
  const locked = (): boolean => existsSync(path.join(output, '.sluice-lock')) && readFileSync(path.join(output, '.sluice-lock'), 'utf8').trim() === String(child.pid)
  while (!exited() && !(locked() && checkpointed(output) >= target)) await sleep(10)
}

/** One seed: kill, resume, kill, resume… then let it finish. Returns where each resume started. */
async function killAndResume(seed: number): Promise<{ output: string; resumedAt: number[] }> {
  const random = seededRandom(seed)
  const output = path.join(root, `killed-${seed}`)
  const resumedAt: number[] = []
  for (let round = 0; round <= KILLS_PER_SEED; round += 1) {
    const child = start(output, round > 0)
    let exited = false
    void child.done.then(() => (exited = true))
    if (round < KILLS_PER_SEED) {
      const from = checkpointed(output)
      await reach(output, child, from + Math.floor(random() * (total - from)), () => exited)
      await sleep(Math.floor(random() * 150))
      child.kill()
    }
    const { code, stderr } = await child.done
    const at = /after (\d+) documents/u.exec(stderr)?.[1]
    if (at !== undefined) resumedAt.push(Number(at))
    if (round === KILLS_PER_SEED) expect(code, stderr).toBe(0)
  }
  return { output, resumedAt }
}

async function files(directory: string): Promise<string[]> {
  return Promise.all(['clean.jsonl', 'rejects.jsonl'].map((name) => readFile(path.join(directory, name), 'utf8')))
}

describe('sluice run --resume after kill -9', () => {
  it('ends byte-identical to an uninterrupted run, whatever the kill points', async () => {
    const expected = await files(reference)
    const expectedReport = comparableReport(await readFile(path.join(reference, 'report.json'), 'utf8'))
    const resumes: number[] = []
    // The seeds run side by side: each child is mostly start-up (tsx, stage models), which two cores share well.
    for (const { output, resumedAt } of await Promise.all(SEEDS.map((seed) => killAndResume(seed)))) {
      resumes.push(...resumedAt)
      expect(await files(output)).toEqual(expected)
      expect(comparableReport(await readFile(path.join(output, 'report.json'), 'utf8'))).toEqual(expectedReport)
      expect(readdirSync(output).filter((name) => name.startsWith('.sluice') || name.includes('.tmp-'))).toEqual([])
    }
    // The kills must have landed mid-run: at least one resume went on from a real checkpoint.
    expect(resumes.some((at) => at > 0)).toBe(true)
    if (process.env.SLUICE_RESUME_SEEDS !== undefined) console.info(`resumed at documents: ${resumes.join(', ')} of ${total}`)
  }, 180_000)
})
