/**
 * Words as dense integer ids (equal words, equal ids, numbered in order of first occurrence),
 * for the n-gram measures in repetition.ts: built from a list of strings, or read straight out
 * of a text without making a string per word.
 */

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
