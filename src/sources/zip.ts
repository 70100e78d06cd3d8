/**
 * Zip archives, read with node-stream-zip: entries in byte-wise order of their names, streamed
 * one at a time through the same dispatcher as files (`dump.zip!/site/a.txt`; nested archives
 * join with `!/`). Entry names are labels only, never filesystem paths, so `../` cannot escape.
 * OS junk (`__MACOSX/`, `.DS_Store`, `._*`, …) and hidden folders are skipped with a reason;
 * encrypted entries, decompression bombs and broken archives become fatal seeds and the batch
 * goes on; an archive cut off part-way keeps the entries before the cut (zip-salvage.ts). An
 * archive inside an archive is copied to a temporary file (zip needs random access).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type StreamZip from 'node-stream-zip'
import type { InputBlob } from './blob.ts'
import { capBytes, guardInflate } from './blob.ts'
import { junkReason } from './discover.ts'
import { childLocation, describeError, fatalSeed, labelOf, skippedItem, SourceError } from './fatal.ts'
import type { ReadContext } from './read.ts'
import type { SourceItem } from './types.ts'
import { archiveGuard, checkDepth, exceedsRatio } from './zip-limits.ts'
import { isReadableMethod, salvagedBytes, salvageEntries } from './zip-salvage.ts'
import type { WalkEnd } from './zip-salvage.ts'

/** What the reader needs of an entry, whether node-stream-zip read it from the central directory or zip-salvage.ts from its local header. */
type ZipMember = Pick<StreamZip.ZipEntry, 'name' | 'isDirectory' | 'encrypted' | 'size' | 'compressedSize' | 'method'>
type Planned<Entry extends ZipMember> = { kind: 'entry'; entry: Entry } | { kind: 'skip'; name: string; reason: string; count: number }

/** The junk or hidden folder prefix of an entry name (`a/__MACOSX/`), or the junk file name. */
function junkOf(name: string): { name: string; reason: string; folder: boolean } | undefined {
  const segments = name.split(/[\\/]/)
  for (const [position, segment] of segments.entries()) {
    const isFolder = position < segments.length - 1
    const hidden = isFolder && segment.startsWith('.') && segment !== '.' && segment !== '..'
    const reason = junkReason(segment) ?? (hidden ? 'hidden folder, not read' : undefined)
    if (reason !== undefined) return { name: isFolder ? `${segments.slice(0, position + 1).join('/')}/` : name, reason, folder: isFolder }
  }
  return undefined
}

/** Sorted file entries, with each junk folder folded into one skipped item. */
export function planEntries<Entry extends ZipMember>(entries: readonly Entry[]): Planned<Entry>[] {
  const files = entries.filter((entry) => !entry.isDirectory && !entry.name.endsWith('/'))
  files.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
  const plan: Planned<Entry>[] = []
  for (const entry of files) {
    const junk = junkOf(entry.name)
    const last = plan.at(-1)
    if (junk === undefined) plan.push({ kind: 'entry', entry })
    else if (junk.folder && last?.kind === 'skip' && last.name === junk.name) last.count += 1
    else plan.push({ kind: 'skip', name: junk.name, reason: junk.reason, count: 1 })
  }
  return plan
}

async function spillToTemp(blob: InputBlob, limit: number): Promise<{ file: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'sluice-zip-'))
  const remove = () => rm(folder, { recursive: true, force: true })
  try {
    const file = path.join(folder, 'archive.zip')
    await pipeline(Readable.from(capBytes(blob, limit)), createWriteStream(file))
    return { file, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** node-stream-zip is imported on the first archive: runs without zips never load it. Throws what the library threw. */
async function openZip(file: string): Promise<{ zip: InstanceType<typeof StreamZip.async>; entries: StreamZip.ZipEntry[] }> {
  const { default: library } = await import('node-stream-zip')
  const zip = new library.async({ file, storeEntries: true, skipEntryNameValidation: true })
  try {
    return { zip, entries: Object.values(await zip.entries()) }
  } catch (error) {
    await zip.close().catch(() => undefined)
    throw error
  }
}

function unreadableArchive(blob: InputBlob, error: unknown): SourceError {
  const reason = `Cannot read ${labelOf(blob.location)}: it is not a readable zip archive (${describeError(error)}); it may be truncated or corrupt. Re-create or re-download it.`
  return new SourceError('source/unreadable-archive', reason)
}

/** An entry's inflated bytes, as node-stream-zip streams them. */
export async function* entryBytes(zip: InstanceType<typeof StreamZip.async>, entry: StreamZip.ZipEntry): AsyncGenerator<Uint8Array> {
  const stream = (await zip.stream(entry)) as AsyncIterable<Uint8Array>
  yield* stream
}

/** Compression methods other than stored and deflate that archives use (APPNOTE 4.4.5), named for the message. */
const METHOD_NAMES: Readonly<Record<number, string>> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'xz', 98: 'PPMd' }

/** The items of one zip entry (or its fatal seed); `bytes` opens the entry's inflated bytes. */
function entryItems<Entry extends ZipMember>(entry: Entry, bytes: (entry: Entry) => AsyncIterable<Uint8Array>, archive: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> | SourceItem {
  const limits = context.options.limits
  const location = childLocation(archive.location, entry.name.replace(/\\/g, '/'))
  const label = labelOf(location)
  if (entry.encrypted) {
    return fatalSeed(location, 'unknown', 'source/encrypted', `${label} is encrypted; extract it with its password and add the file unzipped.`)
  }
  if (!isReadableMethod(entry.method)) {
    const method = METHOD_NAMES[entry.method] === undefined ? `method ${entry.method}` : `${METHOD_NAMES[entry.method]} (method ${entry.method})`
    return fatalSeed(location, 'unknown', 'source/unreadable-archive', `${label} is compressed with ${method}, which sluice cannot read (only stored and deflated entries); extract it with the tool that made the archive and add the file unzipped.`)
  }
  if (exceedsRatio(entry.size, entry.compressedSize, limits)) {
    const reason = `${label} would inflate from ${entry.compressedSize} to ${entry.size} bytes, more than ${limits.maxCompressionRatio} times (limits.maxCompressionRatio): it looks like a zip bomb.`
    return fatalSeed(location, 'unknown', 'source/compression-ratio', reason)
  }
  const guard = archiveGuard(archive, limits, entry.compressedSize)
  const capReason = `${label} inflates more than ${limits.maxCompressionRatio} times its compressed size (limits.maxCompressionRatio): it looks like a zip bomb.`
  const name = location.entry?.split('/').at(-1) ?? entry.name
  const inner: InputBlob = { location, name, size: entry.size, depth: archive.depth + 1, budget: guard.budget, open: () => guardInflate(bytes(entry), { ...guard, capReason }) }
  return context.read(inner)
}

/**
 * The items of a planned run of entries, in order; exported for distributed runs, which read
 * ranges of a plan. `archive` carries the archive's inflation budget.
 */
export async function* readPlan<Entry extends ZipMember>(plan: readonly Planned<Entry>[], archive: InputBlob, bytes: (entry: Entry) => AsyncIterable<Uint8Array>, context: ReadContext): AsyncGenerator<SourceItem> {
  for (const step of plan) {
    if (step.kind === 'skip') yield skippedItem(childLocation(archive.location, step.name), step.count > 1 ? `${step.reason} (${step.count} entries)` : step.reason)
    else {
      const items = entryItems(step.entry, bytes, archive, context)
      if ('kind' in items) yield items
      else yield* items
    }
  }
}

/** The archive with its inflation budget, refused when its entries declare more than the budget. */
function budgeted(blob: InputBlob, entries: readonly ZipMember[], context: ReadContext): InputBlob {
  const archive: InputBlob = { ...blob, budget: blob.budget ?? { remaining: context.options.limits.maxArchiveBytes } }
  const declared = entries.reduce((total, entry) => total + entry.size, 0)
  if (declared > (archive.budget?.remaining ?? 0)) throw new SourceError('source/archive-too-large', archiveGuard(archive, context.options.limits, undefined).budgetReason)
  return archive
}

/**
 * A zip whose central directory cannot be read: the entries zip-salvage.ts finds by their local
 * headers, then a fatal seed saying what was lost (see walkEnd), so a damaged archive is never
 * passed as whole. With no entry found, the directory's own error stands.
 */
async function* readSalvaged(file: string, blob: InputBlob, context: ReadContext, failure: unknown): AsyncGenerator<SourceItem> {
  // Only a system error (the file vanished) gives up here; a bug in the walk should be seen.
  const salvage = await salvageEntries(file).catch((error: unknown) => {
    if (/^E[A-Z]+$/u.test(String((error as { code?: unknown }).code))) return undefined
    throw error
  })
  const files = salvage?.entries.filter((entry) => !entry.isDirectory) ?? []
  // An entry cut through is news even when it is the first; bytes that are no zip at all are not.
  if (salvage === undefined || (files.length === 0 && salvage.end.kind !== 'cut')) throw unreadableArchive(blob, failure)
  yield* readPlan(planEntries(salvage.entries), budgeted(blob, salvage.entries, context), (entry) => salvagedBytes(file, entry), context)
  const found = files.length === 0 ? 'no whole entry was found' : files.length === 1 ? '1 entry was found by its local header' : `${files.length} entries were found by their local headers`
  const { end } = salvage
  const location = end.kind === 'cut' && end.name !== undefined ? childLocation(blob.location, end.name.replace(/\\/g, '/')) : blob.location
  const reason = `The central directory of ${labelOf(blob.location)} cannot be read (${describeError(failure)}), so the archive is truncated or corrupt: ${found}; ${walkEnd(end)}. Re-create or re-download it.`
  yield fatalSeed(location, 'unknown', 'source/truncated-archive', reason)
}

/** What the walk's end means for the entries not found. */
function walkEnd(end: WalkEnd): string {
  if (end.kind === 'directory') return 'that is every entry, and the damage is in the directory after the last one'
  if (end.kind === 'end') return 'entries after the cut, if there were any, are lost'
  if (end.kind === 'cut') return `${end.name ?? 'the next entry'} is cut off (${end.reason}) and entries after it are lost`
  return `the rest is unreadable (${end.reason})`
}

async function* readOpenZip(file: string, blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  let opened: Awaited<ReturnType<typeof openZip>>
  try {
    opened = await openZip(file)
  } catch (error) {
    return yield* readSalvaged(file, blob, context, error)
  }
  const { zip, entries } = opened
  try {
    const archive = budgeted(blob, entries, context)
    const plan = planEntries(entries)
    if (plan.length === 0) throw new SourceError('source/empty', `${labelOf(blob.location)} is an empty archive (no files in it).`)
    yield* readPlan(plan, archive, (entry) => entryBytes(zip, entry), context)
  } finally {
    await zip.close().catch(() => undefined)
  }
}

/** Reads every entry of a zip archive, in sorted order, one at a time. */
export async function* readZip(blob: InputBlob, context: ReadContext): AsyncGenerator<SourceItem> {
  checkDepth(blob, context.options.limits)
  if (blob.size === 0) throw new SourceError('source/empty', `${labelOf(blob.location)} is empty (0 bytes); remove it or check the export that wrote it.`)
  if (blob.filePath !== undefined) return yield* readOpenZip(blob.filePath, blob, context)
  const spilled = await spillToTemp(blob, context.options.limits.maxFileBytes)
  try {
    yield* readOpenZip(spilled.file, blob, context)
  } finally {
    await spilled.remove()
  }
}
