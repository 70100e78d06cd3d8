/**
 * A generated batch for the distributed tests: a few hundred documents in folders of text and
 * HTML files, a zip (with macOS junk and a duplicate) and a JSONL file (with a blank line, a
 * broken line and near-duplicates), plus an unsupported file. Exact and near duplicates sit in
 * different shards on purpose, so dedupe decisions depend on input order across shards.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { seededRandom } from '../../scripts/lib/seeded-random.ts'
import { syntheticDump, syntheticHtml } from '../../scripts/bench/synthetic.ts'
import { writeZip } from '../helpers/zip.ts'
import type { ZipEntry } from '../helpers/zip.ts'

/** How many documents of each kind the batch holds. */
export interface FixtureSize {
  texts: number
  pages: number
  zipEntries: number
  records: number
}

export const SMALL_FIXTURE: FixtureSize = { texts: 45, pages: 30, zipEntries: 50, records: 95 }

/** A near-duplicate: the same page with one word changed. */
function nearCopy(text: string): string {
  return text.replace(/\b(\w{5,})\b/, 'changed')
}

async function writeFolders(root: string, size: FixtureSize, random: () => number): Promise<string[]> {
  const texts = Array.from({ length: size.texts }, (_unused, index) => syntheticDump(random, index))
  await mkdir(path.join(root, 'site-a', 'deep'), { recursive: true })
  await mkdir(path.join(root, 'site-b'), { recursive: true })
  for (const [index, text] of texts.entries()) {
    const folder = index % 3 === 0 ? 'site-a/deep' : 'site-a'
    await writeFile(path.join(root, folder, `story-${String(index).padStart(3, '0')}.txt`), index % 17 === 5 ? (texts[index - 1] as string) : text)
  }
  for (let index = 0; index < size.pages; index += 1) {
    await writeFile(path.join(root, 'site-b', `page-${String(index).padStart(3, '0')}.html`), syntheticHtml(random, 1000 + index))
  }
  await writeFile(path.join(root, 'site-b', '.DS_Store'), 'junk')
  await writeFile(path.join(root, 'site-b', 'notes.pdf'), '%PDF-1.4')
  return texts
}

/** Writes the batch into `root` (which must not exist yet or be empty). */
export async function writeFixture(root: string, size: FixtureSize = SMALL_FIXTURE, seed = 7): Promise<void> {
  const random = seededRandom(seed)
  const texts = await writeFolders(root, size, random)
  const entries: ZipEntry[] = Array.from({ length: size.zipEntries }, (_unused, index) => [
    `dump/${String(index).padStart(3, '0')}.${index % 2 === 0 ? 'txt' : 'html'}`,
    index % 2 === 0 ? syntheticDump(random, 2000 + index) : syntheticHtml(random, 2000 + index),
  ])
  entries.push(['dump/copy-of-story-2.txt', texts[2] as string], ['__MACOSX/dump/._000.txt', 'junk'], ['__MACOSX/dump/._001.txt', 'junk'])
  await writeFile(path.join(root, 'archive.zip'), writeZip(entries))
  const lines: string[] = []
  for (let index = 0; index < size.records; index += 1) {
    const text = index % 25 === 24 ? nearCopy(texts[index % size.texts] as string) : syntheticDump(random, 3000 + index)
    lines.push(JSON.stringify({ url: `https://example.org/news/${index}`, title: `Record ${index}`, text }))
    if (index === Math.floor(size.records / 3)) lines.push('')
    if (index === Math.floor(size.records * 0.6)) lines.push('{"text": "broken')
  }
  await writeFile(path.join(root, 'batch.jsonl'), `${lines.join('\n')}\n`)
}
