/**
 * Sources: input paths in, document seeds out, in deterministic order. Folders are walked
 * recursively (byte-wise sorted relative paths), archives entry by entry, containers record by
 * record, all streamed one item at a time. Nothing here throws for bad input: an input that
 * cannot be read becomes a seed with a fatal `source/...` message ({@link sourceRules}), and an
 * input deliberately not read becomes a `skipped` item with the reason.
 *
 * Labels (`source.path`) are relative to `root` when given; otherwise a folder's files are
 * relative to that folder and an explicit file is relative to the working directory.
 */
import { fileBlob } from './blob.ts'
import { discover } from './discover.ts'
import { fatalSeed } from './fatal.ts'
import { readBlob } from './read.ts'
import type { SourceItem, SourceOptions } from './types.ts'

export { sourceRules } from './fatal.ts'
export type { SourceRule } from './fatal.ts'

/** Options of {@link readInputs}: the resolved `fields` and `limits`, and an optional label root. */
export type ReadInputsOptions = SourceOptions & { root?: string }

/** Yields one item per document seed or skipped input, in input order. Never throws. */
export async function* readInputs(inputs: string[], options: ReadInputsOptions): AsyncGenerator<SourceItem> {
  const sourceOptions: SourceOptions = { fields: options.fields, limits: options.limits }
  for await (const found of discover(inputs, options.root)) {
    if (found.kind !== 'file') {
      yield found
      continue
    }
    try {
      yield* readBlob(fileBlob(found.filePath, { path: found.label }, found.name, found.size), sourceOptions)
    } catch (error) {
      // readBlob contains reader errors; this only guards against a bug in the dispatcher itself.
      yield fatalSeed({ path: found.label }, 'unknown', 'source/unreadable', `Cannot read ${found.label}: ${String(error)}.`)
    }
  }
}
