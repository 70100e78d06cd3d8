/**
 * Word classes for fix-garbled's class n-gram model: a content word becomes the part-of-speech
 * tags it takes in the Brown Corpus ("round" → "N|JJ", "went" → "VBD"), so the model learns
 * word order from the 3 million training words without needing to have seen each word pair;
 * function words stay themselves, since their exact form carries the grammar ("to", "has").
 * No tagger runs at check time: a word's class is a fixed property of the word.
 */
import { brownTagCounts } from './brown.ts'

/** Brown tags (lowercase, without -tl/-hl/-nc, fw- or negation marks) → coarse content tags. */
const COARSE: [RegExp, string][] = [
  [/^nns?\$$/u, 'N$'], [/^nns$/u, 'NS'], [/^nn$/u, 'N'], [/^(?:np|nps|nr|nrs)\$?$/u, 'NP'],
  [/^vb$/u, 'VB'], [/^vbd$/u, 'VBD'], [/^vbn$/u, 'VBN'], [/^vbg$/u, 'VBG'], [/^vbz$/u, 'VBZ'],
  [/^jjr$/u, 'JJR'], [/^jj[st]$/u, 'JJS'], [/^jj$/u, 'JJ'], [/^rb[rt]?$/u, 'RB'], [/^cd$/u, 'CD'], [/^od$/u, 'OD'], [/^uh$/u, 'UH'],
]

function coarse(tag: string): string {
  const plain = tag.replace(/^fw-/u, '').replace(/-(?:tl|hl|nc)$/gu, '').replace(/\*$/u, '')
  for (const [pattern, name] of COARSE) if (pattern.test(plain)) return name
  return 'CLOSED'
}

/** Share of a word's occurrences a second tag needs to enter its class. */
const SECOND_TAG = 0.2
/** The most frequent words of the training text keep their own form. */
const KEEP_FREQUENT = 250

/** Builds the map from lowercase word to class name (the word itself for function words). */
export function wordClasses(vocabulary: readonly string[]): Map<string, string> {
  const tags = brownTagCounts()
  const classes = new Map<string, string>()
  let rank = 0
  for (const word of vocabulary) {
    if (word.startsWith('<') || !/^\p{L}/u.test(word)) {
      classes.set(word, word)
      continue
    }
    rank += 1
    const counts = new Map<string, number>()
    let total = 0
    for (const [tag, count] of tags.get(word) ?? []) {
      counts.set(coarse(tag), (counts.get(coarse(tag)) ?? 0) + count)
      total += count
    }
    const ranked = [...counts].sort((left, right) => right[1] - left[1])
    const top = ranked[0]
    if (rank <= KEEP_FREQUENT || top?.[0] === 'CLOSED') classes.set(word, word)
    else if (top === undefined) classes.set(word, '')
    else classes.set(word, ranked.slice(0, 2).filter(([name, count], index) => index === 0 || (count >= SECOND_TAG * total && name !== 'CLOSED')).map(([name]) => name).join('|'))
  }
  return classes
}
