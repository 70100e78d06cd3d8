import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { planEntries } from '../../src/sources/zip.ts'
import { collect, labels, makeZip, options, seeds, tempFolder, writeTree } from './helpers.ts'

async function read(files: Record<string, string | Uint8Array>, sourceOptions = options()) {
  const folder = tempFolder()
  writeTree(folder, files)
  return collect([folder], sourceOptions)
}

describe('zip archives', () => {
  it('reads entries in sorted order, labels them archive!/entry and skips OS junk', async () => {
    const zip = makeZip([
      { name: 'site/b.txt', data: 'B text', deflate: true },
      { name: '__MACOSX/site/._a.txt', data: 'junk' },
      { name: '__MACOSX/site/._b.txt', data: 'junk' },
      { name: 'site/', data: '' },
      { name: 'site/.DS_Store', data: 'junk' },
      { name: 'site/a.txt', data: 'A text' },
      { name: 'site/feed.jsonl', data: '{"text": "one"}\n{"text": "two"}', deflate: true },
      { name: 'site/logo.png', data: 'png' },
      { name: '.git/config', data: 'x' },
    ])
    const items = await read({ 'dump.zip': zip })
    expect(labels(items)).toEqual([
      'dump.zip!/.git/ (skipped)',
      'dump.zip!/__MACOSX/ (skipped)',
      'dump.zip!/site/.DS_Store (skipped)',
      'dump.zip!/site/a.txt',
      'dump.zip!/site/b.txt',
      'dump.zip!/site/feed.jsonl#1',
      'dump.zip!/site/feed.jsonl#2',
      'dump.zip!/site/logo.png (skipped)',
    ])
    const [a, b] = seeds(items)
    expect(Buffer.from(a?.raw ?? []).toString()).toBe('A text')
    expect(Buffer.from(b?.raw ?? []).toString()).toBe('B text')
    expect(a?.source).toEqual({ path: 'dump.zip', entry: 'site/a.txt', format: 'txt' })
    const junk = items[1]
    expect(junk?.kind === 'skipped' && junk.skipped.reason).toMatch(/OS junk.*\(2 entries\)/)
  })

  it('nested zips are read through, labels joined with !/', async () => {
    const inner = makeZip([{ name: 'deep.txt', data: 'deep' }])
    const middle = makeZip([{ name: 'inner.zip', data: inner, deflate: true }, { name: 'mid.txt', data: 'mid' }])
    const items = await read({ 'outer.zip': makeZip([{ name: 'middle.zip', data: middle }]) })
    expect(labels(items)).toEqual(['outer.zip!/middle.zip!/inner.zip!/deep.txt', 'outer.zip!/middle.zip!/mid.txt'])
    expect(seeds(items)[0]?.source).toEqual({ path: 'outer.zip', entry: 'middle.zip!/inner.zip!/deep.txt', format: 'txt' })
  })

  it('refuses archives nested deeper than limits.maxArchiveDepth', async () => {
    const inner = makeZip([{ name: 'deep.txt', data: 'deep' }])
    const items = await read({ 'outer.zip': makeZip([{ name: 'inner.zip', data: inner }]) }, options({ limits: { maxArchiveDepth: 0 } }))
    expect(labels(items)).toEqual(['outer.zip!/inner.zip !source/archive-too-deep'])
  })

  it('a zip that is not a zip at all is a fatal seed, and the batch goes on', async () => {
    const items = await read({ 'a-broken.zip': Buffer.from('this is plain text, not an archive'), 'b.txt': 'still read' })
    expect(labels(items)).toEqual(['a-broken.zip !source/unreadable-archive', 'b.txt'])
    expect(seeds(items)[0]?.messages?.[0]?.reason).toMatch(/^Cannot read a-broken\.zip: it is not a readable zip archive .*truncated or corrupt/)
  })

  describe('a zip cut off part-way keeps the entries before the cut', () => {
    type Items = Awaited<ReturnType<typeof read>>
    const texts = (items: Items): string[] => seeds(items).flatMap((seed) => (seed.raw === undefined ? [] : [Buffer.from(seed.raw).toString()]))
    const fatalReason = (items: Items): string | undefined => seeds(items).find((seed) => seed.messages !== undefined)?.messages?.[0]?.reason
    const entries = [
      { name: 'a.txt', data: 'the first entry, whole', deflate: true },
      { name: 'b.txt', data: 'the second entry, stored' },
      { name: 'c.txt', data: 'the third entry, which the cut goes through '.repeat(20), deflate: true },
    ]
    const zip = makeZip(entries)
    const cIndex = zip.indexOf('c.txt')

    it('reads the whole entries from their local headers and names the entry the file ends in', async () => {
      const items = await read({ 'cut.zip': zip.subarray(0, cIndex + 40), 'z.txt': 'still read' })
      expect(labels(items)).toEqual(['cut.zip!/a.txt', 'cut.zip!/b.txt', 'cut.zip!/c.txt !source/truncated-archive', 'z.txt'])
      expect(texts(items)).toEqual(['the first entry, whole', 'the second entry, stored', 'still read'])
      expect(fatalReason(items)).toBe('The central directory of cut.zip cannot be read (Bad archive), so the archive is truncated or corrupt: 2 entries were found by their local headers; c.txt is cut off (the archive ends 35 bytes into its 54 compressed bytes) and entries after it are lost. Re-create or re-download it.')
    })

    it('says when the cut falls between entries, and when only the directory is damaged', async () => {
      const between = await read({ 'cut.zip': zip.subarray(0, cIndex - 30) })
      expect(labels(between)).toEqual(['cut.zip!/a.txt', 'cut.zip!/b.txt', 'cut.zip !source/truncated-archive'])
      expect(fatalReason(between)).toContain('entries after the cut, if there were any, are lost')
      const directory = await read({ 'cut.zip': zip.subarray(0, zip.length - 30) })
      expect(labels(directory)).toEqual(['cut.zip!/a.txt', 'cut.zip!/b.txt', 'cut.zip!/c.txt', 'cut.zip !source/truncated-archive'])
      expect(fatalReason(directory)).toContain('3 entries were found by their local headers; that is every entry, and the damage is in the directory after the last one')
    })

    it('finds entries written with data descriptors, signed or not', async () => {
      const streamed = makeZip([
        { name: 'a.txt', data: 'signed descriptor entry', deflate: true, descriptor: 'signed' },
        { name: 'b.txt', data: 'unsigned descriptor entry', deflate: true, descriptor: 'unsigned' },
        { name: 'c.txt', data: 'last entry' },
      ])
      const items = await read({ 's.zip': streamed.subarray(0, streamed.indexOf('c.txt') + 12) })
      expect(labels(items)).toEqual(['s.zip!/a.txt', 's.zip!/b.txt', 's.zip!/c.txt !source/truncated-archive'])
      expect(texts(items)).toEqual(['signed descriptor entry', 'unsigned descriptor entry'])
      const inside = await read({ 's.zip': streamed.subarray(0, streamed.indexOf('b.txt') + 10) })
      expect(labels(inside)).toEqual(['s.zip!/a.txt', 's.zip!/b.txt !source/truncated-archive'])
      expect(fatalReason(inside)).toContain('b.txt is cut off (the archive ends inside it)')
      // Whole, the same archive reads through its central directory, descriptors and all.
      expect(labels(await read({ 's.zip': streamed }))).toEqual(['s.zip!/a.txt', 's.zip!/b.txt', 's.zip!/c.txt'])
    })
  })

  describe('what the walk of local headers checks', () => {
    type Items = Awaited<ReturnType<typeof read>>
    const fatalReasons = (items: Items): string[] => seeds(items).flatMap((seed) => seed.messages?.map((message) => message.reason) ?? [])
    const cutBefore = (zip: Buffer, name: string, keep = 0): Buffer => zip.subarray(0, zip.indexOf(name) - 30 + keep)

    it('rejects an entry whose bytes do not match its CRC-32, and reads the others', async () => {
      const zip = makeZip([{ name: 'a.txt', data: 'first entry text' }, { name: 'b.txt', data: 'second entry' }, { name: 'c.txt', data: 'third' }])
      const damaged = Buffer.from(cutBefore(zip, 'c.txt'))
      damaged.writeUInt8(damaged.readUInt8(37) ^ 0xff, 37)
      const items = await read({ 'd.zip': damaged })
      expect(labels(items)).toEqual(['d.zip!/a.txt !source/unreadable-archive', 'd.zip!/b.txt', 'd.zip !source/truncated-archive'])
      expect(fatalReasons(items)[0]).toContain('its CRC-32 does not match its header')
    })

    it('reads zip64 local headers, with sizes in the extra field or in an 8-byte descriptor', async () => {
      const zip = makeZip([
        { name: 'a.txt', data: 'zip64 sizes in the extra field', deflate: true, zip64: true },
        { name: 'b.txt', data: 'zip64 descriptor', deflate: true, zip64: true, descriptor: 'signed' },
        { name: 'c.txt', data: 'zip64 unsigned descriptor', zip64: true, descriptor: 'unsigned' },
        { name: 'd.txt', data: 'cut' },
      ])
      // An unsigned descriptor is known by the header after it, so the cut keeps the start of d's header.
      const items = await read({ 'z.zip': cutBefore(zip, 'd.txt', 10) })
      expect(labels(items)).toEqual(['z.zip!/a.txt', 'z.zip!/b.txt', 'z.zip!/c.txt', 'z.zip !source/truncated-archive'])
    })

    it('reports a cut inside the next header without inventing a name', async () => {
      const zip = makeZip([{ name: 'a.txt', data: 'whole' }, { name: 'bb.txt', data: 'cut in its header' }])
      for (const keep of [10, 32]) {
        const items = await read({ 'h.zip': cutBefore(zip, 'bb.txt', keep) })
        expect(labels(items)).toEqual(['h.zip!/a.txt', 'h.zip !source/truncated-archive'])
        expect(fatalReasons(items)[0]).toMatch(/the next entry is cut off \(the archive ends inside the header of the entry at offset \d+\)/)
      }
    })

    it('takes the CRC-32 from the descriptor when the header has the sizes too, and calls a missing descriptor a cut', async () => {
      const data = 'sizes and a descriptor'
      const zip = makeZip([{ name: 'a.txt', data, descriptor: 'signed' }, { name: 'b.txt', data: 'next' }])
      // The header's sizes filled in as well (its CRC-32 stays 0, as APPNOTE 4.4.4 has it).
      const both = Buffer.from(cutBefore(zip, 'b.txt', 10))
      both.writeUInt32LE(data.length, 18)
      both.writeUInt32LE(data.length, 22)
      expect(labels(await read({ 'e.zip': both }))).toEqual(['e.zip!/a.txt', 'e.zip !source/truncated-archive'])
      const cut = both.subarray(0, zip.indexOf(data) + data.length)
      const items = await read({ 'e.zip': cut })
      expect(labels(items)).toEqual(['e.zip!/a.txt !source/truncated-archive'])
      expect(fatalReasons(items)[0]).toContain('a.txt is cut off (the archive ends before its data descriptor)')
    })

    it('names a compression method it cannot read, from the directory or the walk', async () => {
      const zip = makeZip([{ name: 'a.bin.txt', data: 'BZh9 pretend bzip2 bytes', method: 12 }, { name: 'b.txt', data: 'plain' }])
      for (const bytes of [zip, cutBefore(zip, 'b.txt')]) {
        const reasons = fatalReasons(await read({ 'm.zip': bytes }))
        expect(reasons[0]).toBe('m.zip!/a.bin.txt is compressed with bzip2 (method 12), which sluice cannot read (only stored and deflated entries); extract it with the tool that made the archive and add the file unzipped.')
      }
    })

    it('counts a folder written with a backslash as a folder', async () => {
      const zip = makeZip([{ name: 'dir\\', data: '' }, { name: 'dir\\a.txt', data: 'inside' }, { name: 'z.txt', data: 'cut' }])
      const items = await read({ 'f.zip': cutBefore(zip, 'z.txt') })
      expect(labels(items)).toEqual(['f.zip!/dir/a.txt', 'f.zip !source/truncated-archive'])
      expect(fatalReasons(items)[0]).toContain('1 entry was found by its local header')
    })
  })

  it('a corrupt entry is reported and the other entries are still read', async () => {
    const zip = makeZip([{ name: 'a.txt', data: 'first entry text' }, { name: 'b.txt', data: 'second' }])
    const corrupt = Buffer.from(zip)
    // Byte 37 is inside a.txt's data (30-byte local header + 5-byte name): its CRC check fails.
    corrupt.writeUInt8((corrupt.readUInt8(37) ^ 0xff) & 0xff, 37)
    expect(labels(await read({ 'c.zip': corrupt }))).toEqual(['c.zip!/a.txt !source/unreadable-archive', 'c.zip!/b.txt'])
  })

  it('encrypted entries, zip bombs and the archive budget', async () => {
    const bomb = { name: 'bomb.txt', data: 'x'.repeat(100), declaredSize: 50 * 1024 * 1024 }
    const items = await read({ 'e.zip': makeZip([{ name: 'secret.txt', data: 'x', encrypted: true }, bomb, { name: 'ok.txt', data: 'fine' }]) })
    expect(labels(items)).toEqual(['e.zip!/bomb.txt !source/compression-ratio', 'e.zip!/ok.txt', 'e.zip!/secret.txt !source/encrypted'])
    const budget = await read({ 'big.zip': makeZip([{ name: 'a.txt', data: 'x'.repeat(600) }, { name: 'b.txt', data: 'y'.repeat(600) }]) }, options({ limits: { maxArchiveBytes: 1000 } }))
    expect(labels(budget)).toEqual(['big.zip !source/archive-too-large'])
  })

  it('entry names with ../ or absolute paths are labels only', async () => {
    const items = await read({ 'evil.zip': makeZip([{ name: '../../escape.txt', data: 'x' }, { name: '/etc/abs.txt', data: 'y' }]) })
    expect(labels(items)).toEqual(['evil.zip!/../../escape.txt', 'evil.zip!//etc/abs.txt'])
  })

  it('an empty archive and a non-zip behind .zip', async () => {
    expect(labels(await read({ 'none.zip': makeZip([]) }))).toEqual(['none.zip !source/empty'])
    expect(labels(await read({ 'fake.zip': 'just some text' }))).toEqual(['fake.zip !source/unreadable-archive'])
    expect(labels(await read({ 'zero.zip': '' }))).toEqual(['zero.zip !source/empty'])
  })

  it('plans junk folders as one skip each', () => {
    const entry = (name: string) => ({ name, isDirectory: false }) as Parameters<typeof planEntries>[0][number]
    const plan = planEntries([entry('b/__MACOSX/x'), entry('a.txt'), entry('b/__MACOSX/y'), entry('c/Thumbs.db')])
    expect(plan.map((step) => (step.kind === 'skip' ? `skip ${step.name} ${step.count}` : step.entry.name))).toEqual(['a.txt', 'skip b/__MACOSX/ 2', 'skip c/Thumbs.db 1'])
  })
})

describe('gzip', () => {
  it('reads the inner file by its name without .gz', async () => {
    const items = await read({ 'batch.jsonl.gz': gzipSync('{"text": "one"}\n{"text": "two"}\n'), 'page.html.gz': gzipSync('<p>Hi</p>') })
    expect(labels(items)).toEqual(['batch.jsonl.gz#1', 'batch.jsonl.gz#2', 'page.html.gz'])
    expect(seeds(items)[2]?.source).toEqual({ path: 'page.html.gz', format: 'html' })
    expect(Buffer.from(seeds(items)[2]?.raw ?? []).toString()).toBe('<p>Hi</p>')
  })

  it('a zip inside a gzip, and a gzip inside a zip', async () => {
    const items = await read({
      'a.zip.gz': gzipSync(makeZip([{ name: 'x.txt', data: 'x' }])),
      'b.zip': makeZip([{ name: 'y.txt.gz', data: gzipSync('y') }]),
    })
    expect(labels(items)).toEqual(['a.zip.gz!/x.txt', 'b.zip!/y.txt.gz'])
  })

  it('a truncated gzip keeps the records read before the cut and reports the rest', async () => {
    const lines = Array.from({ length: 2000 }, (_, index) => JSON.stringify({ text: `record number ${index} ${'z'.repeat(index % 50)}` })).join('\n')
    const gz = gzipSync(lines)
    const items = await read({ 'cut.jsonl.gz': gz.subarray(0, Math.floor(gz.length / 2)) })
    const last = labels(items).at(-1)
    expect(last).toBe('cut.jsonl.gz !source/unreadable-archive')
    expect(items.length).toBeGreaterThan(1)
  })

  it('a .gz that is not gzip at all says so, not "truncated or corrupt"', async () => {
    const items = await read({ 'notes.txt.gz': 'plain text that was never compressed\n' })
    expect(labels(items)).toEqual(['notes.txt.gz !source/unreadable-archive'])
    expect(seeds(items)[0]?.messages?.[0]?.reason).toBe("notes.txt.gz is not a gzip file (it does not start with gzip's signature 1f 8b); if it is plain text, remove the .gz from its name.")
  })

  it('a gzip bomb is stopped by the compression ratio', async () => {
    const items = await read({ 'bomb.txt.gz': gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)) }, options({ limits: { maxCompressionRatio: 10 } }))
    expect(labels(items)).toEqual(['bomb.txt.gz !source/compression-ratio'])
  })

  it('an inner name sluice does not read is skipped', async () => {
    expect(labels(await read({ 'x.pdf.gz': gzipSync('x') }))).toEqual(['x.pdf.gz (skipped)'])
  })
})
