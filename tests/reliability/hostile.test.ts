/**
 * Hostile and broken inputs through the whole pipeline (the source-level cases — zips, feeds,
 * binary files — are in tests/sources): each ends kept or rejected with a reason on record and
 * the batch completes; broken output targets (a folder in the way, a full disk) end with exit
 * 2, a sentence, and no output file that looks complete. The 200 MB page and the 500 MB line
 * run in `npm run fuzz -- --large`; here smaller sizes take the same paths.
 */
import { existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { main } from '../../src/cli.ts'
import { runPipeline } from '../../src/core/run.ts'
import type { RunResult } from '../../src/core/run.ts'
import type { CleanRecord, RejectRecord } from '../../src/sinks/records.ts'
import { spyIo } from '../helpers/io.ts'
import { dump, paragraph } from './corpus.ts'

const LIMIT = 1_500_000

/** Each hostile file, and what must become of it. */
const cases: { file: string; content?: string | Uint8Array; expected: 'kept' | string; check?: (record: CleanRecord) => void }[] = [
  { file: 'nested.html', content: `<html><body>${'<div>'.repeat(100_000)}<p>${paragraph(5, 5)}</p>${'</div>'.repeat(100_000)}</body></html>`, expected: 'kept', check: (record) => expect(record.text).toContain('number 5-4.') },
  { file: 'script-only.html', content: `<html><head><script>${'var x = 1;'.repeat(1000)}</script></head><body><script>document.write("hi")</script></body></html>`, expected: 'extract/no-content' },
  { file: 'long-line.txt', content: 'the council met '.repeat(Math.ceil((LIMIT * 1.4) / 16)), expected: 'runner/too-large' },
  { file: 'nul.txt', content: dump(61).replace(/ council /gu, ' coun\u0000cil '), expected: 'kept', check: (record) => expect(record.text).not.toContain('\u0000') },
  { file: 'invalid-utf8.txt', content: Buffer.concat([Buffer.from(dump(62).slice(0, 300)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]), Buffer.from(dump(62).slice(300))]), expected: 'kept', check: (record) => expect(record.text).toContain('Council story 62') },
  { file: 'utf16-no-bom.txt', content: Buffer.from(dump(63), 'utf16le'), expected: 'kept', check: (record) => expect(record.text).toContain('Council story 63\n\n') },
  { file: 'empty.txt', content: '', expected: 'source/empty' },
  { file: 'dangling.txt', expected: 'source/unreadable' },
  { file: 'loop.txt', expected: 'source/unreadable' },
  { file: 'vanished.txt', content: dump(64), expected: 'source/unreadable' },
]

let folder = ''
let result: RunResult
let kept = new Map<string, CleanRecord>()
let rejected = new Map<string, RejectRecord>()

const lines = <T>(text: string): T[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T)

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'sluice-hostile-'))
  const input = path.join(folder, 'input')
  await mkdir(input)
  for (const { file, content } of cases) if (content !== undefined) await writeFile(path.join(input, file), content)
  await symlink(path.join(input, 'no-such-target.txt'), path.join(input, 'dangling.txt'))
  await symlink(path.join(input, 'loop.txt'), path.join(input, 'loop.txt'))
  // Good documents around the hostile ones, so the read-ahead is well past the first document.
  for (let index = 0; index < 10; index += 1) await writeFile(path.join(input, `good-${index}.txt`), dump(80 + index))
  const hooks = {
    // The file vanishes after discovery, while the run is under way.
    onDocument: (progress: { done: number }) => void (progress.done === 1 && rm(path.join(input, 'vanished.txt'))),
  }
  result = await runPipeline({ input, output: path.join(folder, 'out'), workers: 0, concurrency: 1, limits: { maxDocumentBytes: LIMIT } }, hooks)
  kept = new Map(lines<CleanRecord>(await readFile(path.join(folder, 'out', 'clean.jsonl'), 'utf8')).map((record) => [record.source, record]))
  rejected = new Map(lines<RejectRecord>(await readFile(path.join(folder, 'out', 'rejects.jsonl'), 'utf8')).map((record) => [record.source, record]))
}, 60_000)
afterAll(() => rm(folder, { recursive: true, force: true }))

describe('hostile inputs through the whole pipeline', () => {
  it.each(cases)('$file → $expected', ({ file, expected, check }) => {
    if (expected === 'kept') {
      const record = kept.get(file)
      expect(record, `${file} was rejected: ${rejected.get(file)?.reason}`).toBeDefined()
      check?.(record as CleanRecord)
    } else {
      expect(rejected.get(file)?.rule).toBe(expected)
      expect(rejected.get(file)?.reason.length).toBeGreaterThan(30)
    }
  })

  it('completes the batch with every input accounted for', () => {
    expect(result.exitCode).toBe(0)
    expect(result.report.run.counts.documents).toBe(cases.length + 10)
    expect(kept.size + rejected.size).toBe(cases.length + 10)
  })
})

describe('outputs that cannot be written', () => {
  async function setUp(name: string): Promise<{ input: string; output: string }> {
    const root = await mkdtemp(path.join(tmpdir(), `sluice-${name}-`))
    onTestFinished(() => rm(root, { recursive: true, force: true }))
    await writeFile(path.join(root, 'a.txt'), dump(1))
    await writeFile(path.join(root, 'b.txt'), dump(2))
    await mkdir(path.join(root, 'out'))
    return { input: root, output: path.join(root, 'out') }
  }

  it('a full disk (ENOSPC): exit 2, a sentence, no output that looks complete', async () => {
    const { input, output } = await setUp('enospc')
    // The writers write to <name>.tmp-<pid>; pointing that at /dev/full makes every write fail with ENOSPC.
    await symlink('/dev/full', path.join(output, `clean.jsonl.tmp-${process.pid}`))
    const io = spyIo()
    expect(await main(['run', '-i', path.join(input, 'a.txt'), '-i', path.join(input, 'b.txt'), '-o', output, '--workers', '0'], io)).toBe(2)
    expect(io.err()).toMatch(/Cannot write the outputs to .*out: ENOSPC.*disk has room/u)
    expect(await readdir(output)).toEqual([])
  })

  it('a folder where clean.jsonl should go: exit 2, and the folder is left alone', async () => {
    const { input, output } = await setUp('blocked')
    await mkdir(path.join(output, 'clean.jsonl', 'inside'), { recursive: true })
    const io = spyIo()
    expect(await main(['run', '-i', path.join(input, 'a.txt'), '-o', output, '--workers', '0'], io)).toBe(2)
    expect(io.err()).toMatch(/Cannot write the outputs to .*out: .*clean\.jsonl/u)
    expect(io.err()).toMatch(/--resume/u)
    expect(statSync(path.join(output, 'clean.jsonl')).isDirectory()).toBe(true)
    expect(existsSync(path.join(output, 'report.json'))).toBe(false)
  })
})
