/**
 * Fixed-width records of numbers appended for the whole run, in chunks of one typed-array type:
 * growing never copies what is already stored, and a checkpoint saves full chunks once (they
 * never change again) and at most one chunk of unused room.
 */

/** The typed arrays records can be stored in: the type is named, so the records stay plain data. */
const ARRAYS = {
  uint8: (length: number) => new Uint8Array(length),
  uint16: (length: number) => new Uint16Array(length),
  int32: (length: number) => new Int32Array(length),
  uint32: (length: number) => new Uint32Array(length),
}

/** Which typed array holds the numbers (they are stored modulo its range). */
export type RecordType = keyof typeof ARRAYS
type ArrayOf<Type extends RecordType> = ReturnType<(typeof ARRAYS)[Type]>

/** The records; create them with {@link createChunkedRecords}. */
export interface ChunkedRecords<Type extends RecordType = 'uint32'> {
  type: Type
  /** Numbers per record. */
  width: number
  count: number
  chunks: ArrayOf<Type>[]
}

/** Records per chunk. */
const CHUNK = 4096

/** No records yet, each `width` numbers of `type` wide. */
export function createChunkedRecords<Type extends RecordType = 'uint32'>(width: number, type: Type = 'uint32' as Type): ChunkedRecords<Type> {
  return { type, width, count: 0, chunks: [] }
}

/** Appends one record and returns its number. */
export function appendRecord<Type extends RecordType>(records: ChunkedRecords<Type>, values: ArrayLike<number>): number {
  const record = records.count
  if (record % CHUNK === 0) records.chunks.push(ARRAYS[records.type](CHUNK * records.width) as ArrayOf<Type>)
  ;(records.chunks[Math.floor(record / CHUNK)] as ArrayOf<Type>).set(values, (record % CHUNK) * records.width)
  records.count += 1
  return record
}

function checked<Type extends RecordType>(records: ChunkedRecords<Type>, record: number): void {
  if (!Number.isInteger(record) || record < 0 || record >= records.count) throw new RangeError(`Expected a record number below ${records.count}, got ${record}.`)
}

/** Record `record` as a view (no copy). */
export function recordAt<Type extends RecordType>(records: ChunkedRecords<Type>, record: number): ArrayOf<Type> {
  checked(records, record)
  const at = (record % CHUNK) * records.width
  return (records.chunks[Math.floor(record / CHUNK)] as ArrayOf<Type>).subarray(at, at + records.width) as ArrayOf<Type>
}

/** Number `field` of record `record`, without making a view: for loops that read one number of many records. */
export function recordValue<Type extends RecordType>(records: ChunkedRecords<Type>, record: number, field: number): number {
  return (records.chunks[Math.floor(record / CHUNK)] as ArrayOf<Type>)[(record % CHUNK) * records.width + field] as number
}
