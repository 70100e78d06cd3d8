/**
 * `npx tsx scripts/build-language-data.ts`: writes `src/text/data/eld-<size>.bin.gz`, the
 * n-gram databases of the installed `eld` package (Apache-2.0, by Nito T.M.) in the compact
 * form detect-language shares between threads (src/text/language-data.ts). Run it after
 * upgrading eld; tests/text/language-data.test.ts fails until the files match the package.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { encodeLanguageData, LANGUAGE_DATA_SIZES, languageDataFile } from '../src/text/language-data.ts'
import { eldDatabase, eldVersion } from './lib/eld-database.ts'

const version = await eldVersion()
for (const size of LANGUAGE_DATA_SIZES) {
  const bytes = encodeLanguageData(await eldDatabase(size), version)
  writeFileSync(languageDataFile(size), gzipSync(bytes, { level: 9 }))
  process.stdout.write(`${size}: ${(bytes.length / 1024).toFixed(0)} KiB, ${path.basename(languageDataFile(size).pathname)} (eld ${version})\n`)
}
