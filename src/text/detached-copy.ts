/**
 * V8 keeps a substring (a `split` line, a `slice`) as a view into the string it was cut from,
 * so a 200-character sample of a line keeps the whole document's text alive for as long as the
 * sample lives. State that outlives its document (the report's per-site line samples) stores a
 * detached copy instead: the same code units, in a string of their own.
 */
export function detachedCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le')
}
