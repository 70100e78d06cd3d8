/**
 * Dev check of the extract stage on the development corpus (not part of `npm test`).
 *
 *   npx tsx scripts/extract-check.ts [--corpus DIR] [--out DIR] [--only extract|baseline] [--options JSON]
 *   python3 ../shared/tools/score.py ../shared/corpus/dev/truth OUT/extract.jsonl OUT/baseline.jsonl
 *
 * Writes, for every `html/<id>.html` of the corpus, one line `{source: "<id>.txt", text}` to
 * `extract.jsonl` (this stage, through `applyStage` as the runner calls it) and to
 * `baseline.jsonl` (plain Readability.js on linkedom, `article.textContent`), plus
 * `extract-pages.tsv` (id, method, rules, characters, ms) to see where the fallback fired.
 * `--options '{"keepHeadline":false}'` passes stage options, for ablations.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { applyStage } from '../src/core/apply-stage.ts'
import { createDoc } from '../src/core/doc.ts'
import { createRunState } from '../src/core/stage.ts'
import { extract } from '../src/stages/extract.ts'
import type { ExtractOptions } from '../src/stages/extract.ts'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: new URL('../../shared/corpus/dev', import.meta.url).pathname },
    out: { type: 'string', default: '/tmp/sluice-extract-check' },
    only: { type: 'string' },
    options: { type: 'string', default: '{}' },
  },
})

/** Plain Readability.js on linkedom, as its README shows it: the baseline to beat. */
function baseline(html: string): string {
  try {
    const { document } = parseHTML(html)
    return new Readability(document).parse()?.textContent ?? ''
  } catch {
    return ''
  }
}

async function main(): Promise<void> {
  const htmlDir = join(values.corpus, 'html')
  const names = readdirSync(htmlDir).filter((name) => name.endsWith('.html')).sort()
  mkdirSync(values.out, { recursive: true })
  const stage = extract(JSON.parse(values.options) as ExtractOptions)
  const run = createRunState()
  const ours: string[] = []
  const theirs: string[] = []
  const pages = ['id\tmethod\trules\tcharacters\tms']
  for (const [index, name] of names.entries()) {
    const html = readFileSync(join(htmlDir, name), 'utf8')
    const source = name.replace(/\.html$/, '.txt')
    if (values.only !== 'extract') theirs.push(JSON.stringify({ source, text: baseline(html) }))
    if (values.only === 'baseline') continue
    const doc = createDoc({ source: { path: name, format: 'html' }, html }, index)
    const outcome = await applyStage(stage, doc, run)
    ours.push(JSON.stringify({ source, text: outcome.dropped ? '' : outcome.doc.text }))
    const rules = [...new Set(outcome.doc.messages.map((message) => message.rule))].join(',')
    pages.push([name, outcome.doc.meta.extract === undefined ? '-' : (outcome.doc.meta.extract as { method: string }).method, rules, outcome.doc.text.length, Math.round(outcome.milliseconds)].join('\t'))
  }
  if (ours.length > 0) writeFileSync(join(values.out, 'extract.jsonl'), `${ours.join('\n')}\n`)
  if (theirs.length > 0) writeFileSync(join(values.out, 'baseline.jsonl'), `${theirs.join('\n')}\n`)
  if (ours.length > 0) writeFileSync(join(values.out, 'extract-pages.tsv'), `${pages.join('\n')}\n`)
  console.log(`Wrote ${values.out}/{extract,baseline}.jsonl for ${names.length} pages.`)
}

await main()
