/**
 * eld's own n-gram databases, as the package ships them (`src/ngrams/<size>.js`, not among its
 * exports, so imported by file URL), for building and checking sluice's compact copies.
 */
import type { LanguageDataHeader, LanguageDataSize } from '../../src/text/language-data.ts'

/** eld's `ngramsData` for `size`. */
export async function eldDatabase(size: LanguageDataSize): Promise<LanguageDataHeader & { ngrams: Record<string, Record<string, number>> }> {
  const module = (await import(new URL(`../ngrams/${size}.js`, import.meta.resolve('eld')).href)) as { ngramsData: LanguageDataHeader & { ngrams: Record<string, Record<string, number>> } }
  return module.ngramsData
}

/** The installed eld's version, which the built files record. */
export async function eldVersion(): Promise<string> {
  const manifest = (await import(new URL('../../package.json', import.meta.resolve('eld')).href, { with: { type: 'json' } })) as { default: { version: string } }
  return manifest.default.version
}
