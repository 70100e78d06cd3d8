/**
 * Golden end-to-end cases: each folder holds an `input/` tree and the `expected/` outputs.
 * `UPDATE_GOLDEN=1 npm test` rewrites the expectations; review the diff before committing.
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPipeline } from '../../src/core/run.ts'
import type { RunReport } from '../../src/report/types.ts'

const here = path.dirname(new URL(import.meta.url).pathname)
const cases = readdirSync(here, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, 'input'))).map((entry) => entry.name)
const update = process.env.UPDATE_GOLDEN === '1'

/** The report without the fields that change between identical runs. */
function stableReport(report: RunReport): unknown {
  const { startedAt: _started, durationMs: _duration, resources: _resources, input: _input, output: _output, ...run } = report.run
  return { ...report, run, stages: report.stages.map(({ milliseconds: _ms, ...stage }) => stage) }
}

async function check(file: string, actual: string): Promise<void> {
  if (update) {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, actual)
    return
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npm test and review the new file`).toBe(true)
  expect(actual).toBe(await readFile(file, 'utf8'))
}

describe('golden', () => {
  it.each(cases)('%s', async (name) => {
    const output = await mkdtemp(path.join(tmpdir(), `sluice-golden-${name}-`))
    const result = await runPipeline({ input: path.join(here, name, 'input'), output, concurrency: 2, workers: 2 })
    const expected = path.join(here, name, 'expected')
    await check(path.join(expected, 'clean.jsonl'), await readFile(path.join(output, 'clean.jsonl'), 'utf8'))
    await check(path.join(expected, 'rejects.jsonl'), await readFile(path.join(output, 'rejects.jsonl'), 'utf8'))
    await check(path.join(expected, 'report.json'), `${JSON.stringify(stableReport(result.report), null, 2)}\n`)
  })
})
