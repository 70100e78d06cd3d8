/**
 * Checkpoints in process: a run that crashes after a checkpoint resumes to the same bytes; a
 * resume refuses a changed config, changed inputs or a damaged checkpoint with a sentence; the
 * output lock; state a checkpoint cannot restore turns checkpoints off with a note; and the
 * resumable writer's truncation, seeding and rename-back.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKPOINT_FILE, CHECKPOINT_VERSION, readCheckpoint, RunRefusedError, writeCheckpoint } from '../../src/core/checkpoint.ts'
import { blobName } from '../../src/core/state-codec.ts'
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

describe('checkpoint blobs', () => {
  const meta = { version: CHECKPOINT_VERSION, runKey: 'k', inputFingerprint: 'f', phase: 'running' as const, files: { clean: { temporary: 'c', bytes: 0 }, rejects: { temporary: 'r', bytes: 0 } } }
  const blobs = async (directory: string): Promise<string[]> => (await readdir(directory)).filter((name) => name.startsWith('.sluice-blob-')).sort()

  it('writes an unchanged array once, drops blobs no checkpoint names, and restores the newest state', async () => {
    const directory = path.join(root, 'blobs')
    await mkdir(directory, { recursive: true })
    const full = new Uint32Array(50_000).fill(7)
    const growing = new Int32Array(50_000)
    await writeCheckpoint(directory, { ...meta, emitted: 1 }, { full, growing }, 1)
    const first = `.sluice-blob-${blobName(full)}.bin`
    expect(await blobs(directory)).toHaveLength(2)
    const before = await stat(path.join(directory, first))
    growing[9] = 42
    await writeCheckpoint(directory, { ...meta, emitted: 2 }, { full, growing }, 2)
    const after = await blobs(directory)
    expect(after).toHaveLength(2)
    expect(after).toContain(first)
    expect((await stat(path.join(directory, first))).mtimeMs).toBe(before.mtimeMs)
    const restored = await readCheckpoint(directory)
    expect(restored?.state).toEqual({ full, growing })
    expect(restored?.meta.emitted).toBe(2)
  })

  it.skipIf(!existsSync('/dev/full'))('rejects on a full disk and keeps the last checkpoint, instead of throwing as for state it cannot hold', async () => {
    const directory = path.join(root, 'disk-full')
    await mkdir(directory, { recursive: true })
    await writeCheckpoint(directory, { ...meta, emitted: 1 }, { seen: 1 }, 1)
    await symlink('/dev/full', path.join(directory, `.sluice-checkpoint-2.state.tmp-${process.pid}`))
    let written: Promise<void> | undefined
    expect(() => (written = writeCheckpoint(directory, { ...meta, emitted: 2 }, { seen: 2 }, 2))).not.toThrow()
    await expect(written).rejects.toThrow(/ENOSPC/u)
    const restored = await readCheckpoint(directory)
    expect(restored?.state).toEqual({ seen: 1 })
    expect(restored?.meta.emitted).toBe(1)
    expect(() => writeCheckpoint(directory, { ...meta, emitted: 3 }, { run: () => 3 }, 3)).toThrow()
  })

  it('refuses a checkpoint whose blob is damaged or missing', async () => {
    const directory = path.join(root, 'blobs-damaged')
    await mkdir(directory, { recursive: true })
    await writeCheckpoint(directory, { ...meta, emitted: 1 }, { big: new Float64Array(20_000).fill(0.5) }, 1)
    const [blob] = await blobs(directory)
    await writeFile(path.join(directory, blob as string), 'not the bytes')
    await expect(readCheckpoint(directory)).rejects.toThrow(/is damaged \(\.sluice-blob-[0-9a-f]+\.bin does not match its checksum\)/u)
    await rm(path.join(directory, blob as string))
    await expect(readCheckpoint(directory)).rejects.toThrow(/is missing/u)
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
