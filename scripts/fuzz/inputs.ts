/**
 * What the fuzzer feeds: arbitrary Unicode, random bytes, format-shaped generators (JSON, feeds,
 * zips, gzip streams) and mutated real samples (the `input/` sample files and the golden and
 * extraction test pages: byte flips, truncation, splicing, inserted garbage, repetition).
 * Everything is driven by fast-check with a seed, so a failing case is reproducible from its
 * target, seed and index.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { writeZip } from '../../tests/helpers/zip.ts'
import { seededRandom } from '../lib/seeded-random.ts'

/** One generated input: bytes for sources and `decode`, a string for the text stages, metadata. */
export interface FuzzInput {
  kind: 'unicode' | 'bytes' | 'shaped' | 'mutated'
  bytes: Uint8Array
  text: string
  meta: { url?: string; title?: string; published?: string; author?: string }
}

/** Sample kinds, by the extension the source readers know. */
export type SampleKind = 'txt' | 'html' | 'xml' | 'json' | 'jsonl' | 'zip' | 'gz'

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const SAMPLE_FOLDERS = ['input', 'tests/golden', 'tests/extract/pages']
const EXTENSION_KIND: Record<string, SampleKind> = { txt: 'txt', html: 'html', htm: 'html', xml: 'xml', rss: 'xml', atom: 'xml', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', zip: 'zip', gz: 'gz' }

function walk(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name)
      if (name === 'expected') return []
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
}

/** Real sample files by kind, plus derived ones (JSON arrays from JSONL, zips and gzips of the text samples). */
export function loadSamples(): Record<SampleKind, Uint8Array[]> {
  const samples: Record<SampleKind, Uint8Array[]> = { txt: [], html: [], xml: [], json: [], jsonl: [], zip: [], gz: [] }
  for (const file of SAMPLE_FOLDERS.flatMap((folder) => walk(path.join(repo, folder)))) {
    const kind = EXTENSION_KIND[path.extname(file).slice(1).toLowerCase()]
    if (kind !== undefined) samples[kind].push(readFileSync(file))
  }
  for (const jsonl of samples.jsonl) {
    const lines = Buffer.from(jsonl).toString('utf8').split('\n').filter((line) => line.trim() !== '')
    samples.json.push(Buffer.from(`[${lines.join(',\n')}]`))
  }
  const texts = [...samples.txt, ...samples.html]
  samples.zip.push(writeZip(texts.map((bytes, index) => [`site/doc-${index}.${index < samples.txt.length ? 'txt' : 'html'}`, bytes])))
  samples.gz.push(...[...samples.txt, ...samples.jsonl].map((bytes) => gzipSync(bytes)))
  return samples
}

const MUTATIONS = ['flip', 'truncate', 'splice', 'insert', 'repeat'] as const

/** Applies one mutation, driven by `seed`, to `sample` (with `other` for splicing). */
export function mutate(sample: Uint8Array, other: Uint8Array, operation: (typeof MUTATIONS)[number], seed: number): Uint8Array {
  const random = seededRandom(seed)
  const at = (length: number): number => Math.floor(random() * (length + 1))
  const bytes = Buffer.from(sample)
  if (operation === 'flip') {
    for (let count = 1 + Math.floor(random() * 16); count > 0 && bytes.length > 0; count -= 1) {
      const index = Math.min(bytes.length - 1, at(bytes.length - 1))
      bytes[index] = (bytes[index] as number) ^ (1 << Math.floor(random() * 8))
    }
    return bytes
  }
  if (operation === 'truncate') return bytes.subarray(0, at(bytes.length))
  if (operation === 'splice') return Buffer.concat([bytes.subarray(0, at(bytes.length)), Buffer.from(other).subarray(at(other.length))])
  if (operation === 'insert') {
    const cut = at(bytes.length)
    const garbage = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)))
    return Buffer.concat([bytes.subarray(0, cut), garbage, bytes.subarray(cut)])
  }
  const start = at(bytes.length)
  const piece = bytes.subarray(start, Math.min(bytes.length, start + 1 + Math.floor(random() * 200)))
  return Buffer.concat([bytes.subarray(0, start), ...Array.from({ length: 2 + Math.floor(random() * 50) }, () => piece), bytes.subarray(start)])
}

const decoder = new TextDecoder('utf-8')

function fromBytes(kind: FuzzInput['kind'], bytes: Uint8Array): FuzzInput {
  return { kind, bytes, text: decoder.decode(bytes), meta: {} }
}

function fromText(kind: FuzzInput['kind'], text: string): FuzzInput {
  return { kind, bytes: Buffer.from(text, 'utf8'), text, meta: {} }
}

/** Text with the shape of documents: lines and blank lines of words, symbols and any Unicode. */
const textArbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(fc.lorem({ maxCount: 20, mode: 'sentences' }), fc.string({ unit: 'grapheme-composite', maxLength: 80 }), fc.constantFrom('', ' ', '\t', '\r', 'Share', '© 2024', '“', '…', '\u00AD', '\u200B', '\uFEFF', 'Ã©')), { maxLength: 40 }).map((lines) => lines.join('\n')),
)

/** Feeds, JSON records, zips and gzips built from random parts, for the source readers. */
function shapedArbitrary(kind: SampleKind): fc.Arbitrary<Uint8Array> {
  const text = textArbitrary
  const utf8 = (value: string): Uint8Array => Buffer.from(value, 'utf8')
  if (kind === 'json') return fc.json({ maxDepth: 6 }).map(utf8)
  if (kind === 'jsonl') return fc.array(fc.oneof(fc.json({ maxDepth: 3 }), fc.record({ text, title: text, url: fc.webUrl() }).map((value) => JSON.stringify(value))), { maxLength: 20 }).map((lines) => utf8(lines.join('\n')))
  if (kind === 'xml') return fc.array(fc.tuple(text, text, fc.webUrl()), { maxLength: 8 }).map((items) => utf8(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.map(([title, body, link]) => `<item><title>${title}</title><link>${link}</link><description><![CDATA[${body}]]></description></item>`).join('')}</channel></rss>`))
  if (kind === 'zip') return fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('../evil.txt', '/abs/path.txt', 'a/../../b.html', '__MACOSX/._x', 'inner.zip', 'x.jsonl')), fc.uint8Array({ maxLength: 300 })), { maxLength: 6 }).map((entries) => writeZip(entries.map(([name, data]) => [name === '' ? 'empty-name' : name, data])))
  if (kind === 'gz') return fc.uint8Array({ maxLength: 2000 }).map((bytes) => gzipSync(bytes))
  if (kind === 'html') return fc.array(fc.tuple(fc.constantFrom('p', 'div', 'script', 'style', 'nav', 'article', 'h1', 'br', 'table', 'li', 'pre', 'template', 'svg'), text), { maxLength: 30 }).map((parts) => utf8(`<html><head><title>t</title></head><body>${parts.map(([tag, body]) => `<${tag}>${body}</${tag}>`).join('')}</body></html>`))
  return text.map(utf8)
}

/** The arbitrary for one target: `kinds` picks which samples and shapes fit it. */
export function inputArbitrary(samples: Record<SampleKind, Uint8Array[]>, kinds: readonly SampleKind[]): fc.Arbitrary<FuzzInput> {
  const pool = kinds.flatMap((kind) => samples[kind])
  const mutated = fc.tuple(fc.nat(pool.length - 1), fc.nat(pool.length - 1), fc.constantFrom(...MUTATIONS), fc.integer()).map(([a, b, operation, seed]) => fromBytes('mutated', mutate(pool[a] as Uint8Array, pool[b] as Uint8Array, operation, seed)))
  const base = fc.oneof(
    textArbitrary.map((text) => fromText('unicode', text)),
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => fromBytes('bytes', bytes)),
    fc.constantFrom(...kinds).chain((kind) => shapedArbitrary(kind)).map((bytes) => fromBytes('shaped', bytes)),
    ...(pool.length === 0 ? [] : [mutated]),
  )
  const meta = fc.record({ url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })), title: fc.string({ maxLength: 80 }), published: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string({ maxLength: 30 })), author: fc.string({ maxLength: 40 }) }, { requiredKeys: [] })
  return fc.tuple(base, meta).map(([input, extra]) => ({ ...input, meta: extra }))
}

/** Cases `start … start + count` of an arbitrary under `seed`, generated in chunks so memory stays small. */
export function* generate<T>(arbitrary: fc.Arbitrary<T>, seed: number, start: number, count: number, chunk = 250): Generator<{ index: number; value: T }> {
  for (let first = Math.floor(start / chunk) * chunk; first < start + count; first += chunk) {
    const values = fc.sample(arbitrary, { numRuns: chunk, seed: seed + first })
    for (const [offset, value] of values.entries()) {
      const index = first + offset
      if (index >= start && index < start + count) yield { index, value }
    }
  }
}

/** A short, printable description of an input for failure reports. */
export function describeInput(input: FuzzInput): string {
  const head = JSON.stringify(input.text.slice(0, 160))
  return `${input.kind}, ${input.bytes.length} bytes: ${head}${input.text.length > 160 ? '…' : ''}`
}
