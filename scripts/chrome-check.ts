/**
 * Quality loop for the line-cleaning stages: runs a decode-like whitespace cleanup,
 * dedupe-headers and drop-chrome on every innerText dump of the development corpus, writes a
 * JSONL run (plus `<out>.lines.jsonl`: per page, the input lines and the rule that removed each)
 * and scores it with the corpus scorer (ScrapingHub shingle metric).
 *
 *   npx tsx scripts/chrome-check.ts [--corpus DIR] [--out FILE] [--ablate RULE]… [--worst N]
 *     [--options '{"proseOffset": 12}']   drop-chrome options, to try thresholds
 *     [--show ID]…                        print pages line by line instead of scoring
 *     [--titles]                          check cleanTitle on the corpus page titles instead
 *
 * The pipeline sees only the text (no titles or urls from meta.json): innerText is all users
 * have. `--show ID` marks each line kept (+) or removed (rule), and whether it is in the truth
 * (T) or the comments (C), to see what a rule costs. `--titles` is the one use of meta.json: it
 * compares `cleanTitle(page title)` with the headline line of the truth. Exits 2 without a corpus.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { applyStage } from '../src/core/apply-stage.ts'
import { createDoc } from '../src/core/doc.ts'
import type { Doc } from '../src/core/doc.ts'
import { createRunState } from '../src/core/stage.ts'
import type { Stage } from '../src/core/stage.ts'
import { dedupeHeaders } from '../src/stages/dedupe-headers.ts'
import { dropChrome } from '../src/stages/drop-chrome.ts'
import type { DropChromeOptions } from '../src/stages/drop-chrome.ts'
import { comparable, splitLines } from '../src/text/lines.ts'
import { cleanTitle } from '../src/text/title.ts'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '/work/shared/corpus/dev' },
    out: { type: 'string', default: '/tmp/chrome-check/run.jsonl' },
    ablate: { type: 'string', multiple: true, default: [] },
    worst: { type: 'string', default: '15' },
    show: { type: 'string', multiple: true, default: [] },
    options: { type: 'string', default: '{}' },
    titles: { type: 'boolean', default: false },
  },
})

const corpus = values.corpus
const read = (...parts: string[]): string => readFileSync(join(corpus, ...parts), 'utf8')

/** What decode will do for text dumps, roughly: line endings and surrounding whitespace. */
function roughDecode(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).join('\n')
}

/** Records the text drop-chrome saw, so line numbers match its messages. */
function recordInput(): Stage {
  return { name: 'record-input', rules: [], run: (doc) => ({ ...doc, meta: { ...doc.meta, chromeInput: doc.text } }) }
}

async function clean(stages: readonly Stage[], name: string, text: string): Promise<Doc> {
  let doc = createDoc({ source: { path: name, format: 'txt' }, text: roughDecode(text) }, 0)
  const run = createRunState()
  for (const stage of stages) {
    const outcome = await applyStage(stage, doc, run)
    doc = outcome.doc
    if (outcome.dropped) return { ...doc, text: '' }
  }
  return doc
}

/** Line number (1-based, in drop-chrome's input) → short rule name, for every line drop-chrome removed. */
function removedLines(doc: Doc): Record<number, string> {
  const removed: Record<number, string> = {}
  for (const message of doc.messages) if (message.stage === 'drop-chrome' && message.place?.line !== undefined) removed[message.place.line] = message.rule.replace('drop-chrome/', '')
  return removed
}

function show(id: string, doc: Doc): void {
  const truth = comparable(read('truth', `${id}.txt`))
  const comments = existsSync(join(corpus, 'comments', `${id}.txt`)) ? comparable(read('comments', `${id}.txt`)) : ''
  const removed = removedLines(doc)
  console.log(`\n===== ${id}  title: ${doc.title ?? '-'}`)
  splitLines(String(doc.meta.chromeInput ?? '')).forEach((line, index) => {
    const key = comparable(line)
    if (key === '') return
    const where = truth.includes(key) ? 'T' : comments !== '' && comments.includes(key) ? 'C' : ' '
    console.log(`${String(index + 1).padStart(4)} ${where} ${(removed[index + 1] ?? '+').padEnd(16)} ${line.slice(0, 110)}`)
  })
}

function score(): void {
  const scorer = join(dirname(corpus), '..', 'tools', 'score.py')
  const report = execFileSync('python3', [scorer, '--n-bootstrap', '0', '--per-page', join(corpus, 'truth'), values.out], { encoding: 'utf8' })
  const rows = report.split('\n')
  console.log(rows.slice(0, rows.findIndex((row) => row.startsWith('## ')) + 1 + Number(values.worst)).join('\n'))
}

async function runCorpus(): Promise<void> {
  const stages = [dedupeHeaders(), recordInput(), dropChrome({ ...(JSON.parse(values.options) as DropChromeOptions), disable: values.ablate })]
  const names = readdirSync(join(corpus, 'txt')).filter((name) => name.endsWith('.txt')).sort()
  const run: string[] = []
  const decisions: string[] = []
  const shown = new Set(values.show)
  for (const name of names) {
    const id = name.replace(/\.txt$/, '')
    const doc = await clean(stages, name, read('txt', name))
    run.push(JSON.stringify({ source: name, text: doc.text }))
    decisions.push(JSON.stringify({ id, title: doc.title, input: doc.meta.chromeInput, removed: removedLines(doc) }))
    if (shown.has(id)) show(id, doc)
  }
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, `${run.join('\n')}\n`)
  writeFileSync(values.out.replace(/\.jsonl$/, '.lines.jsonl'), `${decisions.join('\n')}\n`)
  if (shown.size === 0) score()
}

/** cleanTitle on the page titles, blind and with the page text, against the truth's headline. */
function checkTitles(): void {
  const meta = JSON.parse(read('meta.json')) as Record<string, { title?: string }>
  const counts = { pages: 0, raw: 0, blind: 0, withText: 0 }
  const misses: string[] = []
  for (const [id, { title }] of Object.entries(meta)) {
    if (title === undefined || title === '') continue
    const truth = new Set(splitLines(read('truth', `${id}.txt`)).map(comparable))
    const headline = [...truth].find((line) => line.length > 5 && comparable(title).includes(line))
    if (headline === undefined) continue
    counts.pages += 1
    if (truth.has(comparable(title))) counts.raw += 1
    const blind = cleanTitle(title)
    if (truth.has(comparable(blind))) counts.blind += 1
    else misses.push(`${id}: ${title}  =>  ${blind}`)
    if (truth.has(comparable(cleanTitle(title, splitLines(read('txt', `${id}.txt`)), true)))) counts.withText += 1
  }
  console.log(`pages whose truth has the headline: ${counts.pages}; equal to it: raw title ${counts.raw}, cleanTitle ${counts.blind}, cleanTitle with the text ${counts.withText}`)
  console.log(misses.slice(0, Number(values.worst)).join('\n'))
}

if (!existsSync(join(corpus, 'txt'))) {
  console.error(`No corpus at ${corpus} (expected txt/, truth/ and meta.json there); pass --corpus DIR.`)
  process.exit(2)
}
if (values.titles) checkTitles()
else await runCorpus()
