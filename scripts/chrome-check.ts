/**
 * Quality loop for the line-cleaning stages: runs a decode-like whitespace cleanup,
 * dedupe-headers and drop-chrome on every innerText dump of the development corpus, writes a
 * JSONL run and scores it with the corpus scorer (ScrapingHub shingle metric).
 *
 *   npx tsx scripts/chrome-check.ts [--corpus DIR] [--out FILE] [--ablate RULE]… [--worst N] [--show ID]…
 *     [--options '{"proseOffset": 12}']   (drop-chrome options, to try thresholds)
 *
 * Only the text is used (no titles or urls from meta.json): innerText is all users have.
 * `--show ID` prints that page line by line: kept (+) or removed (rule), and whether the line is
 * in the truth (T) or the comments (C), to see what a rule costs.
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

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '/work/shared/corpus/dev' },
    out: { type: 'string', default: '/tmp/chrome-check/run.jsonl' },
    ablate: { type: 'string', multiple: true, default: [] },
    worst: { type: 'string', default: '15' },
    show: { type: 'string', multiple: true, default: [] },
    options: { type: 'string', default: '{}' },
  },
})

/** What decode will do for text dumps, roughly: line endings and surrounding whitespace. */
function roughDecode(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).join('\n')
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

function show(corpus: string, id: string, input: string, doc: Doc): void {
  const truth = comparable(readFileSync(join(corpus, 'truth', `${id}.txt`), 'utf8'))
  const commentsFile = join(corpus, 'comments', `${id}.txt`)
  const comments = existsSync(commentsFile) ? comparable(readFileSync(commentsFile, 'utf8')) : ''
  const removed = removedLines(doc)
  console.log(`\n===== ${id}  title: ${doc.title ?? '-'}`)
  splitLines((doc.meta.chromeInput as string | undefined) ?? input).forEach((line, index) => {
    if (line.trim() === '') return
    const key = comparable(line)
    const where = key !== '' && truth.includes(key) ? 'T' : key !== '' && comments.includes(key) ? 'C' : ' '
    const rule = removed[index + 1]
    console.log(`${String(index + 1).padStart(4)} ${where} ${(rule ?? '+').padEnd(16)} ${line.slice(0, 110)}`)
  })
}

/** Records the text drop-chrome saw, so `--show` numbers lines like its messages do. */
function recordInput(): Stage {
  return { name: 'record-input', rules: [], run: (doc) => ({ ...doc, meta: { ...doc.meta, chromeInput: doc.text } }) }
}

async function main(): Promise<void> {
  const corpus = values.corpus
  const stages = [dedupeHeaders(), recordInput(), dropChrome({ ...(JSON.parse(values.options) as DropChromeOptions), disable: values.ablate })]
  const names = readdirSync(join(corpus, 'txt')).filter((name) => name.endsWith('.txt')).sort()
  const lines: string[] = []
  const decisions: string[] = []
  const shown = new Set(values.show)
  for (const name of names) {
    const input = readFileSync(join(corpus, 'txt', name), 'utf8')
    const doc = await clean(stages, name, input)
    lines.push(JSON.stringify({ source: name, text: doc.text }))
    decisions.push(JSON.stringify({ id: name.replace(/\.txt$/, ''), title: doc.title, input: doc.meta.chromeInput, removed: removedLines(doc) }))
    const id = name.replace(/\.txt$/, '')
    if (shown.has(id)) show(corpus, id, input, doc)
  }
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, `${lines.join('\n')}\n`)
  writeFileSync(values.out.replace(/\.jsonl$/, '.lines.jsonl'), `${decisions.join('\n')}\n`)
  if (shown.size > 0) return
  const scorer = join(dirname(corpus), '..', 'tools', 'score.py')
  const report = execFileSync('python3', [scorer, '--n-bootstrap', '0', '--per-page', join(corpus, 'truth'), values.out], { encoding: 'utf8' })
  const rows = report.split('\n')
  const worst = Number(values.worst)
  console.log(rows.slice(0, rows.findIndex((row) => row.startsWith('## ')) + 1 + worst).join('\n'))
}

await main()
