/**
 * Repetition measures of Gopher's "repetition removal" (Rae et al. 2021, §A.1.1 and Table A1):
 * how much of a text is repeated lines, repeated paragraphs, its most frequent short n-gram, or
 * n-grams seen before. Spam, tag clouds and boilerplate-stuffed pages score high; prose scores
 * near zero. Pure functions over strings; thresholds live in the quality-filter stage.
 */
import { fmix32, mixBlock } from './hash32.ts'

/** Share of elements that repeat an earlier one, and the share of characters in those repeats. */
export interface DuplicateShare {
  elements: number
  characters: number
}

/** Repeated elements (lines or paragraphs): the first occurrence is not counted, later ones are. */
export function duplicateShare(elements: readonly string[]): DuplicateShare {
  const seen = new Set<string>()
  let repeated = 0
  let repeatedCharacters = 0
  let characters = 0
  for (const element of elements) {
    characters += element.length
    if (seen.has(element)) {
      repeated += 1
      repeatedCharacters += element.length
    } else seen.add(element)
  }
  return { elements: elements.length === 0 ? 0 : repeated / elements.length, characters: characters === 0 ? 0 : repeatedCharacters / characters }
}

/**
 * One number per word `n`-gram (two MurmurHash3 chains over word ids, 53 bits), so n-gram
 * counting uses numeric map keys instead of joined strings; a false match needs a 53-bit
 * collision between two different n-grams of one document.
 */
function ngramKeys(words: readonly string[], n: number): Float64Array {
  const ids = new Map<string, number>()
  const wordIds = words.map((word) => {
    let id = ids.get(word)
    if (id === undefined) ids.set(word, (id = ids.size + 1))
    return id
  })
  const count = Math.max(0, words.length - n + 1)
  const keys = new Float64Array(count)
  for (let start = 0; start < count; start += 1) {
    let high = n
    let low = ~n
    for (let offset = start; offset < start + n; offset += 1) {
      high = mixBlock(high, wordIds[offset] as number)
      low = mixBlock(low, ~(wordIds[offset] as number))
    }
    keys[start] = (fmix32(high) & 0x1fffff) * 0x100000000 + fmix32(low)
  }
  return keys
}

function prefixLengths(words: readonly string[]): Float64Array {
  const sums = new Float64Array(words.length + 1)
  words.forEach((word, index) => {
    sums[index + 1] = (sums[index] as number) + word.length
  })
  return sums
}

/**
 * Share of word characters taken by the most frequent word `n`-gram (counted with its
 * repetitions); 0 when no n-gram occurs twice.
 */
export function topNgramShare(words: readonly string[], n: number): number {
  const keys = ngramKeys(words, n)
  const lengths = prefixLengths(words)
  const counts = new Map<number, number>()
  let best = 0
  let bestCharacters = 0
  for (let start = 0; start < keys.length; start += 1) {
    const key = keys[start] as number
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    const length = (lengths[start + n] as number) - (lengths[start] as number)
    if (count > best || (count === best && length > bestCharacters)) {
      best = count
      bestCharacters = length
    }
  }
  const total = lengths[words.length] as number
  return best < 2 || total === 0 ? 0 : (best * bestCharacters) / total
}

/**
 * Share of word characters inside word `n`-grams that repeat an earlier n-gram; a word covered
 * by several overlapping repeats counts once (Gopher's "not counting overlapping characters").
 */
export function duplicateNgramShare(words: readonly string[], n: number): number {
  const keys = ngramKeys(words, n)
  const seen = new Set<number>()
  const covered = new Uint8Array(words.length)
  for (let start = 0; start < keys.length; start += 1) {
    const key = keys[start] as number
    if (seen.has(key)) covered.fill(1, start, start + n)
    else seen.add(key)
  }
  let repeated = 0
  for (let index = 0; index < words.length; index += 1) if (covered[index] === 1) repeated += (words[index] as string).length
  const total = prefixLengths(words)[words.length] as number
  return total === 0 ? 0 : repeated / total
}
