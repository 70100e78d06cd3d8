import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { countOf, createCountTable, setCount } from '../../src/text/count-table.ts'

describe('count table', () => {
  // Keys that share their low bits collide, so probing and growth (past 8 slots) are exercised.
  propertyTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }).map((key) => (key * 1024) >>> 0), fc.integer({ min: 1, max: 0xffffffff })), { maxLength: 2000 })], { numRuns: 20 })(
    'answers like a Map from key to the last count stored',
    (entries) => {
      const table = createCountTable()
      const expected = new Map<number, number>()
      for (const [key, count] of entries) {
        setCount(table, key, count)
        expected.set(key, count)
      }
      expect(table.size).toBe(expected.size)
      for (const [key] of entries) expect(countOf(table, key)).toBe(expected.get(key))
      expect(countOf(table, 7)).toBe(0)
      // Never more than ¾ full, so a miss always ends at an empty slot.
      expect(table.size * 4).toBeLessThanOrEqual((table.pairs.length / 2) * 3)
    },
  )

  it('takes unsigned and signed keys alike, key 0 included', () => {
    const table = createCountTable(2)
    setCount(table, 0, 3)
    setCount(table, -1, 4)
    expect(countOf(table, 0)).toBe(3)
    expect(countOf(table, 0xffffffff)).toBe(4)
    expect(countOf(table, 1)).toBe(0)
  })

  it('grows for a new key at ¾ full, not for a new count of a key it has', () => {
    const table = createCountTable(8)
    for (let key = 1; key <= 6; key += 1) setCount(table, key, 1)
    setCount(table, 3, 2)
    expect(table.pairs.length).toBe(16)
    setCount(table, 7, 1)
    expect(table.pairs.length).toBe(32)
    expect([countOf(table, 3), countOf(table, 7), table.size]).toEqual([2, 1, 7])
  })

  it('refuses a size that is not a power of two, which would make probing loop', () => {
    expect(() => createCountTable(3)).toThrow('power of two, got 3')
    expect(() => createCountTable(0)).toThrow('got 0')
  })

  it('refuses counts it cannot store, naming the count', () => {
    expect(() => setCount(createCountTable(), 1, 0)).toThrow('got 0')
    expect(() => setCount(createCountTable(), 1, 2 ** 32)).toThrow('2^32 - 1')
  })

  it('holds 2,000 counts in 4,096 slots of 8 bytes, a typed array a structured clone keeps', () => {
    const table = createCountTable()
    for (let key = 0; key < 2000; key += 1) setCount(table, Math.imul(key, 2654435761), key + 1)
    expect(table.pairs.byteLength).toBe(4096 * 8)
    const copy = structuredClone(table)
    expect(countOf(copy, Math.imul(1999, 2654435761))).toBe(2000)
  })
})
