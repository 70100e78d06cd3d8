/**
 * Possible parts of speech per English word form, from `en-lexicon` (MIT, about 112,000 forms
 * with Penn Treebank tags, the most frequent first: "sat" → VBD|VBN). Used without a tagger:
 * a word that can only be a finite verb right after "the", or only a noun right after "he",
 * shows that a word was lost or moved. Loads in about 0.15 s, once per stage.
 */
import { createRequire } from 'node:module'

/** Tag look-up for lowercase word forms; undefined for unknown words. */
export type PosLexicon = (word: string) => readonly string[] | undefined

/** Builds the look-up from a word → "TAG|TAG" table (the package's data, or a small one in tests). */
export function createPosLexicon(table: Readonly<Record<string, string>>): PosLexicon {
  const cache = new Map<string, readonly string[]>()
  return (word) => {
    const cached = cache.get(word)
    if (cached !== undefined) return cached
    const entry = Object.hasOwn(table, word) ? table[word] : undefined
    if (typeof entry !== 'string') return undefined
    const tags = entry.split('|')
    cache.set(word, tags)
    return tags
  }
}

/** Loads the en-lexicon table. */
export function loadPosLexicon(): PosLexicon {
  const require = createRequire(import.meta.url)
  return createPosLexicon((require('en-lexicon') as { lexicon: Record<string, string> }).lexicon)
}
