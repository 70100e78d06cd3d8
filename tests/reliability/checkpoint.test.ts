/**
 * Checkpoints in process: a run that crashes after a checkpoint resumes to the same bytes; a
 * resume refuses a changed config, changed inputs or a damaged checkpoint with a sentence; the
 * output lock; state a checkpoint cannot restore turns checkpoints off with a note; and the
 * resumable writer's truncation, seeding and rename-back.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKPOINT_FILE, readCheckpoint, RunRefusedError } from '../../src/core/checkpoint.ts'
import { runPipeline } from '../../src/core/run.ts'
import type { Stage } from '../../src/core/stage.ts'
import type { UserConfig } from '../../src/config/schema.ts'
import { openResumableWriter } from '../../src/sinks/resumable-writer.ts'
import { defaultStages } from '../../src/stages/index.ts'
import { writeCorpus } from './corpus.ts'

const SIZE = { dumps: 6, pages: 2, records: 14, feedItems: 2, zipped: 2 }
let root = ''
let input = ''
let reference: string[] = []

const config = (output: string, extra: Partial<UserConfig> = {}): UserConfig => ({ input, output, workers: 0, concurrency: 4, checkpoint: { everyDocuments: 3 }, ...extra })

async function files(directory: string): Promise<string[]> {
  return Promise.all(['clean.jsonl', 'rejects.jsonl'].map((name) => readFile(path.join(directory, name), 'utf8')))
}

/** Runs until `after` documents are written, then fails the way a crash mid-run would. */
async function crash(output: string, after: number, extra: Partial<UserConfig> = {}): Promise<unknown> {
  return runPipeline(config(output, extra), {
    onDocument(progress) {
      if (progress.done === after) throw new Error('simulated crash')
    },
  }).catch((error: unknown) => error)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-checkpoint-'))
  input = await writeCorpus(root, SIZE)
  await runPipeline(config(path.join(root, 'reference')))
  reference = await files(path.join(root, 'reference'))
}, 30_000)
afterAll(() => rm(root, { recursive: true, force: true }))

describe('resume in process', () => {
  it('goes on from the last checkpoint of a crashed run to the same bytes', async () => {
    const output = path.join(root, 'crashed')
    const error = await crash(output, 14)
    expect(String(error)).toMatch(/simulated crash.*kept in .* --resume/su)
    const checkpoint = await readCheckpoint(output)
    expect(checkpoint?.meta.emitted).toBeGreaterThan(0)
    expect(await readdir(output)).not.toContain('clean.jsonl')
    const resumed = await runPipeline(config(output), {}, { resume: true })
    expect(resumed.notes?.[0]).toMatch(/Resumed from the checkpoint .* after \d+ documents/u)
    expect(await files(output)).toEqual(reference)
    expect((await readdir(output)).filter((name) => name.startsWith('.sluice'))).toEqual([])
  })

  it('starts from the beginning when there is no checkpoint', async () => {
    const result = await runPipeline(config(path.join(root, 'none')), {}, { resume: true })
    expect(result.notes?.[0]).toMatch(/No checkpoint/u)
    expect(await files(path.join(root, 'none'))).toEqual(reference)
  })

  it('refuses a changed config, changed inputs and a damaged checkpoint, with a sentence', async () => {
    const output = path.join(root, 'refused')
    await crash(output, 10)
    const changed = runPipeline(config(output, { stages: defaultStages({ dedupeDocs: { ignoreCase: true } }) }), {}, { resume: true })
    await expect(changed).rejects.toThrow(/Cannot resume: the config changed .* run without --resume/u)
    await writeFile(path.join(input, 'dumps', 'late.txt'), 'A file that arrived after the crash.\n')
    try {
      await expect(runPipeline(config(output), {}, { resume: true })).rejects.toThrow(/inputs changed since the checkpoint/u)
    } finally {
      await rm(path.join(input, 'dumps', 'late.txt'))
    }
    await writeFile(path.join(output, CHECKPOINT_FILE), '{"version": 1, "stateFile": ".sluice-checkpoint-1.state"')
    await expect(runPipeline(config(output), {}, { resume: true })).rejects.toThrow(RunRefusedError)
    await expect(runPipeline(config(output), {}, { resume: true, incremental: path.join(root, 'state') })).rejects.toThrow(/damaged/u)
  })

  it('refuses --resume with an output format it cannot continue', async () => {
    await expect(runPipeline(config(path.join(root, 'gz'), { outputFormat: { compress: true } }), {}, { resume: true })).rejects.toThrow(/plain clean\.jsonl output/u)
  })
})

describe('output lock and unrestorable state', () => {
  it('refuses an output folder a live process holds, and takes over a dead one', async () => {
    const output = path.join(root, 'locked')
    await runPipeline(config(output))
    await writeFile(path.join(output, '.sluice-lock'), `${process.ppid}\n`)
    await expect(runPipeline(config(output))).rejects.toThrow(/Another sluice run \(process \d+\) is writing to/u)
    await writeFile(path.join(output, '.sluice-lock'), '4194303\n')
    await expect(runPipeline(config(output))).resolves.toMatchObject({ exitCode: 0 })
  })

  it('turns checkpoints off, with a note, when an ordered stage keeps state that cannot be restored', async () => {
    class Memory {
      seen = 0
    }
    const counting: Stage = { name: 'count-things', rules: [], ordered: true, run: (doc, context) => (context.run.state('count-things', () => new Memory()).seen++, doc) }
    const result = await runPipeline(config(path.join(root, 'class-state'), { stages: [...defaultStages(), counting] }))
    expect(result.notes?.join(' ')).toMatch(/Checkpoints are off for this run: ordered stage state\.count-things \(Memory instance\)/u)
  })
})

describe('resumable writer', () => {
  it('truncates to the checkpoint, appends to a seed, and takes back a file already renamed', async () => {
    const final = path.join(root, 'writer.jsonl')
    const first = await openResumableWriter(final, { temporary: `${final}.tmp-1` })
    await first.write({ n: 1 })
    const mark = await first.flush()
    await first.write({ n: 2 })
    await first.flush()
    await first.close()
    const resumed = await openResumableWriter(final, { temporary: `${final}.tmp-1`, resumeAt: mark })
    await resumed.write({ n: 3 })
    await resumed.commit()
    expect(await readFile(final, 'utf8')).toBe('{"n":1}\n{"n":3}\n')
    const again = await openResumableWriter(final, { temporary: `${final}.tmp-2`, resumeAt: 16 })
    await again.commit()
    expect(await readFile(final, 'utf8')).toBe('{"n":1}\n{"n":3}\n')
    const seeded = await openResumableWriter(final, { seed: final })
    await seeded.write({ n: 4 })
    await seeded.commit()
    expect(await readFile(final, 'utf8')).toBe('{"n":1}\n{"n":3}\n{"n":4}\n')
    await expect(openResumableWriter(final, { temporary: `${final}.tmp-3`, resumeAt: 99 })).rejects.toThrow(/partial output .* is gone/u)
  })
})
