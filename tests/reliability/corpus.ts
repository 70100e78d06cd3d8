/**
 * A generated input tree for the reliability tests: a few hundred documents in every format
 * (text dumps, pages, a JSONL batch with a broken line, a feed, a zip, a gz), exact and near
 * duplicates, too-short records and conflicting urls, so every ordered stage and the report
 * collector have state worth checkpointing. Deterministic for a given size.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { writeZip } from '../helpers/zip.ts'

const WORDS = ['river', 'council', 'budget', 'the', 'of', 'and', 'school', 'a', 'to', 'is', 'new', 'plan', 'in', 'for', 'city', 'water', 'vote', 'bridge', 'park', 'tax', 'mayor', 'street', 'library', 'station']

/** A paragraph of `sentences` sentences that differs for every seed. */
export function paragraph(seed: number, sentences: number): string {
  const out: string[] = []
  for (let s = 0; s < sentences; s += 1) {
    const words = Array.from({ length: 12 + ((seed + s) % 7) }, (_unused, w) => WORDS[(seed * 7 + s * 3 + w * 5 + Math.floor(seed / 3)) % WORDS.length] as string)
    out.push(`${(words[0] as string).charAt(0).toUpperCase()}${words.join(' ').slice(1)} number ${seed}-${s}.`)
  }
  return out.join(' ')
}

/** A browser innerText dump with chrome around an article. */
export function dump(seed: number): string {
  const body = [paragraph(seed, 3), paragraph(seed + 1000, 4), paragraph(seed + 2000, 2)]
  return ['Home', 'News', 'Sport', `Council story ${seed}`, 'Share on Facebook', '', ...body.flatMap((text) => [text, '']), '© 2024 Example Media. All rights reserved.', ''].join('\n')
}

/** A saved page with nav and footer chrome. */
export function page(seed: number): string {
  return `<!doctype html><html lang="en"><head><title>Page ${seed} | Example</title><link rel="canonical" href="https://site${seed % 5}.example/p/${seed}"></head><body><nav><a href="/">Home</a></nav><article><h1>Page ${seed}</h1><p>${paragraph(seed, 4)}</p><p>${paragraph(seed + 3000, 3)}</p></article><footer>© Example</footer></body></html>`
}

function record(index: number): string {
  if (index % 37 === 5) return JSON.stringify({ id: `r${index}`, url: `https://news${index % 7}.example/a/${index}`, text: 'Too short.' })
  // Every 23rd record repeats an earlier one (exact duplicate); every 31st reuses a url with new text.
  const seed = index % 23 === 22 ? index - 11 : index
  const url = index % 31 === 30 ? `https://news${(index - 1) % 7}.example/a/${index - 1}` : `https://news${index % 7}.example/a/${seed}`
  return JSON.stringify({ id: `r${index}`, url, title: `Record ${seed}`, text: dump(seed + 100) })
}

function feed(count: number): string {
  const items = Array.from({ length: count }, (_unused, index) => `<item><title>Feed item ${index}</title><link>https://feed.example/${index}</link><description><![CDATA[<p>${paragraph(index + 5000, 4)}</p><p>${paragraph(index + 6000, 3)}</p>]]></description></item>`)
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title>${items.join('')}</channel></rss>`
}

/** Sizes of the generated tree. */
export interface CorpusSize {
  dumps: number
  pages: number
  records: number
  feedItems: number
  zipped: number
}

/** About 300 documents: enough to kill a run mid-way, small enough for a test. */
export const SMALL: CorpusSize = { dumps: 30, pages: 20, records: 220, feedItems: 20, zipped: 10 }

/** Writes the tree under `root/input` (files listed in `order`, when given, for shuffled-creation tests) and returns its path. */
export async function writeCorpus(root: string, size: CorpusSize = SMALL, order?: (names: string[]) => string[]): Promise<string> {
  const input = path.join(root, 'input')
  const files = new Map<string, string | Uint8Array>()
  for (let index = 0; index < size.dumps; index += 1) files.set(`dumps/d${String(index).padStart(3, '0')}.txt`, dump(index))
  files.set('dumps/copy.txt', dump(3))
  for (let index = 0; index < size.pages; index += 1) files.set(`pages/p${String(index).padStart(3, '0')}.html`, page(index + 20))
  const records = Array.from({ length: size.records }, (_unused, index) => record(index))
  records.splice(Math.floor(size.records / 2), 0, '{"id": "broken", "text": ')
  files.set('scraper/batch.jsonl', `${records.join('\n')}\n`)
  files.set('feeds/news.xml', feed(size.feedItems))
  files.set('archives/dump.zip', writeZip(Array.from({ length: size.zipped }, (_unused, index) => [`site/z${index}.txt`, dump(index + 7000)])))
  files.set('archives/more.txt.gz', gzipSync(dump(8000)))
  const names = order === undefined ? [...files.keys()] : order([...files.keys()])
  for (const name of names) {
    await mkdir(path.dirname(path.join(input, name)), { recursive: true })
    await writeFile(path.join(input, name), files.get(name) as string | Uint8Array)
  }
  return input
}
