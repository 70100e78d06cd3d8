/**
 * Prints how many golden-rule cases the sentence splitter passes (target ≥ 95%), per language
 * and in total, and lists the failing rules. Run: `npx tsx scripts/eval-segment.ts`.
 */
import { splitSentences } from '../src/text/sentences.ts'
import { GOLDEN } from '../tests/text/sentence-golden.ts'

const byLang = new Map<string, { passed: number; total: number }>()
const failures: string[] = []
for (const golden of GOLDEN) {
  const actual = splitSentences(golden.input)
  const ok = JSON.stringify(actual) === JSON.stringify(golden.expected)
  const entry = byLang.get(golden.lang) ?? { passed: 0, total: 0 }
  entry.total += 1
  if (ok) entry.passed += 1
  else failures.push(`  ${golden.lang} ${golden.rule}: got ${JSON.stringify(actual)}`)
  byLang.set(golden.lang, entry)
}
const percent = (passed: number, total: number): string => `${((100 * passed) / total).toFixed(1)}%`
for (const [lang, { passed, total }] of byLang) console.log(`${lang.padEnd(3)} ${passed}/${total} ${percent(passed, total)}`)
const passed = [...byLang.values()].reduce((sum, entry) => sum + entry.passed, 0)
console.log(`golden rules: ${passed}/${GOLDEN.length} passed (${percent(passed, GOLDEN.length)}), target 95%`)
if (failures.length > 0) console.log(`failing:\n${failures.join('\n')}`)
process.exitCode = passed / GOLDEN.length >= 0.95 ? 0 : 1
