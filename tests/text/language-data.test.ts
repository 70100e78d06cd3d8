/**
 * The compact eld databases (src/text/language-data.ts) must hold exactly what the installed eld
 * ships, and detect-language fed from them must say exactly what eld's own entries say.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/stages/detect-language.ts'
import { decodeLanguageData, encodeLanguageData, findKey, LANGUAGE_DATA_SIZES, languageDataFile, loadLanguageData, ngramTable, shareLanguageData } from '../../src/text/language-data.ts'
import { eldDatabase, eldVersion } from '../../scripts/lib/eld-database.ts'
import { runStage } from '../helpers/run-stage.ts'

describe('language-data', () => {
  it.each(LANGUAGE_DATA_SIZES)('the shipped %s database equals the installed eld package (else run scripts/build-language-data.ts)', async (size) => {
    const eld = await eldDatabase(size)
    const data = loadLanguageData(size)
    expect(data.header).toEqual({ type: eld.type, languages: eld.languages, isSubset: eld.isSubset })
    expect(data.eldVersion).toBe(await eldVersion())
    const keys = Object.keys(eld.ngrams)
    expect(data.keyStarts.length - 1).toBe(keys.length)
    const table = ngramTable(data)
    const differing = keys.filter((key) => JSON.stringify(table[key]) !== JSON.stringify(eld.ngrams[key]))
    expect(differing.slice(0, 5)).toEqual([])
  }, 30_000)

  it('reads the same database from the copy shared for worker threads', () => {
    shareLanguageData('extrasmall')
    const shared = loadLanguageData('extrasmall')
    expect(shared.keyBytes.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(shared.slots.buffer).toBeInstanceOf(SharedArrayBuffer)
    const own = decodeLanguageData(gunzipSync(readFileSync(languageDataFile('extrasmall'))))
    expect({ ...shared, keyBytes: [...shared.keyBytes], slots: [...shared.slots] }).toEqual({ ...own, keyBytes: [...own.keyBytes], slots: [...own.slots] })
  })

  it('answers undefined for n-grams it does not hold, and for symbols', () => {
    const table = ngramTable(loadLanguageData('extrasmall'))
    expect(table['zzzzzz']).toBeUndefined()
    expect(table['']).toBeUndefined()
    expect((table as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined()
  })

  it('round-trips a small database through encode and decode', () => {
    const source = { type: 'T2', languages: { 0: 'en', 1: 'de' }, isSubset: false, ngrams: { ' the ': { 0: 207 }, 'der ': { 1: 90, 0: 6 }, ' \u00e4b': { 1: 0 } } }
    const data = decodeLanguageData(encodeLanguageData(source, '9.9.9'))
    expect(data.header).toEqual({ type: 'T2', languages: { 0: 'en', 1: 'de' }, isSubset: false })
    expect(data.eldVersion).toBe('9.9.9')
    for (const [key, scores] of Object.entries(source.ngrams)) expect(ngramTable(data)[key]).toEqual(scores)
    expect(findKey(data, ' the')).toBe(-1)
  })

  it('refuses a database whose scores do not fit in a byte, naming the key', () => {
    expect(() => encodeLanguageData({ type: 'T', languages: { 0: 'en' }, isSubset: false, ngrams: { abc: { 0: 300 } } }, '1.0.0')).toThrow(/score of "abc".*got 300/)
  })
})

const samples = [
  'The library on the corner of the square reopened this week after two years of repairs.',
  'Die Bibliothek am Marktplatz wurde diese Woche nach zwei Jahren wiedereröffnet.',
  'Библиотека на площади вновь открылась на этой неделе после двух лет ремонта.',
  '広場の角にある図書館は、今週再開した。',
  'المكتبة في زاوية الساحة أعيد افتتاحها هذا الأسبوع',
  'पुस्तकालय इस सप्ताह फिर से खुल गया',
  '도서관이 이번 주에 다시 문을 열었다',
  'Ok',
  '12345 67890 +++',
]

interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean }
}
const eldEntries = { extrasmall: async () => (await import('eld/extrasmall')).eld as Eld, large: async () => (await import('eld/large')).eld as Eld }
const stages = { extrasmall: detectLanguage({ size: 'extrasmall' }), large: detectLanguage({ size: 'large' }) }
type Size = keyof typeof stages

/** What eld's own entry for `size` says about `text`, in the stage's terms. */
async function eldSays(size: Size, text: string): Promise<{ lang: string | undefined; confidence: number }> {
  const result = (await eldEntries[size]()).detect(text)
  const reliable = result.language !== '' && result.isReliable()
  const confidence = result.language === '' ? 0 : Math.round((result.getScores()[result.language] ?? 0) * 1000) / 1000
  return { lang: reliable ? result.language : undefined, confidence }
}

/** eld's own factory (as detect-language uses it) loaded with the compact extrasmall table. */
async function compactEld(): Promise<Eld> {
  const detector = (await import(new URL('../languageDetector.js', import.meta.resolve('eld')).href)) as { createEld: () => { instance: Eld; loadData(data: object): string } }
  const data = loadLanguageData('extrasmall')
  const { instance, loadData } = detector.createEld()
  loadData({ ...data.header, ngrams: ngramTable(data) })
  return instance
}

async function stageSays(size: Size, text: string): Promise<{ lang: string | undefined; confidence: number }> {
  const { doc } = await runStage(stages[size], { text })
  return { lang: doc.lang, confidence: doc.stats['lang.confidence'] as number }
}

describe('detect-language on the compact databases', () => {
  it.each(samples)('agrees with eld/extrasmall and eld/large on %s', async (text) => {
    for (const size of ['extrasmall', 'large'] as const) expect(await stageSays(size, text)).toEqual(await eldSays(size, text))
  }, 30_000)

  test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })], { numRuns: 300 })('agrees with eld/extrasmall on any text', async (text) => {
    expect(await stageSays('extrasmall', text)).toEqual(await eldSays('extrasmall', text))
  })

  test.prop([fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...samples))], { numRuns: 300 })('eld on the compact table gives eld\'s own scores and reliability', async (text) => {
    const compact = await compactEld()
    const own = (await eldEntries.extrasmall()).detect(text)
    const result = compact.detect(text)
    expect([result.language, result.getScores(), result.isReliable()]).toEqual([own.language, own.getScores(), own.isReliable()])
  })
})
