/**
 * The catalogue of `source/...` rules and the one way readers report a problem: a document seed
 * carrying a fatal message, so an unreadable input shows up in rejects.jsonl with file and line
 * instead of vanishing. Readers may also throw a `SourceError`; the dispatcher turns it into a seed.
 */
import type { SourceFormat } from '../core/doc.ts'
import type { DocMessage } from '../core/message.ts'
import type { SourceItem } from './types.ts'

/** Every rule id a source can put on a seed. */
export const sourceRules = [
  'source/unreadable',
  'source/empty',
  'source/too-large',
  'source/binary',
  'source/malformed-json',
  'source/malformed-xml',
  'source/not-a-feed',
  'source/no-records',
  'source/not-a-record',
  'source/no-text-field',
  'source/unreadable-archive',
  'source/truncated-archive',
  'source/encrypted',
  'source/archive-too-large',
  'source/archive-too-deep',
  'source/compression-ratio',
] as const

/** One of {@link sourceRules}. */
export type SourceRule = (typeof sourceRules)[number]

/** Where an input sits: a file path (relative to the input root) and an optional archive entry. */
export interface SourceLocation {
  path: string
  entry?: string
}

/** `dump.zip!/site/a.txt`: the location as people read it in messages. */
export function labelOf(location: SourceLocation): string {
  return location.entry === undefined ? location.path : `${location.path}!/${location.entry}`
}

/** The location of `name` inside the archive at `parent`; nested archives join with `!/`. */
export function childLocation(parent: SourceLocation, name: string): SourceLocation {
  return { path: parent.path, entry: parent.entry === undefined ? name : `${parent.entry}!/${name}` }
}

/** A problem a reader found, thrown to the dispatcher, which turns it into a fatal seed. */
export class SourceError extends Error {
  constructor(
    readonly rule: SourceRule,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(reason)
    this.name = 'SourceError'
  }
}

/** Extra placement of a fatal seed inside its file. */
export interface SeedPlace {
  index?: number
  line?: number
  actual?: string
}

/** A seed for an input that could not be read, carrying one fatal `source/...` message. */
export function fatalSeed(location: SourceLocation, format: SourceFormat, rule: SourceRule, reason: string, place: SeedPlace = {}): SourceItem {
  const message: DocMessage = { stage: 'source', rule, severity: 'fatal', reason }
  if (place.line !== undefined) message.place = { line: place.line }
  if (place.actual !== undefined) message.actual = place.actual
  const source = { ...location, format, ...(place.index === undefined ? {} : { index: place.index }), ...(place.line === undefined ? {} : { line: place.line }) }
  return { kind: 'doc', init: { source, messages: [message] } }
}

/** An input found but deliberately not read (OS junk, unsupported format), with the reason. */
export function skippedItem(location: SourceLocation | string, reason: string): SourceItem {
  return { kind: 'skipped', skipped: { path: typeof location === 'string' ? location : labelOf(location), reason } }
}

const ERROR_CODES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
  EIO: 'an I/O error occurred',
}

/** A readable sentence for a system error ("permission denied (EACCES)"). */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code
  if (typeof code === 'string') return `${ERROR_CODES[code] ?? 'a system error occurred'} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/** Turns whatever a reader threw into a fatal seed; inside an archive, a read error means a bad archive. */
export function seedFromError(location: SourceLocation, format: SourceFormat, error: unknown, insideArchive: boolean): SourceItem {
  const label = labelOf(location)
  if (error instanceof SourceError) return fatalSeed(location, format, error.rule, error.reason, { line: error.line })
  if (insideArchive) {
    const reason = `Cannot read ${label}: the archive is truncated or corrupt (${describeError(error)}). Re-create or re-download the archive.`
    return fatalSeed(location, format, 'source/unreadable-archive', reason)
  }
  return fatalSeed(location, format, 'source/unreadable', `Cannot read ${label}: ${describeError(error)}. Check that the file exists and is readable.`)
}
