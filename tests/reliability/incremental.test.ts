/**
 * `--incremental STATE_DIR` over three "nights": unchanged inputs are skipped and named in the
 * report, new documents are appended (so the outputs equal one run over everything), dedupe
 * state carries over, a changed file is read again, and a changed config or edited outputs
 * invalidate the state.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runPipeline } from '../../src/core/run.ts'
import type { UserConfig } from '../../src/config/schema.ts'
import { defaultStages } from '../../src/stages/index.ts'
import { dump } from './corpus.ts'

let root = ''
let input = ''
let state = ''

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-incremental-'))
  input = path.join(root, 'input')
  state = path.join(root, 'state')
  await mkdir(path.join(input, 'a'), { recursive: true })
  for (let index = 0; index < 4; index += 1) await writeFile(path.join(input, 'a', `n${index}.txt`), dump(index))
})
afterEach(() => rm(root, { recursive: true, force: true }))

const base = (output: string, extra: Partial<UserConfig> = {}): UserConfig => ({ input, output, workers: 0, concurrency: 2, ...extra })

async function night(output: string, extra: Partial<UserConfig> = {}) {
  return runPipeline(base(output, extra), {}, { incremental: state })
}

async function outputs(directory: string): Promise<string[]> {
  return Promise.all(['clean.jsonl', 'rejects.jsonl'].map((name) => readFile(path.join(directory, name), 'utf8')))
}

async function addNight2(): Promise<void> {
  await mkdir(path.join(input, 'b'), { recursive: true })
  await writeFile(path.join(input, 'b', 'm0.txt'), dump(20))
  await writeFile(path.join(input, 'b', 'm1.txt'), dump(2)) // the same article as a/n2.txt
  await writeFile(path.join(input, 'b', 'm2.txt'), 'Too short.\n')
}

describe('sluice run --incremental', () => {
  it('skips unchanged inputs, appends new documents, and ends where one full run would', async () => {
    const output = path.join(root, 'out')
    const first = await night(output)
    expect(first.report.incremental).toMatchObject({ status: 'first-run', appended: false, skippedUnchangedCount: 0 })
    await addNight2()
    const second = await night(output)
    expect(second.report.incremental).toMatchObject({ status: 'continued', appended: true, previousDocuments: 4, skippedUnchanged: ['a/n0.txt', 'a/n1.txt', 'a/n2.txt', 'a/n3.txt'] })
    expect(second.report.run.counts).toMatchObject({ documents: 3, kept: 1, rejected: 2 })
    const rejects = (await outputs(output))[1] as string
    expect(rejects).toMatch(/"source":"b\/m1.txt".*"rule":"dedupe-docs\/duplicate".*Same text as a\/n2.txt/u)
    const full = await runPipeline(base(path.join(root, 'full')))
    expect(await outputs(output)).toEqual(await outputs(path.join(root, 'full')))
    expect(full.report.run.counts.documents).toBe(7)
    const third = await night(output)
    expect(third.report.incremental?.skippedUnchangedCount).toBe(7)
    expect(third.report.run.counts.documents).toBe(0)
    expect(await outputs(output)).toEqual(await outputs(path.join(root, 'full')))
  })

  it('reads a changed file again and appends what is new in it', async () => {
    const output = path.join(root, 'out')
    await night(output)
    const before = (await outputs(output))[0] as string
    await writeFile(path.join(input, 'a', 'n1.txt'), dump(31))
    const again = await night(output)
    expect(again.report.incremental?.skippedUnchanged).toEqual(['a/n0.txt', 'a/n2.txt', 'a/n3.txt'])
    expect(again.report.run.counts.kept).toBe(1)
    const after = (await outputs(output))[0] as string
    expect(after.startsWith(before)).toBe(true)
    expect(after.trim().split('\n')).toHaveLength(5)
  })

  it('starts over when the config changes or the outputs were edited', async () => {
    const output = path.join(root, 'out')
    await night(output)
    const changed = await night(output, { stages: defaultStages({ dedupeDocs: { ignoreCase: true } }) })
    expect(changed.report.incremental).toMatchObject({ status: 'invalidated', appended: false, skippedUnchangedCount: 0 })
    expect(changed.report.incremental?.reason).toMatch(/config changed/u)
    expect(changed.report.run.counts.documents).toBe(4)
    await appendFile(path.join(output, 'clean.jsonl'), '{"edited": true}\n')
    const edited = await night(output, { stages: defaultStages({ dedupeDocs: { ignoreCase: true } }) })
    expect(edited.report.incremental?.reason).toMatch(/clean\.jsonl is not the file the last run wrote/u)
    expect((await outputs(output))[0]).not.toMatch(/edited/u)
  })
})
