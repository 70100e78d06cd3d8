/**
 * Fast paths for ASCII text. After normalize-quotes nearly every line sluice checks is ASCII,
 * and there `\p{L}` is [A-Za-z], `\p{N}` is [0-9], `\p{M}` matches nothing: a hand scan or a
 * pattern without `\p{…}` classes and the u flag runs several times faster than the Unicode
 * pattern, with the same result. Each caller keeps the Unicode pattern for the rest.
 */

/** Any character outside ASCII; no u flag, which makes the scan several times faster (a surrogate is outside ASCII either way). */
const NOT_ASCII = /[^\x00-\x7f]/

/** True when every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  return !NOT_ASCII.test(text)
}

/** True for the code of an ASCII letter (A–Z, a–z). */
export function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122
}

/** True for the code of an ASCII digit. */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
