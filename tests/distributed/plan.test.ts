/**
 * Shard planning must not change a single source item: the items of all shards, read in shard
 * order, equal what one machine's reader yields for the same inputs, raw bytes, labels, record
 * and line numbers included. Cases cover the splits (zip entry ranges, JSONL byte ranges) and
 * the inputs that must stay whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/load-config.ts'
import { planShards } from '../../src/distributed/plan.ts'
import { shardItems } from '../../src/distributed/shard-read.ts'
import type { ShardLimits } from '../../src/distributed/shard-limits.ts'
import type { Shard } from '../../src/distributed/types.ts'
import { readInputs } from '../../src/sources/index.ts'
import type { SourceItem, SourceOptions } from '../../src/sources/types.ts'
import { writeZip } from '../helpers/zip.ts'
import { writeFixture } from './fixture.ts'

function sourceOptions(limits: Partial<SourceOptions['limits']> = {}): SourceOptions {
  const resolved = resolveConfig({ limits })
  if (!resolved.ok) throw new Error(resolved.issues.join(' '))
  return { fields: resolved.config.fields, limits: resolved.config.limits }
}

async function whole(inputs: string[], options: SourceOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for await (const item of readInputs(inputs, options)) items.push(item)
  return items
}

async function sharded(shards: readonly Shard[], options: SourceOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for (const shard of shards) for await (const item of shardItems(shard.parts, options)) items.push(item)
  return items
}

const SMALL: ShardLimits = { items: 4, bytes: 1 << 20 }
let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-plan-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('planShards + shardItems', () => {
  it('reads the generated batch item for item as one machine does, in zip, JSONL and file shards', async () => {
    const folder = path.join(root, 'batch')
    await writeFixture(folder, { texts: 20, pages: 10, zipEntries: 25, records: 40 })
    const options = sourceOptions()
    const shards = await planShards([folder], options, { items: 10, bytes: 1 << 20 })
    expect(await sharded(shards, options)).toEqual(await whole([folder], options))
    const kinds = new Set(shards.flatMap((shard) => shard.parts.map((part) => part.kind)))
    expect([...kinds].sort()).toEqual(['file', 'item', 'jsonl-range', 'zip-range'])
    expect(shards.map((shard) => shard.index)).toEqual(shards.map((_shard, index) => index))
    expect(await planShards([folder], options, { items: 10, bytes: 1 << 20 })).toEqual(shards)
  })

  const jsonlCases: { name: string; content: Buffer | string; limits?: Partial<SourceOptions['limits']>; split: boolean }[] = [
    { name: 'BOM, CRLF, leading and inner blank lines', content: `\uFEFF\r\n\n${Array.from({ length: 11 }, (_u, i) => `{"text":"record ${i}"}`).join('\r\n\r\n')}\r\n`, split: true },
    { name: 'whitespace-only lines (NBSP, ideographic space) are not records', content: Array.from({ length: 10 }, (_u, i) => (i % 3 === 1 ? '\u00A0 \u3000' : `{"text":"caf\u00E9 ${i}"}`)).join('\n'), split: true },
    { name: 'a line over limits.maxFileBytes is a record with its number', content: Array.from({ length: 9 }, (_u, i) => `{"text":"${i === 5 ? 'x'.repeat(300) : 'short'}"}`).join('\n'), limits: { maxFileBytes: 200 }, split: true },
    { name: 'broken lines keep their line numbers', content: Array.from({ length: 12 }, (_u, i) => (i % 5 === 3 ? '{"text": oops' : `{"text":"r${i}"}`)).join('\n'), split: true },
    { name: 'UTF-16 stays whole', content: iconv.encode(Array.from({ length: 10 }, (_u, i) => `{"text":"r${i}"}`).join('\n'), 'utf-16le', { addBOM: true }), split: false },
    { name: 'too few records to split stays whole', content: '{"text":"one"}\n{"text":"two"}\n', split: false },
  ]

  it.each(jsonlCases)('JSONL: $name', async ({ name, content, limits, split }) => {
    const file = path.join(root, `${name.replace(/\W+/g, '-')}.jsonl`)
    await writeFile(file, content)
    const options = sourceOptions(limits)
    const shards = await planShards([file], options, SMALL)
    expect(shards.some((shard) => shard.parts[0]?.kind === 'jsonl-range')).toBe(split)
    expect(await sharded(shards, options)).toEqual(await whole([file], options))
  })

  const entries = (count: number): [string, string][] => Array.from({ length: count }, (_u, i) => [`site/${String(i).padStart(2, '0')}.txt`, `Story ${i}\n\nA paragraph about river number ${i}.`])
  const zipCases: { name: string; content: Buffer; split: boolean }[] = [
    { name: 'junk folders fold into one step', content: writeZip([...entries(9), ['__MACOSX/site/._01.txt', 'x'], ['__MACOSX/site/._02.txt', 'x'], ['site/.hidden/a.txt', 'x']]), split: true },
    { name: 'an archive inside stays whole', content: writeZip([...entries(9), ['site/inner.zip', writeZip(entries(2))]]), split: false },
    { name: 'a truncated archive stays whole (and fails as on one machine)', content: writeZip(entries(9)).subarray(0, 200), split: false },
  ]

  it.each(zipCases)('zip: $name', async ({ name, content, split }) => {
    const file = path.join(root, `${name.replace(/\W+/g, '-')}.zip`)
    await writeFile(file, content)
    const options = sourceOptions()
    const shards = await planShards([file], options, SMALL)
    expect(shards.some((shard) => shard.parts[0]?.kind === 'zip-range')).toBe(split)
    expect(await sharded(shards, options)).toEqual(await whole([file], options))
  })

  it('groups small files up to the item limit and keeps unreadable paths in place', async () => {
    const folder = path.join(root, 'files')
    await writeFixture(folder, { texts: 9, pages: 3, zipEntries: 1, records: 1 })
    const options = sourceOptions()
    const missing = path.join(root, 'no-such-folder')
    const shards = await planShards([folder, missing], options, SMALL)
    expect(shards.every((shard) => shard.parts.length <= SMALL.items)).toBe(true)
    expect(shards.at(-1)?.parts.at(-1)?.kind).toBe('item')
    expect(await sharded(shards, options)).toEqual(await whole([folder, missing], options))
  })
})
