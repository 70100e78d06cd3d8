import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileBlob } from '../../src/sources/blob.ts'
import { classify } from '../../src/sources/discover.ts'
import { sourceRules } from '../../src/sources/index.ts'
import { readBlob } from '../../src/sources/read.ts'
import { collect, labels, options, seeds, tempFolder, writeTree } from './helpers.ts'

describe('discover: order and labels', () => {
  it('walks folders recursively in byte-wise order of relative paths', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'b.txt': 'b', 'a/z.txt': 'z', 'a-c.txt': 'ac', 'A.txt': 'A', 'a/b/c.txt': 'c', 'é.txt': 'e', 'a.txt': 'a' })
    // '-' (0x2D) sorts before '/' (0x2F), so a-c.txt comes before the a/ folder; 'A' before 'a'; 'é' last.
    expect(labels(await collect([folder]))).toEqual(['A.txt', 'a-c.txt', 'a.txt', 'a/b/c.txt', 'a/z.txt', 'b.txt', 'é.txt'])
  })

  it('labels folder files relative to the folder, explicit files relative to the working directory or root', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'site/a.txt': 'a', 'one.txt': 'one' })
    expect(labels(await collect([path.join(folder, 'site')]))).toEqual(['a.txt'])
    expect(labels(await collect([path.join(folder, 'one.txt')], options(), folder))).toEqual(['one.txt'])
    expect(labels(await collect([path.join(folder, 'site')], options(), folder))).toEqual(['site/a.txt'])
    const relative = path.relative(process.cwd(), path.join(folder, 'one.txt')).split(path.sep).join('/')
    expect(labels(await collect([path.join(folder, 'one.txt')]))).toEqual([relative])
  })

  it('reads inputs in the order given', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'z.txt': 'z', 'a.txt': 'a' })
    expect(labels(await collect([path.join(folder, 'z.txt'), path.join(folder, 'a.txt')], options(), folder))).toEqual(['z.txt', 'a.txt'])
  })

  it('skips OS junk, hidden folders and unsupported formats with a reason', async () => {
    const folder = tempFolder()
    writeTree(folder, { '.DS_Store': 'x', '__MACOSX/._a.txt': 'x', '._b.txt': 'x', '.git/config': 'x', 'Thumbs.db': 'x', 'photo.png': 'x', 'README': 'x', 'a.txt': 'a', 'dump.tar.gz': 'x' })
    const items = await collect([folder])
    expect(labels(items)).toEqual([
      '.DS_Store (skipped)',
      '._b.txt (skipped)',
      '.git/ (skipped)',
      'README (skipped)',
      'Thumbs.db (skipped)',
      '__MACOSX/ (skipped)',
      'a.txt',
      'dump.tar.gz (skipped)',
      'photo.png (skipped)',
    ])
    const reasons = Object.fromEntries(items.flatMap((item) => (item.kind === 'skipped' ? [[item.skipped.path, item.skipped.reason]] : [])))
    expect(reasons['photo.png']).toMatch(/^unsupported format \.png: sluice reads \.txt, \.html/)
    expect(reasons['README']).toMatch(/no file extension/)
    expect(reasons['dump.tar.gz']).toMatch(/tar archives/)
    expect(reasons['__MACOSX/']).toMatch(/OS junk/)
  })

  it('does not loop on a symbolic link back into the tree', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'a/x.txt': 'x' })
    symlinkSync(folder, path.join(folder, 'a', 'loop'))
    expect(labels(await collect([folder]))).toEqual(['a/loop/ (skipped)', 'a/x.txt'])
  })

  it("skips a folder holding a run's output lock: a run never reads its own (or another run's) outputs", async () => {
    const folder = tempFolder()
    writeTree(folder, { 'a.txt': 'a', 'output/.sluice-lock': '123', 'output/clean.jsonl': '{"text":"x"}', 'output/sub/b.txt': 'b', 'z.txt': 'z' })
    const items = await collect([folder])
    expect(labels(items)).toEqual(['a.txt', 'output/ (skipped)', 'z.txt'])
    expect(items.find((item) => item.kind === 'skipped')).toMatchObject({ skipped: { reason: expect.stringContaining('sluice output folder') } })
  })

  it('reports a missing input as a fatal seed', async () => {
    const items = await collect(['/definitely/not/here.txt'])
    expect(labels(items)).toEqual(['/definitely/not/here.txt !source/unreadable'])
    expect(seeds(items)[0]?.messages?.[0]?.reason).toMatch(/no such file or directory \(ENOENT\)/)
  })

  it('reports a file that vanished after discovery as unreadable', async () => {
    const items = []
    for await (const item of readBlob(fileBlob('/tmp/sluice-vanished.txt', { path: 'vanished.txt' }, 'vanished.txt', 10), options())) items.push(item)
    expect(labels(items)).toEqual(['vanished.txt !source/unreadable'])
  })

  it('classifies by extension, case-insensitively', () => {
    expect(classify('A.HTM')).toEqual({ kind: 'html' })
    expect(classify('feed.atom')).toEqual({ kind: 'feed' })
    expect(classify('x.NDJSON')).toEqual({ kind: 'jsonl' })
    expect(classify('x.jsonl.gz')).toEqual({ kind: 'gzip' })
    expect(classify('notes.pdf')).toHaveProperty('skip')
  })

  it('every fatal rule id is namespaced and kebab-case', () => {
    for (const rule of sourceRules) expect(rule).toMatch(/^source\/[a-z]+(-[a-z]+)*$/)
  })
})

describe('discover: special files', () => {
  it('skips a named pipe instead of blocking on it', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'a.txt': 'a' })
    execFileSync('mkfifo', [path.join(folder, 'pipe.txt')])
    expect(labels(await collect([folder]))).toEqual(['a.txt', 'pipe.txt (skipped)'])
  })
})
