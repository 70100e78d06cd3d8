/**
 * Words English writes in lowercase inside a sentence nearly always ("bid", "camera",
 * "weekend"), counted in edited text by scripts/build-garble-case.ts: the capital check's
 * evidence that "in a Bid to" is a slip, where the SUBTLEX list alone cannot tell "company"
 * (often "the Company") from "camera". Kept apart from the lexicon so it loads with the models.
 */
import { readFileSync } from 'node:fs'

/** How often a word follows a lowercase word in the training text: in lowercase, and capitalised. */
export interface CaseCounts {
  lower: number
  capital: number
}

/** Parses `word lower capital` lines (data/garble-case.txt, or a small list in tests). */
export function parseCaseList(text: string): ReadonlyMap<string, CaseCounts> {
  const table = new Map<string, CaseCounts>()
  for (const line of text.split('\n')) {
    const [word, lower, capital] = line.split(' ')
    if (word !== undefined && word.length > 0) table.set(word, { lower: Number(lower), capital: Number(capital) })
  }
  return table
}

/** Reads data/garble-case.txt; call once per stage, on the first English document. */
export function loadCaseList(): ReadonlyMap<string, CaseCounts> {
  return parseCaseList(readFileSync(new URL('./data/garble-case.txt', import.meta.url), 'utf8'))
}
