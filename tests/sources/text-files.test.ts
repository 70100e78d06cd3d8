import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { collect, labels, options, seeds, tempFolder, writeTree } from './helpers.ts'

describe('txt and html seeds', () => {
  it('carry the raw bytes and the format; decoding is left to the decode stage', async () => {
    const folder = tempFolder()
    const cp1252 = iconv.encode('It’s “fine” — naïve café', 'windows-1252')
    writeTree(folder, { 'a.txt': cp1252, 'b.html': '<p>Hi</p>', 'c.htm': '<p>c</p>', 'd.xhtml': '<html/>' })
    const items = seeds(await collect([folder]))
    expect(items.map((seed) => [seed.source.path, seed.source.format])).toEqual([
      ['a.txt', 'txt'],
      ['b.html', 'html'],
      ['c.htm', 'html'],
      ['d.xhtml', 'html'],
    ])
    expect(Buffer.from(items[0]?.raw ?? []).equals(cp1252)).toBe(true)
    expect(items.every((seed) => seed.text === undefined && seed.messages === undefined)).toBe(true)
  })

  const bad: Array<{ name: string; content: Uint8Array | string; rule: string; reason: RegExp }> = [
    { name: 'empty file', content: '', rule: 'source/empty', reason: /x\.txt is empty \(0 bytes/ },
    { name: 'whitespace only', content: ' \n\t\r\n ', rule: 'source/empty', reason: /is empty/ },
    { name: 'BOM only', content: Uint8Array.from([0xef, 0xbb, 0xbf]), rule: 'source/empty', reason: /is empty/ },
    { name: 'PNG behind .txt', content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), rule: 'source/binary', reason: /looks like a PNG image/ },
    { name: 'NUL-heavy data', content: Uint8Array.from({ length: 400 }, (_, index) => (index % 3 === 0 ? 0 : 65 + (index % 26))), rule: 'source/binary', reason: /NUL bytes/ },
    { name: 'control-byte soup', content: Uint8Array.from({ length: 400 }, (_, index) => (index % 4 === 0 ? 3 : 97)), rule: 'source/binary', reason: /control bytes/ },
  ]

  it.each(bad)('$name → $rule', async ({ content, rule, reason }) => {
    const folder = tempFolder()
    writeTree(folder, { 'x.txt': content })
    const items = await collect([folder])
    expect(labels(items)).toEqual([`x.txt !${rule}`])
    const message = seeds(items)[0]?.messages?.[0]
    expect(message).toMatchObject({ stage: 'source', severity: 'fatal', rule })
    expect(message?.reason).toMatch(reason)
  })

  it('UTF-16 text is not mistaken for binary', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'le.txt': iconv.encode('Plain words exported by a Windows tool.', 'utf-16le'), 'bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Ok', 'utf-16le')]) })
    expect(labels(await collect([folder]))).toEqual(['bom.txt', 'le.txt'])
  })

  it('a file over limits.maxFileBytes is rejected as too large', async () => {
    const folder = tempFolder()
    writeTree(folder, { 'big.html': '<p>'.padEnd(5000, 'x'), 'small.txt': 'fits' })
    const items = await collect([folder], options({ limits: { maxFileBytes: 1000 } }))
    expect(labels(items)).toEqual(['big.html !source/too-large', 'small.txt'])
    expect(seeds(items)[0]?.messages?.[0]?.reason).toMatch(/limits\.maxFileBytes \(1000 bytes\)/)
  })
})
