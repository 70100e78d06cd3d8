import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { arrayElementOffsets } from '../../src/sources/json.ts'
import { mapRecord, normalizeDate } from '../../src/sources/record.ts'
import { collect, fields, labels, options, seeds, tempFolder, writeTree } from './helpers.ts'

async function read(name: string, content: string | Uint8Array, sourceOptions = options()) {
  const folder = tempFolder()
  writeTree(folder, { [name]: content })
  return collect([folder], sourceOptions)
}

describe('record mapping', () => {
  const cases = [
    { name: 'first non-empty candidate wins', record: { text: '  ', content: 'Body', title: 'T' }, expected: { text: 'Body', title: 'T' } },
    { name: 'dotted paths', record: { meta: { headline: 'Deep' }, body: 'B' }, fields: { title: ['meta.headline'] }, expected: { text: 'B', title: 'Deep' } },
    { name: 'authors array joined', record: { text: 'B', authors: [{ name: 'Ann' }, 'Bob', { name: '' }] }, expected: { text: 'B', author: 'Ann, Bob' } },
    { name: 'paragraph arrays joined with blank lines', record: { text: ['One.', 'Two.'] }, expected: { text: 'One.\n\nTwo.' } },
    { name: 'HTML stored as text goes to html', record: { content: '<div><p>Hi</p></div>' }, expected: { html: '<div><p>Hi</p></div>' } },
    { name: 'a year or a month alone stays as written', record: { text: 'B', date: '2024-03' }, expected: { text: 'B', published: '2024-03' } },
    { name: 'a four-digit number is a year, not epoch seconds', record: { text: 'B', date: 2024 }, expected: { text: 'B', published: '2024' } },
    { name: 'an eight-digit number is a compact date, not epoch seconds', record: { text: 'B', date: 20240501 }, expected: { text: 'B', published: '2024-05-01' } },
    { name: 'epoch seconds become ISO dates', record: { text: 'B', timestamp: 1700000000 }, expected: { text: 'B', published: '2023-11-14T22:13:20Z' } },
    { name: 'id kept as record id', record: { text: 'B', id: 42, lang: 'de' }, expected: { text: 'B', lang: 'de', meta: { recordId: '42' } } },
    { name: 'a bare string is text', record: 'Just text', expected: { text: 'Just text' } },
  ]
  it.each(cases)('$name', ({ record, fields: override, expected }) => {
    expect(mapRecord(record, { ...fields, ...override }, 'r')).toEqual(expected)
  })

  it('names the fields it tried when there is no text', () => {
    expect(() => mapRecord({ title: 'x' }, fields, 'batch.jsonl line 3')).toThrow(/batch\.jsonl line 3 has no text: none of the fields text, content, body.*raw_html/)
  })

  it('keeps date-only and unparseable dates as written', () => {
    expect(normalizeDate('2024-03-01')).toBe('2024-03-01')
    expect(normalizeDate('last Tuesday')).toBe('last Tuesday')
  })

  it('finds where top-level array elements start, skipping strings', () => {
    const text = '[\n {"a": "[,]"},\n "x",\n 12, [1, 2]\n]'
    expect(arrayElementOffsets(text).map((offset) => text[offset])).toEqual(['{', '"', '1', '['])
  })
})

describe('.json files', () => {
  it('an array of records: numbered, with their lines', async () => {
    const json = '[\n  {"title": "A", "text": "Alpha"},\n  {"title": "B",\n   "html": "<p>Beta</p>"},\n  {"title": "C"}\n]'
    const items = await read('dump.json', json)
    expect(labels(items)).toEqual(['dump.json#1', 'dump.json#2', 'dump.json#3 !source/no-text-field'])
    expect(seeds(items).map((seed) => seed.source.line)).toEqual([2, 3, 5])
    expect(seeds(items)[1]).toMatchObject({ title: 'B', html: '<p>Beta</p>', source: { format: 'json', index: 2 } })
  })

  it('an object wrapping the records under a common key', async () => {
    expect(labels(await read('w.json', '{"count": 2, "articles": [{"body": "x"}, {"body": "y"}]}'))).toEqual(['w.json#1', 'w.json#2'])
  })

  it('a single record has no index', async () => {
    const [seed] = seeds(await read('one.json', '{"text": "Solo", "items": [1, 2]}'))
    expect(seed).toMatchObject({ text: 'Solo', source: { path: 'one.json', format: 'json' } })
    expect(seed?.source.index).toBeUndefined()
  })

  it('malformed JSON is reported with its line', async () => {
    const items = await read('bad.json', '[\n  {"text": "a"},\n  {"text": "b",,}\n]')
    expect(labels(items)).toEqual(['bad.json !source/malformed-json'])
    expect(seeds(items)[0]?.messages?.[0]?.place).toEqual({ line: 3 })
  })

  it.each([
    ['an unexpected token V8 gives no position for', '{\n  "text": "a",\n  "b": }\n', 3],
    ['a trailing comma', '[\n  {"text": "a"},\n  {"text": "b",}\n]', 3],
    ['a missing comma', '{\n  "text": "a"\n  "b": 2\n}', 3],
    ['a cut-off array', '[\n  {"text": "a"},\n  {"text": "b"}', 3],
  ])('malformed JSON names its line: %s', async (_name, text, line) => {
    const items = await read('bad.json', text)
    expect(seeds(items)[0]?.messages?.[0]).toMatchObject({ rule: 'source/malformed-json', place: { line } })
    expect(seeds(items)[0]?.messages?.[0]?.reason).toContain(`bad.json is not valid JSON at line ${line} (`)
  })

  it('an empty array has no records', async () => {
    expect(labels(await read('none.json', '[]'))).toEqual(['none.json !source/no-records'])
  })

  it('a record that is not an object', async () => {
    expect(labels(await read('n.json', '[{"text": "ok"}, 42, null]'))).toEqual(['n.json#1', 'n.json#2 !source/not-a-record', 'n.json#3 !source/not-a-record'])
  })
})

describe('.jsonl files', () => {
  it('a broken line becomes a fatal seed with its line number, and the file goes on', async () => {
    const lines = ['{"text": "one"}', '', '{"text": "two", "title": "T2"}', '{"text": "cut off', '   ', '{"content": "four"}']
    const items = await read('batch.jsonl', lines.join('\n'))
    expect(labels(items)).toEqual(['batch.jsonl#1', 'batch.jsonl#2', 'batch.jsonl#3 !source/malformed-json', 'batch.jsonl#4'])
    const broken = seeds(items)[2]
    expect(broken?.source).toEqual({ path: 'batch.jsonl', format: 'jsonl', index: 3, line: 4 })
    expect(broken?.messages?.[0]).toMatchObject({ stage: 'source', rule: 'source/malformed-json', severity: 'fatal', place: { line: 4 } })
    expect(broken?.messages?.[0]?.reason).toMatch(/^batch\.jsonl line 4 is not valid JSON/)
    expect(seeds(items).map((seed) => seed.source.line)).toEqual([1, 3, 4, 6])
    expect(seeds(items)[3]).toMatchObject({ text: 'four' })
  })

  it('CRLF line ends, a UTF-8 BOM and .ndjson', async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text": "a"}\r\n{"text": "b"}\r\n')])
    expect(seeds(await read('x.ndjson', content)).map((seed) => seed.text)).toEqual(['a', 'b'])
  })

  it('decodes each line on its own (mixed encodings) and reads UTF-16 files', async () => {
    const mixed = Buffer.concat([Buffer.from('{"text": "naïve"}\n'), iconv.encode('{"text": "café crème brûlée à la carte"}\n', 'windows-1252')])
    expect(seeds(await read('mixed.jsonl', mixed)).map((seed) => seed.text)).toEqual(['naïve', 'café crème brûlée à la carte'])
    const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('{"text": "Grüße"}\r\n{"text": "zwei"}\r\n', 'utf-16le')])
    expect(seeds(await read('wide.jsonl', wide)).map((seed) => seed.text)).toEqual(['Grüße', 'zwei'])
  })

  it('a line over limits.maxFileBytes is too large; the next lines still read', async () => {
    const content = `{"text": "${'x'.repeat(3000)}"}\n{"text": "small"}\n`
    const items = await read('long.jsonl', content, options({ limits: { maxFileBytes: 1000 } }))
    expect(labels(items)).toEqual(['long.jsonl#1 !source/too-large', 'long.jsonl#2'])
  })

  it('streams: a file larger than maxFileBytes is fine when each line fits', async () => {
    const content = Array.from({ length: 200 }, (_, index) => JSON.stringify({ text: `record ${index}` })).join('\n')
    const items = await read('many.jsonl', content, options({ limits: { maxFileBytes: 100 } }))
    expect(items).toHaveLength(200)
    expect(labels(items).at(-1)).toBe('many.jsonl#200')
  })

  it('blank-only and binary files', async () => {
    expect(labels(await read('blank.jsonl', '\n\n  \n'))).toEqual(['blank.jsonl !source/empty'])
    expect(labels(await read('bin.jsonl', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])))).toEqual(['bin.jsonl !source/binary'])
  })
})
