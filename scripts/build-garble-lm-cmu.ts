/**
 * `npx tsx scripts/build-garble-lm-cmu.ts [path]`: converts CMU Sphinx's general US-English
 * trigram model into src/text/data/garble-cmu.bin.gz (format: src/text/ngram-model.ts), the
 * third model of fix-garbled's word-order check. Trained by CMU on far more (and more varied)
 * English than the models scripts/build-garble-model.ts trains, it knows which of two word
 * orders is normal where those have never seen the words together.
 *
 * Source: the Debian package `pocketsphinx-en-us` (Carnegie Mellon University, BSD-2-clause,
 * redistribution permitted with the copyright notice: see src/text/data/garble-cmu.NOTICE):
 *   apt-get download pocketsphinx-en-us
 *   npx tsx scripts/build-garble-lm-cmu.ts pocketsphinx-en-us_*.deb
 * `path` is the .deb (unpacked with dpkg-deb) or its en-us.lm.bin; nothing is downloaded here.
 * The model is lowercase words only, no punctuation (a speech model), 72,547 words, 2.05M
 * bigrams, 1.67M trigrams; sphinx-trie.ts reads its binary trie, trigram-prune.ts keeps the
 * WORDS most probable words and the BIGRAMS / TRIGRAMS n-grams that matter most.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeModel } from './lib/ngram-writer.ts'
import { readSphinxTrie } from './lib/sphinx-trie.ts'
import type { TrigramLists } from './lib/sphinx-trie.ts'
import { pruneTrigrams } from './lib/trigram-prune.ts'

const BUDGET = {
  words: Number(process.env.WORDS ?? 32_000),
  bigrams: Number(process.env.BIGRAMS ?? 1_450_000),
  trigrams: Number(process.env.TRIGRAMS ?? 1_200_000),
}
/** Value ranges of the CMU model: backoff weights go up to +1.15 there. */
const QUANT_RANGE = { probFloor: -8, bowFloor: -2.5, bowCeil: 1.25 }
const MODEL_IN_DEB = 'usr/share/pocketsphinx/model/en-us/en-us.lm.bin'

function readModel(file: string): TrigramLists {
  if (!file.endsWith('.deb')) return readSphinxTrie(file)
  const folder = mkdtempSync(path.join(tmpdir(), 'sluice-cmu-'))
  try {
    execFileSync('dpkg-deb', ['-x', file, folder])
    return readSphinxTrie(path.join(folder, MODEL_IN_DEB))
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function main(): void {
  const file = process.argv[2]
  if (file === undefined) throw new Error('Usage: npx tsx scripts/build-garble-lm-cmu.ts pocketsphinx-en-us_<version>_all.deb (from `apt-get download pocketsphinx-en-us`)')
  const lists = readModel(file)
  console.log(`read: ${lists.words.length} words, ${lists.biProb.length} bigrams, ${lists.triProb.length} trigrams`)
  const { vocab, model } = pruneTrigrams(lists, BUDGET)
  writeModel('garble-cmu.bin.gz', vocab, model, { quant: QUANT_RANGE, layout: 'runs', source: 'CMU Sphinx en-us (pocketsphinx-en-us), BSD-2-clause, Carnegie Mellon University' })
}

main()
