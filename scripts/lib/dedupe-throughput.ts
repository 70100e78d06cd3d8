/**
 * Pipeline throughput with and without near-dedupe, for `npm run eval:dedupe`: the set is written
 * as text files to a temporary folder and run twice through the default stages, once without
 * the near-dedupe stage; each configuration runs twice and the faster run counts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runPipeline } from '../../src/core/run.ts'
import type { Stage } from '../../src/core/stage.ts'
import { defaultStages } from '../../src/stages/index.ts'
import { nearDedupe } from '../../src/stages/near-dedupe.ts'
import type { EvalDoc } from './dedupe-set.ts'

async function timeRun(input: string, output: string, stages: Stage[]): Promise<{ seconds: number; kept: number; stageMs: number }> {
  const started = performance.now()
  const { report } = await runPipeline({ input, output, stages })
  const stageMs = report.stages.find((stage) => stage.name === 'near-dedupe')?.milliseconds ?? 0
  return { seconds: (performance.now() - started) / 1000, kept: report.run.counts.kept, stageMs }
}

/** Prints docs/s with and without near-dedupe; true when the ratio is at least 50%. */
export async function measureThroughput(docs: readonly EvalDoc[]): Promise<boolean> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-dedupe-'))
  try {
    const input = path.join(root, 'input')
    await import('node:fs/promises').then((fs) => fs.mkdir(input))
    for (const [index, doc] of docs.entries()) await writeFile(path.join(input, `${String(index).padStart(5, '0')}.txt`), `${doc.text}\n`)
    const base = defaultStages().filter((stage) => stage.name !== 'near-dedupe')
    const withStage = [...base, nearDedupe()]
    const runs = { without: [] as number[], with: [] as number[] }
    let last = { seconds: 0, kept: 0, stageMs: 0 }
    for (let round = 0; round < 2; round += 1) {
      runs.without.push((await timeRun(input, path.join(root, 'out-a'), base)).seconds)
      last = await timeRun(input, path.join(root, 'out-b'), withStage)
      runs.with.push(last.seconds)
    }
    const rate = (seconds: number[]): number => docs.length / Math.min(...seconds)
    const ratio = rate(runs.with) / rate(runs.without)
    console.log(`\npipeline on ${docs.length} docs: without near-dedupe ${rate(runs.without).toFixed(0)} docs/s, with ${rate(runs.with).toFixed(0)} docs/s (${(ratio * 100).toFixed(0)}%); the stage took ${(last.stageMs / 1000).toFixed(2)} s; ${last.kept} kept`)
    return ratio >= 0.5
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
