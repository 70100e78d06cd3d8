import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sourceRules } from '../../src/sources/index.ts'
import type { SourceItem } from '../../src/sources/types.ts'
import { collect, makeZip, options, tempFolder } from './helpers.ts'

const EXTENSIONS = ['txt', 'html', 'xml', 'json', 'jsonl', 'zip', 'gz'] as const
const RULES = new Set<string>(sourceRules)

/** Each item either carries content or explains itself with a known fatal rule and a sentence. */
function explained(item: SourceItem): boolean {
  if (item.kind === 'skipped') return item.skipped.reason.length > 10
  const fatal = item.init.messages?.filter((message) => message.severity === 'fatal') ?? []
  if (fatal.length > 0) return fatal.every((message) => RULES.has(message.rule) && message.stage === 'source' && message.reason.length > 20)
  return item.init.raw !== undefined || item.init.text !== undefined || item.init.html !== undefined
}

function labelFile(item: SourceItem): string {
  return item.kind === 'skipped' ? item.skipped.path.split('!/')[0] ?? '' : item.init.source.path
}

describe('readInputs on arbitrary bytes', () => {
  it('never throws, accounts for every file, and explains every failure', async () => {
    const folder = tempFolder()
    const bytes = fc.uint8Array({ maxLength: 600 })
    const content = fc.oneof(bytes, bytes.map((data) => makeZip([{ name: 'in.txt', data }])), fc.string().map((text) => new TextEncoder().encode(text)))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSIONS), content, async (extension, data) => {
        const file = path.join(folder, `f.${extension}`)
        writeFileSync(file, data)
        try {
          const items = await collect([file], options(), folder)
          expect(items.length).toBeGreaterThanOrEqual(1)
          expect(items.every(explained)).toBe(true)
          expect(new Set(items.map(labelFile))).toEqual(new Set([`f.${extension}`]))
          if (extension !== 'jsonl' && extension !== 'json' && extension !== 'xml' && extension !== 'zip') expect(items).toHaveLength(1)
        } finally {
          rmSync(file, { force: true })
        }
      }),
      { numRuns: 150, seed: 20250326 },
    )
  })
})

describe('a zip cut at any byte', () => {
  it('keeps every entry that ends before the cut, and says what it lost', async () => {
    const folder = tempFolder()
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt']
    const zip = makeZip(names.map((name, at) => ({ name, data: `entry ${name} `.repeat(10 + at * 7), deflate: at % 2 === 0, ...(at === 1 ? { descriptor: 'signed' as const } : {}) })))
    // Where each entry's local record (header, data, descriptor) ends: the next one's header starts there.
    const ends = [...names.slice(1).map((name) => zip.indexOf(name) - 30), zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))]
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: zip.length }), async (cut) => {
        const file = path.join(folder, 'cut.zip')
        writeFileSync(file, zip.subarray(0, cut))
        const items = await collect([file], options(), folder)
        expect(items.every(explained)).toBe(true)
        const read = items.flatMap((item) => (item.kind === 'doc' && item.init.messages === undefined ? [item.init.source.entry] : []))
        const whole = cut === zip.length ? names : names.filter((_name, at) => (ends[at] as number) <= cut)
        expect(read).toEqual(whole)
        // Anything short of the whole archive is reported.
        if (cut < zip.length) expect(items.some((item) => item.kind === 'doc' && item.init.messages !== undefined)).toBe(true)
      }),
      { numRuns: 120, seed: 20261127 },
    )
  })
})
