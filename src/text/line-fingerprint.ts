/**
 * A number that names a line across pages: equal for lines that differ only in case, spacing
 * or digits ("Updated 3 hours ago"), so a site's recurring furniture is recognised from page to
 * page. Only the first 200 characters count: enough to identify a line, and cheap on long
 * paragraphs (plain regexes, no Unicode classes: this runs on every line of every kept page).
 */
import { murmur3 } from './hash32.ts'

/** The fingerprint of `line`, or undefined for lines too short to mean anything (under 3 characters). */
export function lineFingerprint(line: string): number | undefined {
  const key = line.slice(0, 200).trim().toLowerCase().replace(/\d+/gu, '0').replace(/\s+/gu, ' ')
  return key.length < 3 ? undefined : murmur3(key)
}
