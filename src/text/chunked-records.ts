/**
 * Fixed-width records of 32-bit numbers appended for the whole run, in chunks: growing never
 * copies what is already stored, and a checkpoint saves full chunks once (they never change
 * again) and at most one chunk of unused room.
 */

/** The records; create them with {@link createChunkedRecords}. */
export interface ChunkedRecords {
  /** Numbers per record. */
  width: number
  count: number
  chunks: Uint32Array[]
}

/** Records per chunk. */
const CHUNK = 4096

/** No records yet, each `width` numbers wide. */
export function createChunkedRecords(width: number): ChunkedRecords {
  return { width, count: 0, chunks: [] }
}

/** Appends one record (its numbers are stored modulo 2^32) and returns its number. */
export function appendRecord(records: ChunkedRecords, values: ArrayLike<number>): number {
  const record = records.count
  if (record % CHUNK === 0) records.chunks.push(new Uint32Array(CHUNK * records.width))
  ;(records.chunks[Math.floor(record / CHUNK)] as Uint32Array).set(values, (record % CHUNK) * records.width)
  records.count += 1
  return record
}

/** Record `record` as a view (no copy). */
export function recordAt(records: ChunkedRecords, record: number): Uint32Array {
  if (!Number.isInteger(record) || record < 0 || record >= records.count) throw new RangeError(`Expected a record number below ${records.count}, got ${record}.`)
  const at = (record % CHUNK) * records.width
  return (records.chunks[Math.floor(record / CHUNK)] as Uint32Array).subarray(at, at + records.width)
}
