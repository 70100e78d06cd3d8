/**
 * Word counting for stats and thresholds. A word is a run of letters and digits (inner
 * apostrophes, hyphens and periods kept, so "don't", "well-known" and "3.5" count once); in
 * scripts written without spaces (Han, Hiragana, Katakana) each character counts as a word,
 * which is how CJK word counts are usually reported.
 */

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu

/** Number of words in `text` (see the module comment for what counts). */
export function countWords(text: string): number {
  let count = 0
  for (const _ of text.matchAll(WORD)) count += 1
  return count
}

/** Number of Unicode code points (what people mean by "characters", unlike UTF-16 length). */
export function countCharacters(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}

/** Share of code points that are letters, ignoring whitespace (0 for text without any). */
export function letterRatio(text: string): number {
  let visible = 0
  let letters = 0
  for (const character of text) {
    if (/\s/u.test(character)) continue
    visible += 1
    if (/\p{L}/u.test(character)) letters += 1
  }
  return visible === 0 ? 0 : letters / visible
}
