/**
 * Deterministic bench inputs: text dumps of a target size and HTML page sets of a page count,
 * plus a zip and a JSONL of a set. Pages are copies of the development corpus
 * (`../shared/corpus/dev/{txt,html}`) with words swapped inside long lines by a seeded
 * generator, so every copy is a distinct document (dedupe keeps it) with the same shape as real
 * dumps; without the corpus a built-in generator writes synthetic pages of the same shape.
 * A set is written once per (name, seed) and reused; `.done` marks a complete set.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { syntheticHtml, syntheticDump } from './synthetic.ts'
import { seededRandom } from '../lib/seeded-random.ts'


/** Swaps two words in every long line (or `<p>` text), so the copy is a new document. */
export function perturb(text: string, random: () => number): string {
  return text.replace(/[^\n<>]{120,}/g, (line) => {
    const words = line.split(' ')
    if (words.length < 12) return line
    const at = 1 + Math.floor(random() * (words.length - 3))
    const other = at + 1 + Math.floor(random() * 2)
    ;[words[at], words[other]] = [words[other] as string, words[at] as string]
    return words.join(' ')
  })
}

/** The pages a set is made from: the dev corpus when present, else synthetic ones. */
export function templates(shared: string, kind: 'txt' | 'html', seed: number): { pages: string[]; from: string } {
  const dir = path.join(shared, 'corpus', 'dev', kind)
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((name) => name.endsWith(`.${kind}`)).sort()
    return { pages: files.map((name) => readFileSync(path.join(dir, name), 'utf8')), from: dir }
  }
  const random = seededRandom(seed ^ 0x5eed)
  const pages = Array.from({ length: 200 }, (_unused, index) => (kind === 'txt' ? syntheticDump(random, index) : syntheticHtml(random, index)))
  return { pages, from: 'built-in generator' }
}

/** What a generated set holds. */
export interface InputSet {
  name: string
  dir: string
  documents: number
  bytes: number
}

async function writeSet(dir: string, kind: 'txt' | 'html', pages: readonly string[], seed: number, stop: (count: number, bytes: number) => boolean): Promise<InputSet> {
  await rm(dir, { recursive: true, force: true })
  const random = seededRandom(seed)
  let bytes = 0
  let count = 0
  while (!stop(count, bytes)) {
    const page = perturb(pages[Math.floor(random() * pages.length)] as string, random)
    const folder = path.join(dir, String(Math.floor(count / 1000)).padStart(4, '0'))
    if (count % 1000 === 0) await mkdir(folder, { recursive: true })
    const data = Buffer.from(page, 'utf8')
    await writeFile(path.join(folder, `${String(count).padStart(7, '0')}.${kind}`), data)
    bytes += data.length
    count += 1
  }
  const set = { name: path.basename(dir), dir, documents: count, bytes }
  await writeFile(path.join(dir, '.done'), JSON.stringify({ seed, documents: count, bytes }))
  return set
}

function doneSet(dir: string, seed: number): InputSet | undefined {
  const marker = path.join(dir, '.done')
  if (!existsSync(marker)) return undefined
  const facts = JSON.parse(readFileSync(marker, 'utf8')) as { seed: number; documents: number; bytes: number }
  return facts.seed === seed ? { name: path.basename(dir), dir, documents: facts.documents, bytes: facts.bytes } : undefined
}

/** Text dumps totalling at least `bytes`, in folders of 1000 files. */
export async function textSet(root: string, name: string, bytes: number, pages: readonly string[], seed: number): Promise<InputSet> {
  const dir = path.join(root, name)
  return doneSet(dir, seed) ?? writeSet(dir, 'txt', pages, seed, (_count, written) => written >= bytes)
}

/** `count` HTML pages, in folders of 1000 files. */
export async function htmlSet(root: string, name: string, count: number, pages: readonly string[], seed: number): Promise<InputSet> {
  const dir = path.join(root, name)
  return doneSet(dir, seed + 1) ?? writeSet(dir, 'html', pages, seed + 1, (written) => written >= count)
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/** The same set as one JSONL file (`{"id","text"}` or `{"id","html"}` a line). */
export async function jsonlOf(set: InputSet, file: string, field: 'text' | 'html'): Promise<InputSet> {
  if (!existsSync(file)) {
    const lines = listFiles(set.dir).map((name) => JSON.stringify({ id: path.basename(name), [field]: readFileSync(name, 'utf8') }))
    await writeFile(file, `${lines.join('\n')}\n`)
  }
  return { name: path.basename(file), dir: file, documents: set.documents, bytes: set.bytes }
}

/** The same set as one deflated zip (the `zip` tool). */
export function zipOf(set: InputSet, file: string): InputSet {
  if (!existsSync(file)) execFileSync('zip', ['-q', '-r', '-X', path.resolve(file), '.', '-x', '.done'], { cwd: set.dir })
  return { name: path.basename(file), dir: file, documents: set.documents, bytes: set.bytes }
}
