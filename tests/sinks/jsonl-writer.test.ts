import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createJsonlWriter } from '../../src/sinks/jsonl-writer.ts'

describe('createJsonlWriter', () => {
  it('shows the file under its final name only after commit', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'sluice-writer-'))
    const file = path.join(directory, 'clean.jsonl')
    const writer = createJsonlWriter(file)
    for (let index = 0; index < 20_000; index += 1) await writer.write({ index, text: 'x'.repeat(50) })
    expect(existsSync(file)).toBe(false)
    await writer.commit()
    const lines = (await readFile(file, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(20_000)
    expect(JSON.parse(lines[19_999] as string)).toEqual({ index: 19_999, text: 'x'.repeat(50) })
    expect(await readdir(directory)).toEqual(['clean.jsonl'])
  })

  it('leaves nothing behind on abort', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'sluice-writer-'))
    const writer = createJsonlWriter(path.join(directory, 'clean.jsonl'))
    await writer.write({ a: 1 })
    await writer.abort()
    expect(await readdir(directory)).toEqual([])
  })

  it('fails with the file system error when the folder is missing', async () => {
    const writer = createJsonlWriter(path.join(tmpdir(), 'sluice-no-such-folder', 'x', 'clean.jsonl'))
    await expect(writer.commit()).rejects.toThrow(/ENOENT/)
  })
})
