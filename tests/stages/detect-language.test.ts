import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/stages/detect-language.ts'
import type { DetectLanguageOptions } from '../../src/stages/detect-language.ts'
import { runStage } from '../helpers/run-stage.ts'

const english = 'The library on the corner of the square reopened this week after two years of repairs to its roof and heating. Readers said they had missed the quiet rooms.'
const german = 'Die Bibliothek am Marktplatz wurde diese Woche nach zwei Jahren Reparaturen an Dach und Heizung wiedereröffnet. Die Leser sagten, sie hätten die ruhigen Räume vermisst.'
const french = 'La bibliothèque de la place a rouvert cette semaine après deux ans de travaux sur le toit et le chauffage. Les lecteurs disent que les salles calmes leur manquaient.'
const spanish = 'La biblioteca de la plaza reabrió esta semana después de dos años de obras en el tejado y la calefacción. Los lectores dijeron que echaban de menos las salas tranquilas.'
const japanese = '広場の角にある図書館は、屋根と暖房の修理を二年間続けた後、今週再開した。読者たちは静かな部屋が恋しかったと話した。'

interface Case {
  name: string
  text: string
  lang?: string
  options?: DetectLanguageOptions
  expected: string | undefined
  rules: string[]
  dropped?: boolean
}

const cases: Case[] = [
  { name: 'fills a missing lang (English)', text: english, expected: 'en', rules: ['detect-language/detected'] },
  { name: 'fills a missing lang (German)', text: german, expected: 'de', rules: ['detect-language/detected'] },
  { name: 'fills a missing lang (French)', text: french, expected: 'fr', rules: ['detect-language/detected'] },
  { name: 'fills a missing lang (Spanish)', text: spanish, expected: 'es', rules: ['detect-language/detected'] },
  { name: 'fills a missing lang (Japanese)', text: japanese, expected: 'ja', rules: ['detect-language/detected'] },
  { name: 'keeps an agreeing declared lang with its region', text: english, lang: 'en-GB', expected: 'en-GB', rules: [] },
  { name: 'keeps a disagreeing declared lang and warns', text: german, lang: 'en', expected: 'en', rules: ['detect-language/mismatch'] },
  { name: 'overrides a disagreeing declared lang when asked', text: german, lang: 'en', options: { override: true }, expected: 'de', rules: ['detect-language/overridden'] },
  { name: 'leaves lang alone when nothing can be detected', text: '12345 67890 +++', expected: undefined, rules: [] },
  { name: 'keeps wanted languages', text: german, options: { languages: ['en', 'de'] }, expected: 'de', rules: ['detect-language/detected'] },
  { name: 'rejects unwanted languages', text: french, options: { languages: ['en', 'de'] }, expected: 'fr', rules: ['detect-language/detected', 'detect-language/unwanted-language'], dropped: true },
  { name: 'rejects undetermined text when filtering', text: '12345 67890', options: { languages: ['en'] }, expected: undefined, rules: ['detect-language/unwanted-language'], dropped: true },
  { name: 'the filter uses the declared lang', text: german, lang: 'en-US', options: { languages: ['en'] }, expected: 'en-US', rules: ['detect-language/mismatch'] },
]

describe('detect-language', () => {
  it.each(cases)('$name', async ({ text, lang, options, expected, rules, dropped }) => {
    const result = await runStage(detectLanguage(options), { text, lang }, rules)
    expect(result.dropped).toBe(dropped ?? false)
    if (!result.dropped) expect(result.doc.lang).toBe(expected)
  })

  it('records the detector score in stats', async () => {
    const { doc } = await runStage(detectLanguage(), { text: english })
    expect(doc.stats['lang.confidence']).toBeGreaterThan(0.5)
    expect(doc.stats['lang.confidence']).toBeLessThanOrEqual(1)
  })

  it('rejects a language code that is not ISO 639-1 at config time', () => {
    expect(() => detectLanguage({ languages: ['English'] })).toThrow(/ISO 639-1/)
  })
})
