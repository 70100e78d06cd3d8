/**
 * Finds the files behind the input paths and says what each one is. Folders are walked
 * recursively in byte-wise order of their relative paths (`/` separated), so a batch reads in
 * the same order on every machine. OS junk and hidden folders are reported as skipped.
 *
 * Labels (`source.path`): with `root`, every path is relative to it. Without, a folder's
 * files are relative to that folder (`input/` → `site/a.txt`) and an explicit file is relative
 * to the working directory.
 */
import { statSync } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { fatalSeed, describeError, skippedItem } from './fatal.ts'
import type { SourceItem } from './types.ts'
import { OUTPUT_LOCK_FILE } from '../core/output-lock.ts'

/** What sluice knows how to read. */
export type InputKind = 'txt' | 'html' | 'feed' | 'json' | 'jsonl' | 'zip' | 'gzip'

const EXTENSIONS: Readonly<Record<string, InputKind>> = {
  txt: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  zip: 'zip',
  gz: 'gzip',
}

const SUPPORTED = 'sluice reads .txt, .html, .htm, .xhtml, .xml, .rss, .atom, .json, .jsonl, .ndjson, .zip and .gz'
const JUNK_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db', '.localized'])
const JUNK_FOLDERS = new Set(['__macosx'])

/** Why a file or folder name is operating-system junk, or `undefined` when it is not. */
export function junkReason(name: string): string | undefined {
  const lower = name.toLowerCase()
  if (JUNK_FOLDERS.has(lower)) return 'macOS resource-fork folder (OS junk), not content'
  if (JUNK_FILES.has(lower)) return 'operating-system metadata file (OS junk), not content'
  if (name.startsWith('._')) return 'macOS resource fork (OS junk), not content'
  return undefined
}

/** The reader for a file name, or the reason it is skipped. */
export function classify(name: string): { kind: InputKind } | { skip: string } {
  const junk = junkReason(name)
  if (junk !== undefined) return { skip: junk }
  const lower = name.toLowerCase()
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz') || lower.endsWith('.tar')) {
    return { skip: `unsupported format: tar archives are not read; extract it or zip it (${SUPPORTED})` }
  }
  const dot = lower.lastIndexOf('.')
  if (dot <= 0 || dot === lower.length - 1) return { skip: `unsupported format (no file extension): ${SUPPORTED}` }
  const extension = lower.slice(dot + 1)
  const kind = EXTENSIONS[extension]
  return kind === undefined ? { skip: `unsupported format .${extension}: ${SUPPORTED}` } : { kind }
}

/** A FIFO would block the batch forever; devices and sockets hold no documents. */
const SPECIAL_FILE = 'not a regular file (pipe, socket or device), not read'

/**
 * A folder holding a run's lock is where a run writes, this one or another, so the walk never
 * reads it as input: an output folder inside the input folder would otherwise feed last
 * night's clean.jsonl back in.
 */
const OUTPUT_FOLDER = `a sluice output folder (it holds ${OUTPUT_LOCK_FILE} while a run writes there), not read as input`

/** A file found on disk, with its label relative to the input root. */
export interface FoundFile {
  kind: 'file'
  filePath: string
  label: string
  name: string
  size: number
  /** Last modification time (ms), for the input fingerprint of checkpoints and incremental runs. */
  modifiedMs: number
}

function toLabel(base: string, filePath: string): string {
  const relative = path.relative(base, filePath)
  return (relative === '' ? path.basename(filePath) : relative).split(path.sep).join('/')
}

/** Byte-wise order of full relative paths: a folder sorts as its name followed by `/`. */
function sortKey(name: string, isFolder: boolean): Buffer {
  return Buffer.from(isFolder ? `${name}/` : name)
}

interface Child {
  name: string
  fullPath: string
  isFolder: boolean
}

async function listFolder(folder: string): Promise<Child[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const children = await Promise.all(
    entries.map(async (entry) => {
      const fullPath = path.join(folder, entry.name)
      const isFolder = entry.isSymbolicLink() ? await stat(fullPath).then((info) => info.isDirectory(), () => false) : entry.isDirectory()
      return { name: entry.name, fullPath, isFolder }
    }),
  )
  return children.sort((a, b) => Buffer.compare(sortKey(a.name, a.isFolder), sortKey(b.name, b.isFolder)))
}

async function* walkChild(child: Child, base: string, seen: Set<string>): AsyncGenerator<FoundFile | SourceItem> {
  const label = toLabel(base, child.fullPath)
  const junk = junkReason(child.name)
  if (junk !== undefined) yield skippedItem(child.isFolder ? `${label}/` : label, junk)
  else if (child.isFolder && child.name.startsWith('.')) yield skippedItem(`${label}/`, 'hidden folder, not read')
  else if (child.isFolder) yield* walkFolder(child.fullPath, base, seen)
  else yield foundFile(child.fullPath, label, child.name)
}

/**
 * A file's size and kind. `statSync` on purpose: one call takes microseconds, while the promise
 * version's round trip through the thread pool costs the main thread ten times more per file,
 * and a folder of 100k small files makes that the main thread's largest cost.
 */
function foundFile(filePath: string, label: string, name: string): FoundFile | SourceItem {
  try {
    const info = statSync(filePath)
    if (!info.isFile()) return skippedItem(label, SPECIAL_FILE)
    return { kind: 'file', filePath, label, name, size: info.size, modifiedMs: info.mtimeMs }
  } catch (error) {
    return fatalSeed({ path: label }, 'unknown', 'source/unreadable', `Cannot read ${label}: ${describeError(error)}.`)
  }
}

async function* walkFolder(folder: string, base: string, seen: Set<string>): AsyncGenerator<FoundFile | SourceItem> {
  const label = toLabel(base, folder)
  let children: Child[]
  try {
    const real = await realpath(folder)
    if (seen.has(real)) {
      yield skippedItem(`${label}/`, 'symbolic link back into a folder already read (loop), not read again')
      return
    }
    seen.add(real)
    children = await listFolder(folder)
    if (children.some((child) => child.name === OUTPUT_LOCK_FILE && !child.isFolder)) {
      yield skippedItem(`${label}/`, OUTPUT_FOLDER)
      return
    }
  } catch (error) {
    yield fatalSeed({ path: `${label}/` }, 'unknown', 'source/unreadable', `Cannot list folder ${label}: ${describeError(error)}. Check its permissions.`)
    return
  }
  for (const child of children) yield* walkChild(child, base, seen)
}

/**
 * Walks the inputs in the order given (folders recursively, sorted) and yields each file found,
 * or a skipped/fatal item for what cannot be walked. Never throws.
 */
export async function* discover(inputs: readonly string[], root?: string): AsyncGenerator<FoundFile | SourceItem> {
  const seen = new Set<string>()
  for (const input of inputs) {
    const absolute = path.resolve(input)
    const base = root === undefined ? undefined : path.resolve(root)
    try {
      const info = await stat(absolute)
      if (info.isDirectory()) yield* walkFolder(absolute, base ?? absolute, seen)
      else yield foundFile(absolute, toLabel(base ?? process.cwd(), absolute), path.basename(absolute))
    } catch (error) {
      const reason = `Cannot read input ${input}: ${describeError(error)}. Check the path given in \`input\` or --input.`
      yield fatalSeed({ path: input.split(path.sep).join('/') }, 'unknown', 'source/unreadable', reason)
    }
  }
}
