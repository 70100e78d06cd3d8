import { gunzipSync } from 'node:zlib'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { createCleanSink } from '../../src/sinks/clean-sink.ts'
import { dolmaRecord, resolveAdded } from '../../src/sinks/dolma.ts'
import { OutputFormatSchema } from '../../src/sinks/output-format.ts'
import type { OutputFormatOptions } from '../../src/sinks/output-format.ts'
import type { CleanRecord } from '../../src/sinks/records.ts'

const record = (index: number): CleanRecord => ({
  id: `id${index}`,
  source: `in/${index}.txt`,
  url: 'https://example.com/a',
  published: '2012-07-24',
  lang: 'en',
  text: `Paragraph ${index}.\n\nSecond paragraph.`,
  paragraphs: [`Paragraph ${index}.`, 'Second paragraph.'],
  stats: { words: 4 },
})

async function writeAll(options: OutputFormatOptions, count: number, directory?: string): Promise<{ directory: string; files: string[] }> {
  const folder = directory ?? (await mkdtemp(path.join(tmpdir(), 'sluice-sink-')))
  const sink = createCleanSink(OutputFormatSchema.parse(options), path.join(folder, 'clean.jsonl'))
  for (let index = 0; index < count; index += 1) await sink.write(record(index))
  await sink.commit()
  return { directory: folder, files: sink.files.map((file) => path.basename(file)) }
}

const lines = (text: string): unknown[] => text.trim().split('\n').map((line) => JSON.parse(line) as unknown)

describe('createCleanSink', () => {
  it('writes plain clean.jsonl by default', async () => {
    const { directory, files } = await writeAll({}, 3)
    expect(files).toEqual(['clean.jsonl'])
    expect(lines(await readFile(path.join(directory, 'clean.jsonl'), 'utf8'))).toEqual([record(0), record(1), record(2)])
  })

  it('shards gzipped JSONL by uncompressed size, in order, byte-identically on a rerun', async () => {
    const options = { compress: true, shardBytes: 1000 }
    const first = await writeAll(options, 40)
    const second = await writeAll(options, 40)
    expect(first.files.length).toBeGreaterThan(3)
    expect(first.files[0]).toBe('clean-00000.jsonl.gz')
    expect(second.files).toEqual(first.files)
    const all: unknown[] = []
    for (const file of first.files) {
      const bytes = await readFile(path.join(first.directory, file))
      expect(bytes.readUInt32LE(4)).toBe(0)
      expect(bytes.equals(await readFile(path.join(second.directory, file)))).toBe(true)
      const text = gunzipSync(bytes).toString('utf8')
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1000)
      all.push(...lines(text))
    }
    expect(all).toEqual(Array.from({ length: 40 }, (_, index) => record(index)))
  })

  it('removes shards an earlier, larger run left behind', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'sluice-sink-'))
    await writeFile(path.join(directory, 'clean-00009.jsonl'), 'stale\n')
    await writeFile(path.join(directory, 'clean-notes.txt'), 'keep\n')
    const { files } = await writeAll({ shardBytes: 1_000_000 }, 2, directory)
    expect(files).toEqual(['clean-00000.jsonl'])
    expect((await readdir(directory)).sort()).toEqual(['clean-00000.jsonl', 'clean-notes.txt'])
  })

  it('writes Dolma records', async () => {
    const { directory } = await writeAll({ format: 'dolma', added: '2024-01-01' }, 1)
    expect(lines(await readFile(path.join(directory, 'clean.jsonl'), 'utf8'))).toEqual([
      { id: 'id0', text: 'Paragraph 0.\n\nSecond paragraph.', source: 'in/0.txt', added: '2024-01-01T00:00:00.000Z', created: '2012-07-24T00:00:00.000Z', metadata: { url: 'https://example.com/a', published: '2012-07-24', lang: 'en', stats: { words: 4 } } },
    ])
  })

  it('writes Parquet shards that read back', async () => {
    const { directory, files } = await writeAll({ parquet: true }, 5)
    expect(files).toEqual(['clean-00000.parquet'])
    const bytes = await readFile(path.join(directory, files[0] as string))
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })
    expect(rows).toHaveLength(5)
    expect(rows[4]).toMatchObject({ id: 'id4', source: 'in/4.txt', lang: 'en', paragraphs: ['Paragraph 4.', 'Second paragraph.'], stats: { words: 4 } })
  })

  it('leaves nothing behind on abort', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'sluice-sink-'))
    const sink = createCleanSink(OutputFormatSchema.parse({ compress: true, shardBytes: 100 }), path.join(directory, 'clean.jsonl'))
    for (let index = 0; index < 5; index += 1) await sink.write(record(index))
    await sink.abort()
    expect(await readdir(directory)).toEqual([])
  })
})

describe('dolma records', () => {
  it.each([
    { name: 'configured date', configured: '2024-05-01', env: {}, expected: '2024-05-01T00:00:00.000Z' },
    { name: 'SOURCE_DATE_EPOCH', configured: undefined, env: { SOURCE_DATE_EPOCH: '86400' }, expected: '1970-01-02T00:00:00.000Z' },
    { name: 'the run day at midnight UTC', configured: undefined, env: {}, expected: '2026-11-26T00:00:00.000Z' },
  ])('added from the $name', ({ configured, env, expected }) => {
    expect(resolveAdded(configured, env, new Date('2026-11-26T09:41:00Z'))).toBe(expected)
  })

  it('created falls back to added without a parseable date', () => {
    const { published: _published, ...rest } = record(0)
    expect(dolmaRecord(rest, '2024-01-01T00:00:00.000Z').created).toBe('2024-01-01T00:00:00.000Z')
  })

  it('rejects a malformed added date at config time', () => {
    expect(OutputFormatSchema.safeParse({ added: 'yesterday' }).success).toBe(false)
  })
})
