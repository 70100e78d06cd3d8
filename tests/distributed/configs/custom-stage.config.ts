// A custom order-free stage (not a built-in): workers must import this file to rebuild it.
import type { Stage } from '../../../src/core/stage.ts'
import { defaultStages, defineConfig } from '../../../src/index.ts'

const countWords: Stage<'count-words/counted'> = {
  name: 'count-words',
  rules: ['count-words/counted'],
  run: (doc) => ({ ...doc, stats: { ...doc.stats, words: doc.text.split(/\s+/u).filter(Boolean).length } }),
}

const stages = defaultStages()
stages.splice(
  stages.findIndex((stage) => stage.ordered === true),
  0,
  countWords,
)

export default defineConfig({ workers: 0, concurrency: 2, stages })
