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
 * A word sequence as integer ids: equal words have equal ids, numbered in order of first
 * occurrence, and `offsets[i]` is the characters (UTF-16) of the words before word `i`.
 */
export interface WordIds {
  ids: Int32Array
  offsets: Float64Array
}

/** {@link WordIds} of a list of words. */
export function toWordIds(words: readonly string[]): WordIds {
  const known = new Map<string, number>()
  const ids = new Int32Array(words.length)
  const offsets = new Float64Array(words.length + 1)
  words.forEach((word, index) => {
    let id = known.get(word)
    if (id === undefined) known.set(word, (id = known.size))
    ids[index] = id
    offsets[index + 1] = (offsets[index] as number) + word.length
  })
  return { ids, offsets }
}

/**
 * Builds {@link WordIds} from words read straight out of a text: a word is a range of the
 * text, lowercased. ASCII words are hashed and compared in place and never become strings (a
 * distinct word is remembered as the range where it first occurred); other words go through
 * `toLowerCase` first (its full Unicode rules). {@link WordIdBuilder.word} makes the string.
 */
export class WordIdBuilder {
  /** Per distinct word: the string holding it, and its range there (A–Z still to lowercase). */
  private sources: string[] = []
  private starts: Int32Array = new Int32Array(64)
  private ends: Int32Array = new Int32Array(64)
  private hashes: Int32Array = new Int32Array(64)
  private slots: Int32Array = new Int32Array(128)
  private ids: Int32Array = new Int32Array(256)
  private offsets: Float64Array = new Float64Array(257)
  private count = 0

  /** Adds the word `text[start, end)`, lowercased; `ascii` says the range is all ASCII. Returns its id. */
  add(text: string, start: number, end: number, ascii: boolean): number {
    if (ascii) return this.push(this.intern(text, start, end), end - start)
    const word = text.slice(start, end).toLowerCase()
    return this.push(this.intern(word, 0, word.length), word.length)
  }

  /** Number of distinct words. */
  get size(): number {
    return this.sources.length
  }

  /** The lowercased word with id `id`. */
  word(id: number): string {
    const text = (this.sources[id] as string).slice(this.starts[id], this.ends[id])
    return /[A-Z]/.test(text) ? text.toLowerCase() : text
  }

  /** UTF-16 length of the word with id `id`. */
  wordLength(id: number): number {
    return (this.ends[id] as number) - (this.starts[id] as number)
  }

  /** The words added so far. */
  result(): WordIds {
    return { ids: this.ids.subarray(0, this.count), offsets: this.offsets.subarray(0, this.count + 1) }
  }

  private push(id: number, length: number): number {
    if (this.count === this.ids.length) {
      this.ids = grown(this.ids)
      const offsets = new Float64Array(this.ids.length + 1)
      offsets.set(this.offsets)
      this.offsets = offsets
    }
    this.ids[this.count] = id
    this.offsets[this.count + 1] = (this.offsets[this.count] as number) + length
    this.count += 1
    return id
  }

  /** Id of `text[start, end)` with A–Z lowercased, adding it when new (open addressing on its hash). */
  private intern(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(index)), 0x01000193)
    const mask = this.slots.length - 1
    let slot = hash & mask
    for (let id = (this.slots[slot] as number) - 1; id >= 0; id = (this.slots[slot] as number) - 1) {
      if (this.hashes[id] === hash && this.sameAs(id, text, start, end)) return id
      slot = (slot + 1) & mask
    }
    const id = this.sources.length
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes)
      this.starts = grown(this.starts)
      this.ends = grown(this.ends)
    }
    this.sources.push(text)
    this.starts[id] = start
    this.ends[id] = end
    this.hashes[id] = hash
    this.slots[slot] = id + 1
    if (this.sources.length * 2 > this.slots.length) this.rehash()
    return id
  }

  private sameAs(id: number, text: string, start: number, end: number): boolean {
    const from = this.starts[id] as number
    if ((this.ends[id] as number) - from !== end - start) return false
    const source = this.sources[id] as string
    for (let index = 0; index < end - start; index += 1) if (lowerAscii(source.charCodeAt(from + index)) !== lowerAscii(text.charCodeAt(start + index))) return false
    return true
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const mask = this.slots.length - 1
    for (let id = 0; id < this.sources.length; id += 1) {
      let slot = (this.hashes[id] as number) & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = id + 1
    }
  }
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** The n-gram ids of one length: `ids[i]` for the n-gram starting at word `i`, `count` of them. */
interface Level {
  n: number
  ids: Int32Array
  count: number
  /** Distinct n-grams (ids run from 0 to `distinct - 1`, in order of first occurrence). */
  distinct: number
  /** Occurrences per id. */
  occurrences: Int32Array
}

function countOccurrences(ids: Int32Array, count: number, distinct: number): Int32Array {
  const occurrences = new Int32Array(distinct)
  for (let index = 0; index < count; index += 1) {
    const id = ids[index] as number
    occurrences[id] = (occurrences[id] as number) + 1
  }
  return occurrences
}

function firstLevel(words: WordIds): Level {
  let distinct = 0
  for (let index = 0; index < words.ids.length; index += 1) distinct = Math.max(distinct, (words.ids[index] as number) + 1)
  return { n: 1, ids: words.ids, count: words.ids.length, distinct, occurrences: countOccurrences(words.ids, words.ids.length, distinct) }
}

/** Open-addressing table from (prefix id, word id) pairs to n-gram ids. */
function pairTable(entries: number): { prefixes: Int32Array; words: Int32Array; values: Int32Array; mask: number } {
  let size = 16
  while (size < entries * 2) size *= 2
  return { prefixes: new Int32Array(size).fill(-1), words: new Int32Array(size), values: new Int32Array(size), mask: size - 1 }
}

/** The (n+1)-gram level from the n-gram level; only repeated n-grams need a table lookup. */
function nextLevel(previous: Level, words: WordIds): Level {
  const n = previous.n + 1
  const count = Math.max(0, words.ids.length - n + 1)
  const ids = new Int32Array(count)
  let repeated = 0
  for (let start = 0; start < count; start += 1) if ((previous.occurrences[previous.ids[start] as number] as number) > 1) repeated += 1
  const table = pairTable(repeated)
  let distinct = 0
  for (let start = 0; start < count; start += 1) {
    const prefix = previous.ids[start] as number
    if ((previous.occurrences[prefix] as number) === 1) {
      ids[start] = distinct++
      continue
    }
    const word = words.ids[start + n - 1] as number
    let slot = (Math.imul(prefix, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & table.mask
    while (table.prefixes[slot] !== -1 && (table.prefixes[slot] !== prefix || table.words[slot] !== word)) slot = (slot + 1) & table.mask
    if (table.prefixes[slot] === -1) {
      table.prefixes[slot] = prefix
      table.words[slot] = word
      table.values[slot] = distinct++
    }
    ids[start] = table.values[slot] as number
  }
  return { n, ids, count, distinct, occurrences: countOccurrences(ids, count, distinct) }
}

/** Share of characters in the most frequent n-gram, counted with its repetitions (0 if none repeats). */
function topShare(level: Level, words: WordIds): number {
  const lengths = new Float64Array(level.distinct)
  for (let start = 0; start < level.count; start += 1) lengths[level.ids[start] as number] = (words.offsets[start + level.n] as number) - (words.offsets[start] as number)
  let best = 0
  let bestCharacters = 0
  for (let id = 0; id < level.distinct; id += 1) {
    const count = level.occurrences[id] as number
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
  if (total === 0 || level.distinct === level.count) return 0
  let next = 0
  let coveredUntil = 0
  let repeated = 0
  for (let start = 0; start < level.count; start += 1) {
    const id = level.ids[start] as number
    if (id === next) {
      next += 1
      continue
    }
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
    if (level.distinct === level.count) break
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
