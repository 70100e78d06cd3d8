/**
 * Shard results as bytes: V8 structured-clone serialisation (what the worker-thread pool posts,
 * so typed arrays, `undefined` fields and numbers survive exactly), gzipped at the fastest level
 * because Redis holds every result until the run ends. Scratch `meta` that cannot be cloned is
 * left out, as the worker-thread pool does; outputs never read it.
 */
import { promisify } from 'node:util'
import v8 from 'node:v8'
import { gunzip, gzip } from 'node:zlib'
import type { ShardEntry, ShardResult } from './types.ts'

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

function cloneable(value: unknown): boolean {
  try {
    v8.serialize(value)
    return true
  } catch {
    return false
  }
}

function withoutUncloneableMeta(entry: ShardEntry): ShardEntry {
  if (entry.kind !== 'document' || cloneable(entry.result.doc.meta)) return entry
  return { kind: 'document', result: { ...entry.result, doc: { ...entry.result.doc, meta: {} } } }
}

/** Encodes a result for the store. */
export async function encodeResult(result: ShardResult): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = v8.serialize(result)
  } catch {
    bytes = v8.serialize({ ...result, entries: result.entries.map(withoutUncloneableMeta) })
  }
  return gzipAsync(bytes, { level: 1 })
}

/** Decodes what {@link encodeResult} stored. */
export async function decodeResult(bytes: Buffer): Promise<ShardResult> {
  return v8.deserialize(await gunzipAsync(bytes)) as ShardResult
}
