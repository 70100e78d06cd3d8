import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.ts'
import type { RunReport } from '../../src/report/types.ts'
import { innerTextDump, writeArticleVariants } from '../helpers/article.ts'
import { spyIo } from '../helpers/io.ts'
import { writeZip } from '../helpers/zip.ts'

const run = promisify(execFile)

async function readJsonl(file: string): Promise<Record<string, unknown>[]> {
  const content = await readFile(file, 'utf8')
  return content.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as Record<string, unknown>)
}

async function mixedInput(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-e2e-'))
  const input = path.join(root, 'input')
  await writeArticleVariants(path.join(input, 'article'))
  await mkdir(path.join(input, 'bad'), { recursive: true })
  await writeFile(path.join(input, 'bad', 'empty.txt'), '')
  await writeFile(path.join(input, 'bad', 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
  await writeFile(path.join(input, 'bad', 'broken.jsonl'), `${JSON.stringify({ text: innerTextDump().replace(/barrier/g, 'wall').replace(/gates/g, 'doors') })}\n{"text": "cut off\n`)
  await writeFile(path.join(input, 'bad', 'truncated.zip'), writeZip([['a.txt', innerTextDump()]]).subarray(0, 60))
  await writeFile(path.join(input, 'bad', 'feed.xml'), '<rss><channel><item><title>Unclosed</title></channel>')
  return root
}

describe('sluice run (in-process)', () => {
  let root: string
  let report: RunReport
  let code: number
  let io: ReturnType<typeof spyIo>
  beforeAll(async () => {
    root = await mixedInput()
    io = spyIo()
    code = await main(['run', '--input', path.join(root, 'input'), '--output', path.join(root, 'output'), '--concurrency', '3'], io)
    report = JSON.parse(await readFile(path.join(root, 'output', 'report.json'), 'utf8')) as RunReport
  })

  it('finishes with exit 0 and a summary', () => {
    expect(io.err()).toBe('')
    expect(code).toBe(0)
    expect(io.out()).toMatch(/sluice: \d+ documents from \d+ inputs/)
  })

  it('accounts for every input file', async () => {
    const seen = new Set([...report.inputs.map((input) => input.path), ...report.skipped.map((entry) => entry.path)])
    expect([...seen].sort()).toEqual(['article/a-dump.txt', 'article/b-cp1252.txt', 'article/c-mojibake.txt', 'article/d-record.jsonl', 'article/e-feed.xml', 'article/f-archive.zip', 'bad/broken.jsonl', 'bad/empty.txt', 'bad/feed.xml', 'bad/picture.png', 'bad/truncated.zip'])
    const clean = await readJsonl(path.join(root, 'output', 'clean.jsonl'))
    const rejects = await readJsonl(path.join(root, 'output', 'rejects.jsonl'))
    expect(clean.length + rejects.length).toBe(report.run.counts.documents)
  })

  it('keeps the article once and rejects its copies as duplicates', async () => {
    const clean = await readJsonl(path.join(root, 'output', 'clean.jsonl'))
    const rejects = await readJsonl(path.join(root, 'output', 'rejects.jsonl'))
    expect(clean.map((record) => record.source)).toContain('article/a-dump.txt')
    const duplicates = rejects.filter((record) => record.rule === 'dedupe-docs/duplicate').map((record) => record.source)
    expect(duplicates).toEqual(expect.arrayContaining(['article/b-cp1252.txt', 'article/c-mojibake.txt', 'article/f-archive.zip!/site/flood-barrier.txt']))
  })

  it('reports bad inputs with a rule and, for records, the line', async () => {
    const rejects = await readJsonl(path.join(root, 'output', 'rejects.jsonl'))
    const bySource = new Map(rejects.map((record) => [record.source, record]))
    expect(bySource.get('bad/empty.txt')?.rule).toMatch(/empty/)
    expect(bySource.get('bad/broken.jsonl#2')).toMatchObject({ rule: 'source/malformed-json', line: 2 })
    // The cut falls inside a.txt, so the reject names that entry.
    expect(bySource.get('bad/truncated.zip!/a.txt')?.rule).toBe('source/truncated-archive')
    expect([...bySource.keys()].some((source) => String(source).startsWith('bad/feed.xml'))).toBe(true)
    expect(report.skipped.map((entry) => entry.path)).toContain('bad/picture.png')
  })

  it('gives the same bytes at any concurrency', async () => {
    const single = path.join(root, 'output-1')
    await main(['run', '--input', path.join(root, 'input'), '--output', single, '--concurrency', '1'], spyIo())
    for (const name of ['clean.jsonl', 'rejects.jsonl']) {
      expect(await readFile(path.join(single, name), 'utf8')).toBe(await readFile(path.join(root, 'output', name), 'utf8'))
    }
  })

  it('exits 1 under --strict when something was rejected', async () => {
    expect(await main(['run', '--input', path.join(root, 'input', 'bad'), '--output', path.join(root, 'strict'), '--strict'], spyIo())).toBe(1)
  })
})

describe('sluice CLI contracts', () => {
  it('exits 2 with a sentence for a bad option value', async () => {
    const io = spyIo()
    expect(await main(['run', '--concurrency', '0'], io)).toBe(2)
    expect(io.err()).toContain('Expected `--concurrency` to be a positive integer, got "0".')
  })

  it('exits 2 with a sentence naming an input path that does not exist, writing nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-typo-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    const io = spyIo()
    const typo = path.join(root, 'dumpp.txt')
    expect(await main(['run', '--input', path.join(root, 'dump.txt'), '--input', typo, '--output', path.join(root, 'out')], io)).toBe(2)
    expect(io.err()).toContain(`Input ${typo} does not exist`)
    await expect(readdir(path.join(root, 'out'))).rejects.toThrow()
  })

  it('refuses an output folder that is an input folder, and skips one inside an input folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-nested-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    const io = spyIo()
    expect(await main(['run', '--input', root, '--output', root], io)).toBe(2)
    expect(io.err()).toContain(`Input ${root} is also the output folder`)
    const inside = path.join(root, 'out')
    for (let run = 0; run < 2; run += 1) expect(await main(['run', '--input', root, '--output', inside], spyIo())).toBe(0)
    const report = JSON.parse(await readFile(path.join(inside, 'report.json'), 'utf8')) as RunReport
    expect(report.run.counts).toMatchObject({ documents: 1, kept: 1, skipped: 1 })
    expect(report.skipped).toEqual([{ path: 'out/', reason: expect.stringContaining('sluice output folder') }])
  })

  it('reads paths given without --input, and prints its version', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-positional-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    expect(await main(['run', path.join(root, 'dump.txt'), '--output', path.join(root, 'out')], spyIo())).toBe(0)
    const report = JSON.parse(await readFile(path.join(root, 'out', 'report.json'), 'utf8')) as RunReport
    expect(report.run.counts).toMatchObject({ documents: 1, kept: 1 })
    const io = spyIo()
    expect(await main(['--version'], io)).toBe(0)
    expect(io.out().trim()).toMatch(/^\d+\.\d+\.\d+$/u)
  })

  it('explains what each stage did, by rule id', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-explain-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    const io = spyIo()
    expect(await main(['explain', path.join(root, 'dump.txt'), '--config', 'pipeline.config.ts'], io)).toBe(0)
    expect(io.out()).toMatch(/drop-chrome\/[a-z-]+/)
    expect(io.out()).toMatch(/→ kept/)
  })

  it('cleans JSON lines from stdin in order, answering bad lines', async () => {
    const io = spyIo([JSON.stringify({ id: 'a', text: innerTextDump() }), 'not json', '', JSON.stringify({ id: 'c', text: '\u201CHi\u201D there, this is a short line.' })])
    expect(await main(['clean-text', '--stages', 'decode,normalize-quotes,segment', '--sentences'], io)).toBe(0)
    const answers = io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(answers.map((answer) => answer.id)).toEqual(['a', 2, 3, 'c'])
    expect(answers[1]?.error).toMatch(/not valid JSON/)
    expect(answers[2]?.error).toMatch(/^Line 3 of standard input is blank/)
    expect(answers[3]?.text).toBe('"Hi" there, this is a short line.')
    expect(answers[3]?.sentences).toEqual(['"Hi" there, this is a short line.'])
  })

  it('rejects an unknown stage name in --stages', async () => {
    const io = spyIo()
    expect(await main(['clean-text', '--stages', 'decode,nope'], io)).toBe(2)
    expect(io.err()).toContain('Unknown stage `nope`')
  })
})

describe('sluice binary (spawned)', () => {
  it('prints help and runs on a folder', async () => {
    const help = await run('npx', ['tsx', 'src/cli.ts', '--help'])
    expect(help.stdout).toMatch(/clean-text/)
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-spawn-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    const result = await run('npx', ['tsx', 'src/cli.ts', 'run', '--input', root, '--output', path.join(root, 'out')])
    expect(result.stdout).toMatch(/kept 1/)
  })
})

describe('sluice run with an unusable output folder', () => {
  it('exits 2 with a sentence naming the output', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-blocked-'))
    await writeFile(path.join(root, 'dump.txt'), innerTextDump())
    await writeFile(path.join(root, 'taken'), 'a file where the output folder should be')
    const io = spyIo()
    expect(await main(['run', '--input', path.join(root, 'dump.txt'), '--output', path.join(root, 'taken')], io)).toBe(2)
    expect(io.err()).toMatch(/^Output .*taken is a file, not a folder; give a folder/u)
  })
})
