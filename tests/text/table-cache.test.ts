import { fc, test as propertyTest } from '@fast-check/vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setEnvironmentData } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { cachedTables, readTables, TABLE_CACHE_KEY, writeTables } from '../../src/text/table-cache.ts'
import { loadNgramModel } from '../../src/text/ngram-load.ts'
import { decodeModel } from '../../src/text/ngram-model.ts'

const folders: string[] = []
function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sluice-tables-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const sample = () => ({
  words: { slots: Int32Array.from([-1, 4, 0, -1]), chars: Uint16Array.from([104, 105]), offsets: Int32Array.from([0, 2]) },
  prob: Float32Array.from([-0.5, -1.25, 0]),
  bytes: Uint8Array.from([1, 2, 3]),
  others: [['The', 7], ['<unk>', 0]],
  header: { type: 'array', languages: { 0: 'en' }, isSubset: false, count: 3 },
})

/** A source file for cachedTables, so its stamp can be changed. */
function source(folder: string, text = 'model v1'): string {
  const file = path.join(folder, 'model.bin')
  writeFileSync(file, text)
  return file
}

describe('table cache files', () => {
  it('read back equal, every typed array a view of one SharedArrayBuffer', () => {
    const file = path.join(freshFolder(), 'sample.tables')
    writeTables(file, sample())
    const read = readTables(file) as ReturnType<typeof sample>
    expect(read).toEqual(sample())
    expect(read.prob).toBeInstanceOf(Float32Array)
    const buffers = new Set([read.words.slots, read.words.chars, read.words.offsets, read.prob, read.bytes].map((array) => array.buffer))
    expect(buffers.size).toBe(1)
    expect([...buffers][0]).toBeInstanceOf(SharedArrayBuffer)
  })

  class Rows extends Array<number> {}
  const shared = { a: 1 }
  const bytes = Uint8Array.of(1)
  it.each([
    ['a Map', { table: new Map([[1, 2]]) }, /a Map at the top\.table,/],
    ['a class instance', { when: new Date(0) }, /a Date at the top\.when,/],
    ['NaN', { score: Number.NaN }, /the number NaN at the top\.score,/],
    ['-0', { score: -0 }, /the number -0 at/],
    ['undefined in an array', { list: [1, undefined] }, /undefined at the top\.list\.1,/],
    ['undefined in an object', { gone: undefined }, /undefined at the top\.gone,/],
    ['a function', { f: () => 2 }, /a function at the top\.f,/],
    ['a symbol', { s: Symbol('s') }, /a symbol at the top\.s,/],
    ['a symbol key', { [Symbol('s')]: 1 }, /symbol keys at the top,/],
    ['an array with a hole', { list: [1, , 3] }, /an array with holes/],
    ['an array with a key of its own', { list: Object.assign([1], { extra: 2 }) }, /keys of its own/],
    ['an array with a hole and a key of its own', { list: Object.assign([1, , 3], { extra: 2 }) }, /an array with holes/],
    ['an object with its own toJSON', { row: { toJSON: () => 'gone' } }, /its own toJSON at the top\.row,/],
    ['a typed array with its own toJSON', { bytes: Object.assign(Uint8Array.of(1), { toJSON: () => 'gone' }) }, /its own toJSON at the top\.bytes,/],
    ['an array of a subclass', { list: Rows.from([1]) }, /or a prototype at the top\.list,/],
    ['one object reached twice', { x: shared, y: shared }, /reached twice at the top\.y,/],
    ['one typed array reached twice', { x: bytes, y: bytes }, /reached twice at the top\.y,/],
    ['an object without a prototype', { bare: Object.create(null) as object }, /without a prototype at the top\.bare,/],
    ['a `$typed` key', { $typed: 'Uint8Array', offset: 0, length: 1 }, /a `\$typed` key at the top,/],
    ['a DataView', { view: new DataView(new ArrayBuffer(4)) }, /a DataView at the top\.view,/],
  ])('refuses %s, which JSON would not give back as it is, naming the file and leaving none', (_name, value, message) => {
    const folder = freshFolder()
    expect(() => writeTables(path.join(folder, 'bad.tables'), value)).toThrow(/^Cannot cache the tables of bad\.tables: they hold /)
    expect(() => writeTables(path.join(folder, 'bad.tables'), value)).toThrow(message)
    expect(readdirSync(folder)).toEqual([])
  })

  it('refuses a cut file and an array placed outside the data', () => {
    const folder = freshFolder()
    const file = path.join(folder, 'sample.tables')
    writeTables(file, sample())
    const whole = readFileSync(file)
    truncateSync(file, whole.length - 3)
    expect(() => readTables(file)).toThrow(/wrong length/)
    const forged = Buffer.from(whole.toString('latin1').replaceAll('"length":3}', '"length":8}'), 'latin1')
    writeFileSync(file, forged)
    expect(() => readTables(file)).toThrow(/outside its data/)
    writeFileSync(file, 'not a table file at all')
    expect(() => readTables(file)).toThrow(/not a table cache file/)
  })

  propertyTest.prop([fc.jsonValue({ maxDepth: 3 }), fc.array(fc.float32Array({ noDefaultInfinity: true, maxLength: 9 }), { maxLength: 4 }), fc.uint16Array({ maxLength: 7 })], { numRuns: 60 })(
    'round-trip any JSON value with typed arrays beside it, or refuse it',
    (json, floats, shorts) => {
      const file = path.join(freshFolder(), 'any.tables')
      const value = { json, floats, shorts }
      try {
        writeTables(file, value)
      } catch (error) {
        // Only what JSON would not give back as it was (here -0, or a `$typed` key) is refused.
        expect(String(error)).toMatch(/the number -0|`\$typed` key/)
        return
      }
      expect(readTables(file)).toEqual(value)
    },
  )
})

describe('cachedTables', () => {
  it('builds once, then reads the entry; an edited source makes a new one', () => {
    const folder = freshFolder()
    const model = source(folder)
    let builds = 0
    const build = () => ((builds += 1), sample())
    expect(cachedTables('sample', [model], build, folder)).toEqual(sample())
    expect(cachedTables('sample', [model], build, folder)).toEqual(sample())
    expect(builds).toBe(1)
    writeFileSync(model, 'model v2, longer')
    utimesSync(model, new Date(2030, 0, 1), new Date(2030, 0, 1))
    expect(cachedTables('sample', [model], build, folder)).toEqual(sample())
    expect(builds).toBe(2)
    expect(readdirSync(folder).filter((name) => name.endsWith('.tables'))).toHaveLength(2)
  })

  it('rebuilds over a damaged entry, and builds every time without a folder', () => {
    const folder = freshFolder()
    const model = source(folder)
    let builds = 0
    const build = () => ((builds += 1), sample())
    cachedTables('sample', [model], build, folder)
    const entry = readdirSync(folder).find((name) => name.endsWith('.tables')) as string
    truncateSync(path.join(folder, entry), 10)
    expect(cachedTables('sample', [model], build, folder)).toEqual(sample())
    expect(cachedTables('sample', [model], build, folder)).toEqual(sample())
    expect(builds).toBe(2)
    expect(cachedTables('sample', [model], build, undefined)).toEqual(sample())
    expect(builds).toBe(3)
  })

  it('returns the built tables when the folder cannot be written or the tables cannot be cached', () => {
    const folder = freshFolder()
    const model = source(folder)
    const blocked = path.join(folder, 'a-file')
    writeFileSync(blocked, '')
    expect(cachedTables('sample', [model], sample, blocked)).toEqual(sample())
    const map = new Map([['a', 1]])
    expect(cachedTables('map', [model], () => ({ map }), folder)).toEqual({ map })
    expect(readdirSync(folder).sort()).toEqual(['a-file', 'model.bin'])
  })

  it('does not make a removed build folder again to hold its tables', () => {
    const build = path.join(freshFolder(), 'sluice-build')
    expect(cachedTables('sample', [source(freshFolder())], sample, path.join(build, 'tables'))).toEqual(sample())
    expect(existsSync(build)).toBe(false)
  })

  it('is the folder bin/sluice.js names, under the same key', () => {
    const launcher = readFileSync(new URL('../../bin/sluice.js', import.meta.url), 'utf8')
    expect(launcher).toContain(`setEnvironmentData('${TABLE_CACHE_KEY}', fileURLToPath(new URL('./tables/', entry)))`)
  })

  it('builds when a source is missing, without writing anything', () => {
    const folder = freshFolder()
    expect(cachedTables('sample', [path.join(folder, 'gone.bin')], sample, folder)).toEqual(sample())
    expect(existsSync(folder) && readdirSync(folder)).toEqual([])
  })

  it('gives the n-gram model that the folder named by the CLI caches the same answers as its data file', () => {
    const folder = freshFolder()
    const name = 'garble-classes.bin.gz'
    setEnvironmentData(TABLE_CACHE_KEY, folder)
    try {
      const first = loadNgramModel(name)
      const entry = path.join(folder, readdirSync(folder).find((file) => file.startsWith(`ngram-${name}`)) as string)
      const cached = loadNgramModel(name)
      const fromFile = decodeModel(gunzipSync(readFileSync(new URL(`../../src/text/data/${name}`, import.meta.url))))
      for (let u = 0; u < 60; u += 1) for (let v = 0; v < 60; v += 7) for (let w = 0; w < 60; w += 5) {
        expect(cached.logProb(u, v, w)).toBe(fromFile.logProb(u, v, w))
        expect(first.logProb(u, v, w)).toBe(fromFile.logProb(u, v, w))
      }
      expect(cached.idOf('the')).toBe(fromFile.idOf('the'))
      // The entry is what a later load reads: change every unigram probability there and the model follows.
      const tables = readTables(entry) as { arrays: { prob: Float32Array } }
      tables.arrays.prob.fill(-0.25)
      writeTables(entry, tables)
      const edited = loadNgramModel(name)
      let changed = 0
      for (let w = 0; w < 60; w += 1) if (edited.logProb(3, 7, w) !== fromFile.logProb(3, 7, w)) changed += 1
      expect(changed).toBeGreaterThan(30)
    } finally {
      setEnvironmentData(TABLE_CACHE_KEY, undefined)
    }
  })
})
