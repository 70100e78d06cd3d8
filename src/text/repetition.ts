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
    if (ascii) return this.push(this.intern(text, start, end, hashOf(text, start, end)), end - start)
    const word = text.slice(start, end).toLowerCase()
    return this.push(this.intern(word, 0, word.length, hashOf(word, 0, word.length)), word.length)
  }

  /** {@link add} for an ASCII range whose {@link wordHash} the caller computed while reading it. */
  addAscii(text: string, start: number, end: number, hash: number): number {
    return this.push(this.intern(text, start, end, hash), end - start)
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

  /** The id of `word` (lowercase) when it was added, else -1; adds nothing. */
  idOf(word: string): number {
    const hash = hashOf(word, 0, word.length)
    const mask = this.slots.length - 1
    for (let slot = hash & mask, id = (this.slots[slot] as number) - 1; id >= 0; slot = (slot + 1) & mask, id = (this.slots[slot] as number) - 1) {
      if (this.hashes[id] === hash && this.sameAs(id, word, 0, word.length)) return id
    }
    return -1
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
  private intern(text: string, start: number, end: number, hash: number): number {
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

/** Start value of {@link wordHash}. */
export const WORD_HASH_START = 0x811c9dc5 | 0

/** One step of the word hash (FNV-1a over code units with A–Z lowercased), for readers that hash as they scan. */
export function wordHash(hash: number, code: number): number {
  return Math.imul(hash ^ lowerAscii(code), 0x01000193)
}

/** The word hash of `text[start, end)`. */
function hashOf(text: string, start: number, end: number): number {
  let hash = WORD_HASH_START
  for (let index = start; index < end; index += 1) hash = wordHash(hash, text.charCodeAt(index))
  return hash
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
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
