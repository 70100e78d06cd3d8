import { describe, expect, it } from 'vitest'
import { appendRecord, createChunkedRecords, recordAt } from '../../src/text/chunked-records.ts'

describe('chunked records', () => {
  it('gives back every record across chunk boundaries, stored modulo 2^32', () => {
    const records = createChunkedRecords(3)
    for (let record = 0; record < 10_000; record += 1) expect(appendRecord(records, [record, record * 3, -1])).toBe(record)
    expect(records.chunks.length).toBe(3)
    for (const record of [0, 4095, 4096, 9999]) expect([...recordAt(records, record)]).toEqual([record, record * 3, 0xffffffff])
  })

  it('refuses a record number it does not hold', () => {
    const records = createChunkedRecords(1)
    appendRecord(records, [7])
    expect(() => recordAt(records, 1)).toThrow('below 1, got 1')
  })
})
