/**
 * Repetition measures of Gopher's "repetition removal" (Rae et al. 2021, §A.1.1 and Table A1):
 * how much of a text is repeated lines, repeated paragraphs, its most frequent short n-gram, or
 * n-grams seen before. Spam, tag clouds and boilerplate-stuffed pages score high; prose scores
 * near zero. Pure functions; thresholds live in the quality-filter stage.
 *
 * N-grams are never built as strings or hashed: words become dense integer ids, and the
 * n-grams of one length get exact ids from the (n-1)-gram id and the next word id, one length
 * after the other. An (n-1)-gram that occurs once makes every n-gram it starts unique, so only
 * repeated prefixes are looked up, and when nothing repeats the longer n-grams are skipped.
 */
import { toWordIds } from './word-ids.ts'
import type { WordIds } from './word-ids.ts'

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
 * The repeated n-grams of one length: `starts[k]` is where the k-th occurrence of a repeated
 * n-gram starts (increasing) and `ids[k]` which n-gram it is (ids below `distinct`). N-grams
 * that occur once are left out: they never count and never start a repeated longer n-gram.
 */
interface Level {
  n: number
  starts: Int32Array
  ids: Int32Array
  distinct: number
}

/**
 * Keeps the entries whose id occurs at least twice; ids are renumbered densely. `starts`
 * undefined means entry `k` starts at word `k` (the words themselves).
 */
function keepRepeated(n: number, starts: Int32Array | undefined, ids: Int32Array, count: number, distinct: number): Level {
  const occurrences = new Int32Array(distinct)
  for (let index = 0; index < count; index += 1) occurrences[ids[index] as number] = (occurrences[ids[index] as number] as number) + 1
  let kept = 0
  for (let index = 0; index < count; index += 1) if ((occurrences[ids[index] as number] as number) > 1) kept += 1
  const level: Level = { n, starts: new Int32Array(kept), ids: new Int32Array(kept), distinct: 0 }
  const renumber = occurrences // reused: counts are no longer needed once read, -1 - id marks a renumbered id
  kept = 0
  for (let index = 0; index < count; index += 1) {
    const id = ids[index] as number
    const seen = renumber[id] as number
    if (seen === 1) continue
    if (seen >= 0) renumber[id] = -1 - level.distinct++
    level.starts[kept] = starts === undefined ? index : (starts[index] as number)
    level.ids[kept] = -1 - (renumber[id] as number)
    kept += 1
  }
  return level
}

function firstLevel(words: WordIds): Level {
  let distinct = 0
  for (let index = 0; index < words.ids.length; index += 1) if ((words.ids[index] as number) >= distinct) distinct = (words.ids[index] as number) + 1
  return keepRepeated(1, undefined, words.ids, words.ids.length, distinct)
}

/** The repeated (n+1)-grams from the repeated n-grams: a (prefix, next word) pair table gives ids. */
function nextLevel(previous: Level, words: WordIds): Level {
  const n = previous.n + 1
  const last = words.ids.length - n
  let size = 16
  while (size < previous.starts.length * 2) size *= 2
  const prefixes = new Int32Array(size).fill(-1)
  const nexts = new Int32Array(size)
  const values = new Int32Array(size)
  const starts = new Int32Array(previous.starts.length)
  const ids = new Int32Array(previous.starts.length)
  let count = 0
  let distinct = 0
  for (let index = 0; index < previous.starts.length; index += 1) {
    const start = previous.starts[index] as number
    if (start > last) break
    const prefix = previous.ids[index] as number
    const word = words.ids[start + n - 1] as number
    let slot = (Math.imul(prefix, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & (size - 1)
    while (prefixes[slot] !== -1 && (prefixes[slot] !== prefix || nexts[slot] !== word)) slot = (slot + 1) & (size - 1)
    if (prefixes[slot] === -1) {
      prefixes[slot] = prefix
      nexts[slot] = word
      values[slot] = distinct++
    }
    starts[count] = start
    ids[count] = values[slot] as number
    count += 1
  }
  return keepRepeated(n, starts, ids, count, distinct)
}

/** Share of characters in the most frequent n-gram, counted with its repetitions (0 if none repeats). */
function topShare(level: Level, words: WordIds): number {
  const counts = new Int32Array(level.distinct)
  const lengths = new Float64Array(level.distinct)
  for (let index = 0; index < level.starts.length; index += 1) {
    const id = level.ids[index] as number
    const start = level.starts[index] as number
    counts[id] = (counts[id] as number) + 1
    lengths[id] = (words.offsets[start + level.n] as number) - (words.offsets[start] as number)
  }
  let best = 0
  let bestCharacters = 0
  for (let id = 0; id < level.distinct; id += 1) {
    const count = counts[id] as number
    const length = lengths[id] as number
    if (count > best || (count === best && length > bestCharacters)) {
      best = count
      bestCharacters = length
    }
  }
  const total = words.offsets[words.ids.length] as number
  return best < 2 || total === 0 ? 0 : (best * bestCharacters) / total
}

/** Share of characters inside n-grams that repeat an earlier one; overlaps count once. */
function duplicateCoverage(level: Level, words: WordIds): number {
  const total = words.offsets[words.ids.length] as number
  if (total === 0) return 0
  let next = 0
  let coveredUntil = 0
  let repeated = 0
  for (let index = 0; index < level.starts.length; index += 1) {
    const id = level.ids[index] as number
    if (id === next) {
      next += 1
      continue
    }
    const start = level.starts[index] as number
    const from = Math.max(start, coveredUntil)
    coveredUntil = start + level.n
    repeated += (words.offsets[coveredUntil] as number) - (words.offsets[from] as number)
  }
  return repeated / total
}

/** Top and duplicate n-gram shares of one word sequence, for the n-gram lengths asked. */
export interface NgramShares {
  top: Map<number, number>
  duplicate: Map<number, number>
}

/**
 * {@link topNgramShare} for every n in `tops` and {@link duplicateNgramShare} for every n in
 * `duplicates`, in one sweep over the n-gram lengths.
 */
export function ngramShares(words: WordIds, tops: readonly number[], duplicates: readonly number[]): NgramShares {
  const shares: NgramShares = { top: new Map(tops.map((n) => [n, 0])), duplicate: new Map(duplicates.map((n) => [n, 0])) }
  const longest = Math.max(0, ...tops, ...duplicates)
  let level = firstLevel(words)
  for (let n = 1; n <= longest; n += 1) {
    if (n > 1) level = nextLevel(level, words)
    // No n-gram repeats, so no longer one does either: every share left is 0.
    if (level.distinct === 0) break
    if (shares.top.has(n)) shares.top.set(n, topShare(level, words))
    if (shares.duplicate.has(n)) shares.duplicate.set(n, duplicateCoverage(level, words))
  }
  return shares
}

/**
 * Share of word characters taken by the most frequent word `n`-gram (counted with its
 * repetitions); 0 when no n-gram occurs twice.
 */
export function topNgramShare(words: readonly string[], n: number): number {
  return ngramShares(toWordIds(words), [n], []).top.get(n) ?? 0
}

/**
 * Share of word characters inside word `n`-grams that repeat an earlier n-gram; a word covered
 * by several overlapping repeats counts once (Gopher's "not counting overlapping characters").
 */
export function duplicateNgramShare(words: readonly string[], n: number): number {
  return ngramShares(toWordIds(words), [], [n]).duplicate.get(n) ?? 0
}
