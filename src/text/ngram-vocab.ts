/**
 * The word model's vocabulary as an open-addressing hash over character codes, so the order
 * check can look up every word of every sentence straight from the sentence text: no slice,
 * no lowercase copy, no string hashing per token. Only for ASCII text (case folded A–Z → a–z,
 * which is what `toLowerCase` does there); other text goes through the `Map` of forms. The
 * table is plain typed arrays ({@link WordTable}), so the lexicon (lexicon.ts) builds one too
 * and shares it with worker threads.
 */
import { isAscii } from './ascii-text.ts'

/** Finds vocabulary ids by the text of a token. */
export interface VocabIndex {
  /** Id of the lowercased ASCII text[start, end), or -1 when the vocabulary lacks it. */
  find(text: string, start: number, end: number): number
}

/** Lowercase code of an ASCII character code. */
const fold = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code)

/** FNV-1a over the folded codes of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ fold(text.charCodeAt(at)), 0x01000193)
  return hash >>> 0
}

/**
 * Words as plain typed arrays, so a table built once can be shared with worker threads:
 * the characters end to end, where each word starts, and hash slots holding word indices.
 */
export interface WordTable {
  slots: Int32Array
  chars: Uint16Array
  offsets: Int32Array
}

function sameText(table: WordTable, id: number, text: string, start: number, end: number): boolean {
  const from = table.offsets[id] as number
  if ((table.offsets[id + 1] as number) - from !== end - start) return false
  for (let at = start; at < end; at += 1) if (table.chars[from + at - start] !== fold(text.charCodeAt(at))) return false
  return true
}

/** True for the forms a vocabulary index holds: lowercase ASCII. */
export const lowercaseAscii = (form: string): boolean => form === form.toLowerCase() && isAscii(form)

/**
 * A table of the `words` that `include` accepts (of duplicates the last wins). Look-ups fold
 * ASCII capitals, so the words should be lowercase; other capitals must be lowercased first.
 */
export function buildWordTable(vocab: readonly string[], include: (word: string) => boolean = () => true): WordTable {
  const offsets = new Int32Array(vocab.length + 1)
  for (let id = 0; id < vocab.length; id += 1) offsets[id + 1] = (offsets[id] as number) + (vocab[id] as string).length
  const chars = new Uint16Array(offsets[vocab.length] as number)
  vocab.forEach((form, id) => {
    for (let at = 0; at < form.length; at += 1) chars[(offsets[id] as number) + at] = form.charCodeAt(at)
  })
  const slots = new Int32Array(2 ** Math.ceil(Math.log2(vocab.length * 2 + 2))).fill(-1)
  const table: WordTable = { slots, chars, offsets }
  const mask = slots.length - 1
  vocab.forEach((form, id) => {
    if (!include(form)) return
    let slot = hashRange(form, 0, form.length) & mask
    while (slots[slot] !== -1 && !sameText(table, slots[slot] as number, form, 0, form.length)) slot = (slot + 1) & mask
    slots[slot] = id
  })
  return table
}

/** Index in `table` of text[start, end) with ASCII capitals folded, or -1. */
export function findWord(table: WordTable, text: string, start: number, end: number): number {
  const mask = table.slots.length - 1
  for (let slot = hashRange(text, start, end) & mask; ; slot = (slot + 1) & mask) {
    const id = table.slots[slot] as number
    if (id === -1 || sameText(table, id, text, start, end)) return id
  }
}
