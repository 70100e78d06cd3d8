/**
 * Experiment helper (issue 5): dumps the eval-garble cases with the current detector's verdicts,
 * so a candidate signal can be OR-ed with them offline. Usage:
 * `npx tsx scripts/experiments/garble-pos-cases.ts OUT.json [--seed N] [--from A] [--to B]`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { looksEnglish } from '../../src/text/english.ts'
import { sentenceSpans } from '../../src/text/sentences.ts'
import { articleCases, clean, DETECT, random } from '../eval-garble.ts'

const argv = process.argv.slice(2)
const value = (name: string, fallback: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback)
const seed = value('--seed', 42)
const from = value('--from', 0)
const to = value('--to', Number.MAX_SAFE_INTEGER)
const truthDir = path.resolve('../shared/corpus/dev/truth')
const rand = random(seed)
const cleanSentences: { text: string; flagged: boolean }[] = []
const cases: { kind: string; sentence: string; hit: boolean }[] = []
for (const [index, name] of readdirSync(truthDir).filter((file) => file.endsWith('.txt')).sort().entries()) {
  if (index < from || index > to) continue
  const text = readFileSync(path.join(truthDir, name), 'utf8')
  if (!looksEnglish(text)) continue
  const baseline = await clean(text)
  for (const span of sentenceSpans(baseline.text)) cleanSentences.push({ text: span.text, flagged: baseline.flagged.includes(span.text) })
  for (const item of articleCases(text, rand, 7, index)) {
    const result = await clean(item.text)
    if (!DETECT.includes(item.kind)) continue
    const hit = result.text === baseline.text || result.flagged.some((sentence) => !baseline.flagged.includes(sentence))
    cases.push({ kind: item.kind, sentence: item.corrupted, hit })
  }
}
writeFileSync(argv[0] as string, JSON.stringify({ cleanSentences, cases, flaggedMessages: 0 }))
console.log(`${cleanSentences.length} clean (${cleanSentences.filter((s) => s.flagged).length} flagged), ${cases.length} cases (${cases.filter((c) => c.hit).length} hit)`)
