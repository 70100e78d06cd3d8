/**
 * How much of a decoded string is text: the share of characters that are not control
 * characters (other than tab, line ends and form feed), U+FFFD or non-characters. Binary data
 * decoded as text, or text in an encoding nobody could decode, is mostly those.
 */

/** Characters looked at; the start of a file shows what it is. */
const SAMPLE = 1 << 20

function isNonText(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c
  return (code >= 0x7f && code <= 0x9f) || code === 0xfffd || code === 0xfffe || code === 0xffff
}

/** Any character {@link isNonText} counts; most texts have none, and a regex scan finds that fast. */
const NON_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/

/** Share (0–1) of text characters in the first megabyte of `text`; 1 for an empty string. */
export function textRatio(text: string): number {
  const length = Math.min(text.length, SAMPLE)
  if (length === 0) return 1
  if (!NON_TEXT.test(length === text.length ? text : text.slice(0, length))) return 1
  let bad = 0
  for (let index = 0; index < length; index += 1) if (isNonText(text.charCodeAt(index))) bad += 1
  return 1 - bad / length
}
