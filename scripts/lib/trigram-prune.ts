/**
 * Shrinks a large backoff trigram model (read by sphinx-trie.ts) to a size sluice can ship:
 * the most probable words only (ids must fit 16 bits), then the bigrams and trigrams whose
 * loss would change the model most, ranked as in Stolcke's entropy pruning, 1998: P(history)
 * × P(word | history) × |log P(word | history) − log of its backoff estimate|. Backoff weights
 * are kept as they were (the order check only compares two readings of one sentence, so the
 * small mass left unassigned cancels out). Output: the Estimate that ngram-writer.ts writes.
 */
import type { Estimate } from './kneser-ney.ts'
import type { TrigramLists } from './sphinx-trie.ts'

/** How much to keep. */
export interface PruneBudget {
  words: number
  bigrams: number
  trigrams: number
}

/** The pruned model over `vocab` (<s>, </s>, <unk>, then words by falling probability). */
export interface PrunedModel {
  vocab: string[]
  model: Estimate
}

const B = 65536
/** log10 P(<s>) as a history (a sentence start every ~20 words); the model's own is −99. */
const SENTENCE_START = -1.3

/** Indices of the `count` largest scores (all when there are fewer). */
function topIndices(scores: Float64Array, count: number): Uint32Array {
  const order = Uint32Array.from(scores.keys()).filter((index) => scores[index] !== -Infinity)
  order.sort((left, right) => (scores[right] as number) - (scores[left] as number))
  return order.subarray(0, Math.min(count, order.length))
}

/** Old word id → new id (−1 when dropped), and the new vocabulary. */
function chooseWords(lists: TrigramLists, limit: number): { vocab: string[]; newId: Int32Array } {
  const fixed = ['<s>', '</s>', '<unk>']
  const ranked = [...lists.words.keys()].filter((id) => !fixed.includes(lists.words[id] as string)).sort((left, right) => (lists.uniProb[right] as number) - (lists.uniProb[left] as number))
  const kept = ranked.slice(0, Math.min(limit, B - 1) - fixed.length)
  const newId = new Int32Array(lists.words.length).fill(-1)
  lists.words.forEach((word, id) => {
    if (fixed.includes(word)) newId[id] = fixed.indexOf(word)
  })
  kept.forEach((id, index) => {
    newId[id] = index + fixed.length
  })
  return { vocab: [...fixed, ...kept.map((id) => lists.words[id] as string)], newId }
}

/** log10 of the pruning score of every bigram (−Infinity when a word was dropped). */
function bigramScores(lists: TrigramLists, newId: Int32Array, history: Float64Array): Float64Array {
  return Float64Array.from(lists.biProb, (prob, index) => {
    const [v, w] = [lists.biFirst[index] as number, lists.biSecond[index] as number]
    if (newId[v] === -1 || newId[w] === -1) return -Infinity
    const change = Math.abs(prob - ((lists.uniBow[v] as number) + (lists.uniProb[w] as number)))
    return (history[v] as number) + prob + Math.log10(change + 1e-9)
  })
}

/** log10 of the pruning score of every trigram; `context[j]` is the bigram "u v" of trigram j. */
function trigramScores(lists: TrigramLists, newId: Int32Array, context: Int32Array, history: Float64Array): Float64Array {
  return Float64Array.from(lists.triProb, (prob, index) => {
    const last = lists.triBigram[index] as number
    const uv = context[index] as number
    if (uv === -1 || newId[lists.triFirst[index] as number] === -1 || newId[lists.biFirst[last] as number] === -1 || newId[lists.biSecond[last] as number] === -1) return -Infinity
    const change = Math.abs(prob - ((lists.biBow[uv] as number) + (lists.biProb[last] as number)))
    return (history[lists.triFirst[index] as number] as number) + (lists.biProb[uv] as number) + prob + Math.log10(change + 1e-9)
  })
}

/** For every trigram "u v w", the index of the bigram "u v" (−1 if the model lacks it). */
function contextBigrams(lists: TrigramLists): Int32Array {
  const size = lists.words.length
  const index = new Map<number, number>()
  lists.biFirst.forEach((first, at) => index.set(first * size + (lists.biSecond[at] as number), at))
  return Int32Array.from(lists.triFirst, (first, at) => index.get(first * size + (lists.biFirst[lists.triBigram[at] as number] as number)) ?? -1)
}

/** Prunes `lists` to `budget` (see the file comment). */
export function pruneTrigrams(lists: TrigramLists, budget: PruneBudget): PrunedModel {
  const { vocab, newId } = chooseWords(lists, budget.words)
  const context = contextBigrams(lists)
  const history = Float64Array.from(lists.uniProb, (prob, id) => (lists.words[id] === '<s>' ? SENTENCE_START : prob))
  const trigrams = topIndices(trigramScores(lists, newId, context, history), budget.trigrams)
  const bigramSet = new Set(topIndices(bigramScores(lists, newId, history), budget.bigrams))
  for (const index of trigrams) bigramSet.add(context[index] as number)
  const keyOf = (index: number): number => (newId[lists.biFirst[index] as number] as number) * B + (newId[lists.biSecond[index] as number] as number)
  const bigrams = [...bigramSet].sort((left, right) => keyOf(left) - keyOf(right))
  const position = new Map(bigrams.map((index, at) => [index, at]))
  const triKey = (index: number): number => (position.get(context[index] as number) as number) * B + (newId[lists.biSecond[lists.triBigram[index] as number] as number] as number)
  const sorted = [...trigrams].sort((left, right) => triKey(left) - triKey(right))
  const triStart = new Uint32Array(bigrams.length + 1)
  for (const index of sorted) {
    const slot = (position.get(context[index] as number) as number) + 1
    triStart[slot] = (triStart[slot] as number) + 1
  }
  for (let at = 1; at < triStart.length; at += 1) triStart[at] = (triStart[at] as number) + (triStart[at - 1] as number)
  const model: Estimate = {
    ...unigrams(lists, vocab, newId),
    bigramKeys: Uint32Array.from(bigrams, keyOf),
    biProb: Float64Array.from(bigrams, (index) => lists.biProb[index] as number),
    biBow: Float64Array.from(bigrams, (index) => lists.biBow[index] as number),
    triStart,
    trigramWords: Uint16Array.from(sorted, (index) => triKey(index) % B),
    triProb: Float64Array.from(sorted, (index) => lists.triProb[index] as number),
  }
  return { vocab, model }
}

/** Unigram values over the new vocabulary; <unk> gets the least probable kept word's probability. */
function unigrams(lists: TrigramLists, vocab: readonly string[], newId: Int32Array): Pick<Estimate, 'uniProb' | 'uniBow'> {
  const uniProb = new Float64Array(vocab.length)
  const uniBow = new Float64Array(vocab.length)
  newId.forEach((id, old) => {
    if (id === -1) return
    uniProb[id] = lists.uniProb[old] as number
    uniBow[id] = lists.uniBow[old] as number
  })
  uniProb[2] = uniProb.subarray(3).reduce((low, prob) => Math.min(low, prob), 0)
  uniBow[2] = 0
  return { uniProb, uniBow }
}
