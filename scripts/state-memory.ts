/**
 * `npx tsx scripts/state-memory.ts [count]`: the batch state a run keeps per document, in bytes.
 * Feeds `count` (default 60,000) generated text files, each its own file as in a folder of
 * dumps, through the stages that remember documents for the whole run (dedupe-docs,
 * near-dedupe) and the report collector, then reads heap plus array buffers after full
 * collections, against a reading taken after the first 1,000. Not a test: a measurement for the
 * README's memory figures.
 */
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createDoc } from '../src/core/doc.ts'
import { processDocument } from '../src/core/process.ts'
import { createRunState } from '../src/core/stage.ts'
import { createReportCollector } from '../src/report/collect.ts'
import { dedupeDocs } from '../src/stages/dedupe-docs.ts'
import { nearDedupe } from '../src/stages/near-dedupe.ts'

v8.setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

function footprint(): number {
  collect()
  collect()
  const memory = process.memoryUsage()
  return memory.heapUsed + memory.arrayBuffers
}

/** A deterministic stream of made-up words, so every text differs and no document is a duplicate. */
function wordSource(): () => string {
  let state = 1
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return `w${(state >>> 20).toString(36)}`
  }
}

const count = Number(process.argv[2] ?? 60_000)
const stages = [dedupeDocs(), nearDedupe()]
const collector = createReportCollector(stages.map((stage) => stage.name))
const run = createRunState()
const word = wordSource()
let start = 0
for (let sequence = 0; sequence < count; sequence += 1) {
  if (sequence === 1000) start = footprint()
  const path = `dump/${String(Math.floor(sequence / 1000)).padStart(4, '0')}/${String(sequence).padStart(7, '0')}.txt`
  const doc = createDoc({ source: { path, format: 'txt' }, text: Array.from({ length: 200 }, word).join(' ') }, sequence)
  const result = await processDocument(doc, stages, run)
  collector.addDocument(result.doc, result.steps, result.dropped)
}
const perDocument = (footprint() - start) / (count - 1000)
// Reading the state after the measurement keeps it alive until then.
const kept = run.state<{ index: { count: number } }>('near-dedupe/index', () => ({ index: { count: 0 } })).index.count
console.log(`${perDocument.toFixed(0)} bytes of batch state per document (${count} text files, ${kept} kept by near-dedupe)`)
