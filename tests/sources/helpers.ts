/**
 * Fixtures for the source tests, built in code: a temp folder per test, a minimal zip writer
 * (stored or deflated entries, with knobs to forge encrypted flags and lying sizes), default
 * options, and a collector that turns `readInputs` into a compact list to assert on.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { onTestFinished } from 'vitest'
import { defaultFieldMapping } from '../../src/config/field-mapping.ts'
import { readInputs } from '../../src/sources/index.ts'
import type { FieldMapping, SourceItem, SourceLimits, SourceOptions } from '../../src/sources/types.ts'

/** The config defaults, without loading the stage list. */
export const fields: FieldMapping = defaultFieldMapping

export const limits: SourceLimits = { maxFileBytes: 64 * 1024 * 1024, maxArchiveBytes: 256 * 1024 * 1024, maxCompressionRatio: 200, maxArchiveDepth: 3 }

export function options(overrides: { limits?: Partial<SourceLimits>; fields?: Partial<FieldMapping> } = {}): SourceOptions {
  return { fields: { ...fields, ...overrides.fields }, limits: { ...limits, ...overrides.limits } }
}

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sluice-sources-'))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

/** Writes `files` (relative path → content) under `folder`, creating subfolders. */
export function writeTree(folder: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(folder, name)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
}

/** Reads everything `readInputs` yields. */
export async function collect(inputs: string[], sourceOptions: SourceOptions = options(), root?: string): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for await (const item of readInputs(inputs, { ...sourceOptions, root })) items.push(item)
  return items
}

/** One line per item: `label` for a seed, `label !rule` for a fatal one, `label (skipped)`. */
export function labels(items: readonly SourceItem[]): string[] {
  return items.map((item) => {
    if (item.kind === 'skipped') return `${item.skipped.path} (skipped)`
    const source = item.init.source
    const label = `${source.path}${source.entry === undefined ? '' : `!/${source.entry}`}${source.index === undefined ? '' : `#${source.index}`}`
    const fatal = item.init.messages?.find((message) => message.severity === 'fatal')
    return fatal === undefined ? label : `${label} !${fatal.rule}`
  })
}

/** The seeds among the items (failing the test if an item is skipped where a seed was due). */
export function seeds(items: readonly SourceItem[]) {
  return items.flatMap((item) => (item.kind === 'doc' ? [item.init] : []))
}

export interface ZipFile {
  name: string
  data: string | Uint8Array
  deflate?: boolean
  /** Sets the "encrypted" flag (data stays plain: enough for a reader to refuse it). */
  encrypted?: boolean
  /** Lies about the uncompressed size in both headers (zip-bomb tests). */
  declaredSize?: number
  /** Writes the sizes in a data descriptor after the data (flag bit 3), signed with PK\7\8 or not, as streaming zip writers do. */
  descriptor?: 'signed' | 'unsigned'
  /** Writes the local header as zip64 does: sizes 0xFFFFFFFF, the real ones (and a descriptor's) in 8 bytes. */
  zip64?: boolean
  /** Declares another compression method (the data stays as written). */
  method?: number
}

function zip64Sizes(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 8)
  values.forEach((value, at) => buffer.writeBigUInt64LE(BigInt(value), at * 8))
  return buffer
}

function header(values: Array<[number, 2 | 4]>): Buffer {
  const buffer = Buffer.alloc(values.reduce((total, [, size]) => total + size, 0))
  let offset = 0
  for (const [value, size] of values) {
    if (size === 2) buffer.writeUInt16LE(value, offset)
    else buffer.writeUInt32LE(value >>> 0, offset)
    offset += size
  }
  return buffer
}

/** A minimal zip writer: stored or deflated entries, optionally with data descriptors or zip64 local headers (whose central directory is not zip64). */
export function makeZip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const file of files) {
    const data = Buffer.from(file.data)
    const body = file.deflate === true ? deflateRawSync(data) : data
    const name = Buffer.from(file.name)
    const flags = (file.encrypted === true ? 1 : 0) | (file.descriptor === undefined ? 0 : 8)
    const method = file.method ?? (file.deflate === true ? 8 : 0)
    const size = file.declaredSize ?? data.length
    const sizes: Array<[number, 2 | 4]> = [[crc32(data), 4], [body.length, 4], [size, 4]]
    const extra = file.zip64 === true ? Buffer.concat([header([[1, 2], [16, 2]]), zip64Sizes([size, body.length])]) : Buffer.alloc(0)
    const common: Array<[number, 2 | 4]> = [[20, 2], [flags, 2], [method, 2], [0, 2], [0x21, 2], ...sizes, [name.length, 2], [0, 2]]
    const localSizes = file.descriptor !== undefined ? 0 : file.zip64 === true ? 0xffffffff : undefined
    const inLocal: Array<[number, 2 | 4]> = common.map((field, at) => (at >= 5 && at <= 7 && localSizes !== undefined && at > 5 ? [localSizes, 4] : at === 5 && file.descriptor !== undefined ? [0, 4] : at === 9 ? [extra.length, 2] : field))
    const descriptorSizes = file.zip64 === true ? Buffer.concat([header([sizes[0] as [number, 4]]), zip64Sizes([body.length, size])]) : header(sizes)
    const descriptor = file.descriptor === undefined ? [] : [file.descriptor === 'signed' ? Buffer.concat([header([[0x08074b50, 4]]), descriptorSizes]) : descriptorSizes]
    const local = Buffer.concat([header([[0x04034b50, 4], ...inLocal]), name, extra, body, ...descriptor])
    centrals.push(Buffer.concat([header([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]))
    locals.push(local)
    offset += local.length
  }
  const central = Buffer.concat(centrals)
  const end = header([[0x06054b50, 4], [0, 2], [0, 2], [files.length, 2], [files.length, 2], [central.length, 4], [offset, 4], [0, 2]])
  return Buffer.concat([...locals, central, end])
}
