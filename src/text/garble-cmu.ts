/**
 * Two neighbouring words as CMU Sphinx's general English model (data/garble-cmu.bin.gz,
 * converted by scripts/build-garble-lm-cmu.ts) reads them: words only, because it was
 * estimated on text with the punctuation removed, so "said, the" is scored as "said the".
 * Numbers and words it does not know become "<unk>", which it has never seen before anything:
 * the history restarts. Only the few words a swap's score looks at are encoded, because the
 * order check asks about a pair in most sentences of every English document.
 */
import type { NgramModel } from './ngram-model.ts'
import { SPAN_MARK, wordForm } from './ngram-tokens.ts'
import type { TokenSpans } from './ngram-tokens.ts'

/** The words around a pair for the general model: ids (<s> / </s> where the sentence ends), and where the pair starts. */
export interface PairWindow {
  ids: number[]
  at: number
}

/** How many words before and after the pair a trigram swap score reads. */
const CONTEXT = 2

/** Indices of up to CONTEXT word tokens from `from` going `step` (±1), and whether the sentence ran out first. */
function contextTokens(spans: TokenSpans, from: number, step: number): { picked: number[]; edge: boolean } {
  const picked: number[] = []
  for (let index = from; index >= 0 && index < spans.count; index += step) {
    if (spans.kinds[index] === SPAN_MARK) continue
    picked.push(index)
    if (picked.length === CONTEXT) return { picked, edge: false }
  }
  return { picked, edge: true }
}

/**
 * The window of the general model's ids that the swap of tokens `index` and `index + 1` (two
 * words with one space between) changes the score of, as swapGain (garble-lm.ts) reads it.
 */
export function pairWindow(sentence: string, spans: TokenSpans, index: number, model: NgramModel): PairWindow {
  const before = contextTokens(spans, index - 1, -1)
  const after = contextTokens(spans, index + 2, 1)
  const chosen = [...before.picked.reverse(), index, index + 1, ...after.picked]
  const window: TokenSpans = { ascii: spans.ascii, count: chosen.length, starts: [], ends: [], kinds: [] }
  for (const token of chosen) {
    window.starts.push(spans.starts[token] as number)
    window.ends.push(spans.ends[token] as number)
    window.kinds.push(spans.kinds[token] as number)
  }
  const ids = model.encode(sentence, window)
  const kept = ids.slice(before.edge ? 0 : 1, after.edge ? ids.length : ids.length - 1)
  return { ids: kept, at: before.picked.length + (before.edge ? 1 : 0) }
}

/**
 * How much likelier (log10) the general model finds the first two words of a line (`next`, as
 * written) right after `previous` (the last two words of the line above) than at the start of a
 * sentence: a line broken inside a name ("the latest version of Ice⏎Cream Sandwich") scores
 * high; a caption above a new sentence ("in Washington⏎Officials said", "in New York⏎City
 * officials said") scores low, the second word telling a compound from a sentence's subject.
 */
export function continuationGain(model: NgramModel, previous: readonly [string, string], next: readonly [string, string]): number {
  const id = (raw: string): number => model.formId(wordForm(raw), raw)
  const [before, last, first, second] = [id(previous[0]), id(previous[1]), id(next[0]), id(next[1])]
  const start = model.idOf('<s>')
  const across = model.logProb(before, last, first) + model.logProb(last, first, second)
  return across - (model.logProb(-1, start, first) + model.logProb(start, first, second))
}
