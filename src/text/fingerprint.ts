/**
 * Content fingerprints for exact-duplicate detection: a SHA-256 of the text after the chosen
 * normalisation, so a run remembers 64 hex characters per document instead of its text.
 */
import { createHash } from 'node:crypto'

/** How two texts must agree to count as the same. */
export interface FingerprintOptions {
  /** Compare case-insensitively ("Breaking News" = "breaking news"). */
  ignoreCase: boolean
  /** Treat every run of whitespace (spaces, line and paragraph breaks) as one space. */
  ignoreWhitespace: boolean
}

/** Text of these characters only is already NFC (see unicode.ts), so it skips the normaliser. */
const NFC_STABLE = /[^\u0000-\u02FF\u2010-\u2027\u2030-\u205E\u20A0-\u20BF]/
/**
 * Whitespace runs other than a single plain space: replacing these with a space gives the same
 * text as replacing every `\s+` run, without rewriting each space between two words.
 */
const WHITESPACE_TO_COLLAPSE = / \s+|[^\S ]\s*/gu

/** The normalised form of `text` that {@link fingerprint} hashes. */
export function normalizeForFingerprint(text: string, options: FingerprintOptions): string {
  let result = NFC_STABLE.test(text) ? text.normalize('NFC') : text
  if (options.ignoreWhitespace) result = result.replace(WHITESPACE_TO_COLLAPSE, ' ').trim()
  if (options.ignoreCase) result = result.toLocaleLowerCase('und')
  return result
}

/** Hex SHA-256 of the normalised text. */
export function fingerprint(text: string, options: FingerprintOptions): string {
  return createHash('sha256').update(normalizeForFingerprint(text, options)).digest('hex')
}
