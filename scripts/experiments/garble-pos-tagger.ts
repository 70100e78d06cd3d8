/** Experiment (issue 5): wink-nlp's English POS tagger as a function from text to [word, UPOS] pairs. */
import { createRequire } from 'node:module'

const require = createRequire(process.env.WINK_FROM ?? import.meta.url)

/** Loads wink-nlp with only its POS pipe (no NER, sentiment, negation: they cost time). */
export function loadTagger(): (text: string) => [string, string][] {
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => { readDoc: (text: string) => { tokens: () => { out: (what: unknown) => string[] } }; its: Record<string, unknown> }
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos'])
  return (text) => {
    const tokens = nlp.readDoc(text).tokens()
    const values = tokens.out(nlp.its.value)
    const tags = tokens.out(nlp.its.pos)
    return values.map((value, index) => [value, tags[index] as string])
  }
}
