import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { createKeyTable, hexKey, lookupKey, storeKey } from '../../src/text/key-table.ts'

describe('key table', () => {
  // Keys from a small range collide in their low bits, so probing and growth (past 1,024 slots) are exercised.
  propertyTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4000 }), fc.nat({ max: 0x7fffffff })), { maxLength: 3000 })], { numRuns: 10 })(
    'answers like a Map from the two halves to the last value stored',
    (entries) => {
      const table = createKeyTable()
      const expected = new Map<string, number>()
      for (const [high, low, value] of entries) {
        storeKey(table, high, low, value)
        expected.set(`${high}:${low}`, value)
      }
      expect(table.size).toBe(expected.size)
      for (const [high, low] of entries) expect(lookupKey(table, high, low)).toBe(expected.get(`${high}:${low}`))
      expect(lookupKey(table, 8, 0)).toBe(-1)
    },
  )

  it('tells keys apart by either half, and takes unsigned or signed halves alike', () => {
    const table = createKeyTable(4)
    storeKey(table, 0xffffffff, 1, 5)
    storeKey(table, 1, 0xffffffff, 6)
    expect(lookupKey(table, -1, 1)).toBe(5)
    expect(lookupKey(table, 1, -1)).toBe(6)
    expect(lookupKey(table, 1, 1)).toBe(-1)
  })

  it('refuses values it cannot store, naming the value', () => {
    expect(() => storeKey(createKeyTable(), 1, 2, -1)).toThrow('got -1')
    expect(() => storeKey(createKeyTable(), 1, 2, 2 ** 31)).toThrow('2^31 - 1')
  })

  it('reads the first 64 bits of a hex digest', () => {
    expect(hexKey('ffffffff00000001abcd')).toEqual({ high: 0xffffffff, low: 1 })
    expect(() => hexKey('xyz')).toThrow('hex digest')
  })
})
