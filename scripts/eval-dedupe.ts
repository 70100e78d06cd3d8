/**
 * `npm run eval:dedupe [-- --limit N] [--seed N] [--no-pipeline]`: precision and recall of the
 * near-dedupe stage at its default settings on a synthetic set built from
 * ../shared/corpus/dev/truth (see scripts/lib/dedupe-set.ts), recall by edit rate, and the
 * pipeline's docs/s with and without the stage. Targets: precision ≥ 0.98, recall ≥ 0.95,
 * throughput ≥ 50% of the pipeline without it. Exit 0 at target, 1 below, 2 without the corpus.
 */
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDoc } from '../src/core/doc.ts'
import { applyStage } from '../src/core/apply-stage.ts'
import { createRunState } from '../src/core/stage.ts'
import { nearDedupe } from '../src/stages/near-dedupe.ts'
import { shingleHashes, shingleWords } from '../src/text/shingles.ts'
import { sharedRoot } from './lib/corpus.ts'
import { buildVariants, editedCopies, flatten, inputOrder, POSITIVE_KINDS } from './lib/dedupe-set.ts'
import type { EvalDoc, Kind } from './lib/dedupe-set.ts'
import { measureThroughput } from './lib/dedupe-throughput.ts'

const MIN_WORDS = 100
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}

async function loadOriginals(limit: number): Promise<EvalDoc[] | undefined> {
  const dir = path.join(sharedRoot(repo), 'corpus', 'dev', 'truth')
  if (!existsSync(dir)) return undefined
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()
  const out: EvalDoc[] = []
  for (const name of names) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
    if (shingleWords(text).length >= MIN_WORDS) out.push({ name: name.slice(0, -4), text, cluster: name.slice(0, -4), kind: 'original' })
  }
  return out.slice(0, limit)
}

/** Originals that are themselves near-copies (exact 5-gram Jaccard ≥ 0.8) share a cluster. */
function mergeRealDuplicates(originals: EvalDoc[]): number {
  const sets = originals.map((doc) => new Set(shingleHashes(doc.text, 5)))
  let merged = 0
  for (let a = 0; a < sets.length; a += 1) {
    for (let b = a + 1; b < sets.length; b += 1) {
      const left = sets[a] as Set<number>
      const right = sets[b] as Set<number>
      let shared = 0
      for (const value of left) if (right.has(value)) shared += 1
      if (shared / (left.size + right.size - shared) < 0.8) continue
      ;(originals[b] as EvalDoc).cluster = (originals[a] as EvalDoc).cluster
      merged += 1
    }
  }
  return merged
}

/** Runs the stage over `docs` in order; returns, per rejected name, the kept name it matched. */
async function runNearDedupe(docs: readonly EvalDoc[]): Promise<{ matches: Map<string, string>; milliseconds: number }> {
  const stage = nearDedupe()
  const run = createRunState()
  const matches = new Map<string, string>()
  const started = performance.now()
  for (const [sequence, item] of docs.entries()) {
    const doc = createDoc({ source: { path: item.name, format: 'txt' }, text: item.text }, sequence)
    const outcome = await applyStage(stage, doc, run)
    const reason = outcome.doc.messages.at(-1)?.reason ?? ''
    if (outcome.dropped) matches.set(item.name, /^Near-duplicate of (\S+) /.exec(reason)?.[1] ?? '?')
  }
  return { matches, milliseconds: performance.now() - started }
}

interface Scores { precision: number; recall: number; flagged: number; correct: number; expected: number; byKind: Map<Kind, { total: number; rejected: number; wrong: number }> }

function score(docs: readonly EvalDoc[], matches: ReadonlyMap<string, string>): Scores {
  const clusterOf = new Map(docs.map((doc) => [doc.name, doc.cluster]))
  const sizes = new Map<string, number>()
  for (const doc of docs) sizes.set(doc.cluster, (sizes.get(doc.cluster) ?? 0) + 1)
  const expected = [...sizes.values()].reduce((sum, size) => sum + size - 1, 0)
  const byKind = new Map<Kind, { total: number; rejected: number; wrong: number }>()
  let correct = 0
  for (const doc of docs) {
    const entry = byKind.get(doc.kind) ?? { total: 0, rejected: 0, wrong: 0 }
    byKind.set(doc.kind, entry)
    entry.total += 1
    const match = matches.get(doc.name)
    if (match === undefined) continue
    entry.rejected += 1
    if (clusterOf.get(match) === doc.cluster) correct += 1
    else entry.wrong += 1
  }
  const flagged = matches.size
  return { precision: flagged === 0 ? 1 : correct / flagged, recall: expected === 0 ? 1 : correct / expected, flagged, correct, expected, byKind }
}

function printScores(title: string, scores: Scores): void {
  console.log(`\n${title}: precision ${scores.precision.toFixed(3)} (${scores.correct}/${scores.flagged}), recall ${scores.recall.toFixed(3)} (${scores.correct}/${scores.expected})`)
  console.log('  kind            docs  rejected  wrong-cluster')
  for (const [kind, entry] of scores.byKind) {
    const role = POSITIVE_KINDS.includes(kind) ? 'reject' : 'keep'
    console.log(`  ${kind.padEnd(15)} ${String(entry.total).padStart(4)}  ${String(entry.rejected).padStart(8)}  ${String(entry.wrong).padStart(13)}   (should ${role})`)
  }
}

function exactJaccard(a: string, b: string): number {
  const left = new Set(shingleHashes(a, 5))
  const right = new Set(shingleHashes(b, 5))
  let shared = 0
  for (const value of left) if (right.has(value)) shared += 1
  return shared / (left.size + right.size - shared)
}

/** Lists the wrong rejections with the exact Jaccard similarity of the pair. */
function printWrong(docs: readonly EvalDoc[], matches: ReadonlyMap<string, string>): void {
  const byName = new Map(docs.map((doc) => [doc.name, doc]))
  for (const [name, match] of matches) {
    const doc = byName.get(name) as EvalDoc
    const kept = byName.get(match)
    if (kept === undefined || kept.cluster === doc.cluster) continue
    console.log(`  wrong: ${name} matched ${match}, exact 5-gram Jaccard ${exactJaccard(doc.text, kept.text).toFixed(3)}`)
  }
}

async function editSweep(originals: readonly EvalDoc[], seed: number): Promise<void> {
  console.log('\nrecall of small-edit copies by edit rate (edits per word):')
  for (const rate of [0.005, 0.01, 0.02, 0.03, 0.05]) {
    const copies = editedCopies(originals, rate, seed + 100)
    const { matches } = await runNearDedupe([...originals, ...copies])
    const found = copies.filter((copy) => matches.has(copy.name)).length
    console.log(`  ${(rate * 100).toFixed(1)}%: ${found}/${copies.length} rejected (${(found / copies.length).toFixed(3)})`)
  }
  const flat = originals.map((doc) => ({ ...doc, name: `${doc.name}.flat`, text: flatten(doc.text) }))
  const { matches } = await runNearDedupe([...originals, ...flat])
  const found = flat.filter((copy) => matches.has(copy.name)).length
  console.log(`not in the headline: copies with every paragraph break removed: ${found}/${flat.length} rejected (shingles stay inside paragraphs)`)
}

async function main(): Promise<number> {
  const seed = argument('--seed', 9)
  const originals = await loadOriginals(argument('--limit', Number.POSITIVE_INFINITY))
  if (originals === undefined) {
    console.error(`The dev corpus truth (${path.join(sharedRoot(repo), 'corpus', 'dev', 'truth')}) is missing: put the shared data next to the repo as ../shared, or set SLUICE_SHARED to its path.`)
    return 2
  }
  const merged = mergeRealDuplicates(originals)
  const variants = buildVariants(originals, seed)
  const docs = inputOrder(originals, variants, seed)
  console.log(`near-dedupe defaults: ${JSON.stringify(nearDedupe().options)}`)
  console.log(`set: ${originals.length} truth articles with ≥ ${MIN_WORDS} words (${merged} real near-copies among them merged), ${variants.length} variants, seed ${seed}`)
  const { matches, milliseconds } = await runNearDedupe(docs)
  const headline = score(docs, matches)
  printScores('originals first, variants shuffled', headline)
  printWrong(docs, matches)
  console.log(`  stage alone: ${Math.round((docs.length / milliseconds) * 1000)} docs/s`)
  const shuffled = inputOrder(originals, variants, seed, true)
  printScores('everything shuffled (a copy may come before its original)', score(shuffled, (await runNearDedupe(shuffled)).matches))
  await editSweep(originals, seed)
  let throughputOk = true
  if (!process.argv.includes('--no-pipeline')) throughputOk = await measureThroughput(docs)
  const ok = headline.precision >= 0.98 && headline.recall >= 0.95 && throughputOk
  console.log(`\ntargets (precision ≥ 0.98, recall ≥ 0.95, throughput ≥ 50%): ${ok ? 'met' : 'NOT met'}`)
  return ok ? 0 : 1
}

process.exitCode = await main()
