/**
 * `--check-python`: scores the same predictions with the reference scorer
 * (`../shared/tools/score.py --json --n-bootstrap 0`) and checks that both agree to 3 decimals,
 * so our TypeScript metric can be trusted to be the benchmark's. For sluice, score.py reads the
 * very clean.jsonl that `runPipeline` wrote.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Corpus } from './corpus.ts'
import { fmt } from './format.ts'
import type { SystemResult } from './results.ts'
import type { SystemRun } from './systems.ts'

const run = promisify(execFile)

/** Largest difference we accept: the two must print the same 3 decimals (up to rounding). */
export const TOLERANCE = 0.0005

interface PythonSystem {
  f1: number | null
  precision: number | null
  recall: number | null
  accuracy: number | null
  missing: number
  empty_predictions: number
}

async function writeRun(dir: string, index: number, system: SystemRun): Promise<string> {
  const file = path.join(dir, `run-${index}.jsonl`)
  if (system.cleanJsonl !== undefined) await copyFile(system.cleanJsonl, file)
  else await writeFile(file, [...system.predictions].map(([id, text]) => JSON.stringify({ source: `${id}.txt`, text })).join('\n') + '\n')
  return file
}

async function truthDir(corpus: Corpus, dir: string): Promise<string> {
  const full = path.join(corpus.dir, 'truth')
  const all = (await readdir(full)).filter((name) => name.endsWith('.txt'))
  if (corpus.ids.length === all.length) return full
  const subset = path.join(dir, 'truth')
  await mkdir(subset)
  for (const id of corpus.ids) await copyFile(path.join(full, `${id}.txt`), path.join(subset, `${id}.txt`))
  return subset
}

function compareOne(label: string, ours: SystemResult, theirs: PythonSystem): string[] {
  const problems: string[] = []
  for (const key of ['f1', 'precision', 'recall', 'accuracy'] as const) {
    const a = ours.summary[key]
    const b = theirs[key] ?? Number.NaN
    const same = (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < TOLERANCE
    if (!same) problems.push(`${label}: ${key} ours ${fmt(a)} vs score.py ${fmt(b)}`)
  }
  if (ours.empty !== theirs.missing + theirs.empty_predictions) problems.push(`${label}: empty outputs ours ${ours.empty} vs score.py ${theirs.missing + theirs.empty_predictions}`)
  const line = `${label}: score.py F1 ${fmt(theirs.f1)} P ${fmt(theirs.precision)} R ${fmt(theirs.recall)} acc ${fmt(theirs.accuracy)}; ours F1 ${fmt(ours.summary.f1)} |ΔF1| ${Math.abs(ours.summary.f1 - (theirs.f1 ?? Number.NaN)).toExponential(1)}`
  return [line, ...problems.map((problem) => `MISMATCH ${problem}`)]
}

/** Runs score.py on every system of a track; returns report lines and whether all agree. */
export async function checkWithPython(shared: string, corpus: Corpus, track: string, runs: readonly SystemRun[], results: readonly SystemResult[]): Promise<{ ok: boolean; lines: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-eval-py-'))
  try {
    const files = await Promise.all(runs.map((system, index) => writeRun(dir, index, system)))
    const script = path.join(shared, 'tools', 'score.py')
    const { stdout } = await run('python3', [script, '--json', '--n-bootstrap', '0', await truthDir(corpus, dir), ...files], { maxBuffer: 64 * 1024 * 1024 })
    const systems = (JSON.parse(stdout) as { systems: PythonSystem[] }).systems
    const lines = results.flatMap((result, index) => compareOne(`${track} ${result.name}`, result, systems[index] as PythonSystem))
    return { ok: !lines.some((line) => line.startsWith('MISMATCH')), lines }
  } catch (error) {
    return { ok: false, lines: [`${track}: could not run score.py (${String(error).split('\n')[0]}): is python3 installed and ${path.join(shared, 'tools', 'score.py')} there?`] }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
