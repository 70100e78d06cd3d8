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

/** The normalised form of `text` that {@link fingerprint} hashes. */
export function normalizeForFingerprint(text: string, options: FingerprintOptions): string {
  let result = text.normalize('NFC')
  if (options.ignoreWhitespace) result = result.replace(/\s+/gu, ' ').trim()
  if (options.ignoreCase) result = result.toLocaleLowerCase('und')
  return result
}

/** Hex SHA-256 of the normalised text. */
export function fingerprint(text: string, options: FingerprintOptions): string {
  return createHash('sha256').update(normalizeForFingerprint(text, options)).digest('hex')
}
