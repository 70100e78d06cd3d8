/**
 * Finds and reads the development corpus (`../shared/corpus/dev`). The corpus is AGPL data kept
 * outside the repo, so the eval locates it at run time and says plainly when it is not there.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** The two inputs users have: innerText dumps and saved HTML. */
export type Track = 'txt' | 'html'

/** Everything the eval reads from the corpus, for the pages in scope. */
export interface Corpus {
  shared: string
  dir: string
  /** Page ids in score.py's order (sorted by code point). */
  ids: string[]
  truth: Map<string, string>
  /** Reader comments per page, where the page had them: NOT article text. */
  comments: Map<string, string>
  /** Each page's own `<title>` (meta.json), where it has one. */
  pageTitles: Map<string, string>
}

/** The shared folder: `$SLUICE_SHARED`, else `../shared` next to the repo. */
export function sharedRoot(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SLUICE_SHARED ?? path.resolve(repoRoot, '../shared'))
}

/** A sentence saying what is missing, or undefined when the corpus is usable. */
export function corpusProblem(shared: string): string | undefined {
  const dir = path.join(shared, 'corpus', 'dev')
  if (!existsSync(shared)) return `The shared folder ${shared} does not exist: put the shared data next to the repo as ../shared, or set SLUICE_SHARED to its path.`
  for (const sub of ['truth', 'txt', 'html']) {
    if (!existsSync(path.join(dir, sub))) return `The development corpus is incomplete: ${path.join(dir, sub)} is missing. Restore ../shared/corpus/dev (see its README).`
  }
  return undefined
}

/** Input file of a page on a track. */
export function inputFile(corpus: Corpus, track: Track, id: string): string {
  return path.join(corpus.dir, track, `${id}.${track}`)
}

async function readTexts(dir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const id of ids) {
    const file = path.join(dir, `${id}.txt`)
    if (existsSync(file)) out.set(id, await readFile(file, 'utf8'))
  }
  return out
}

async function readPageTitles(dir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const file = path.join(dir, 'meta.json')
  const meta = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, { title?: unknown }>) : {}
  const titles = new Map<string, string>()
  for (const id of ids) {
    const title = meta[id]?.title
    if (typeof title === 'string' && title.trim() !== '') titles.set(id, title)
  }
  return titles
}

/** Reads the truth (and comments) of the first `limit` pages in id order. */
export async function loadCorpus(shared: string, limit?: number): Promise<Corpus> {
  const dir = path.join(shared, 'corpus', 'dev')
  const names = (await readdir(path.join(dir, 'truth'))).filter((name) => name.endsWith('.txt'))
  const all = names.map((name) => name.slice(0, -4)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const ids = limit === undefined ? all : all.slice(0, limit)
  return { shared, dir, ids, truth: await readTexts(path.join(dir, 'truth'), ids), comments: await readTexts(path.join(dir, 'comments'), ids), pageTitles: await readPageTitles(dir, ids) }
}

/**
 * The page id of an output record, the way score.py matches it: the file name itself, else with
 * one, two or three extensions taken off (`abc.html` → `abc`).
 */
export function matchId(source: string, ids: ReadonlySet<string>): string | undefined {
  let candidate = path.posix.basename(source.replace(/\\/g, '/'))
  for (let i = 0; i < 4; i++) {
    if (ids.has(candidate)) return candidate
    const ext = path.posix.extname(candidate)
    if (ext === '') return undefined
    candidate = candidate.slice(0, -ext.length)
  }
  return undefined
}
