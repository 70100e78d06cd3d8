import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { cleanText, untouchedByRepairs } from '../../src/text/clean-text.ts'
import { repairMojibakeChecked } from '../../src/text/mojibake.ts'
import { normalizeForm, removeControls } from '../../src/text/unicode.ts'

/** Characters near every edge of the screen: ASCII, Latin-1, soft hyphen, C1, combining marks, joiners, dashes, quotes, currency, surrogates. */
const EDGES = [...'aZ ~\t\n\r\u0000\u0008\u000b\u000c\u007f\u0080\u009f\u00a0\u00ac\u00ad\u00ae\u00c3\u00a9\u02ff\u0300\u0301\u200b\u200c\u200d\u200f\u2010\u2019\u2027\u2028\u202f\u2030\u205e\u205f\u2060\u20a0\u20ac\u20bf\u20c0\ufeff\ufffd\ufffe\u0416\u4e2d', '\ud800', '\udc00', '\ud83d\ude00']
const edgeText = fc.array(fc.constantFrom(...EDGES), { maxLength: 12 }).map((parts) => parts.join(''))

describe('untouchedByRepairs', () => {
  it.each([
    ['plain ASCII with tabs and CRLF', 'Council votes\r\n\tfor the park.', true],
    ['Latin-1 letters and curly quotes apart', 'Café ‘owner’ says – “no”, 5 €', true],
    ['a soft hyphen', 'infor\u00admation', false],
    ['a C1 control', 'price \u0080 10', false],
    ['a mojibake pair', 'cafÃ©', false],
    ['"Ã " (the lead of "à" before a space)', 'voilÃ  tout', false],
    ['a zero-width space', 'zero\u200bwidth', false],
    ['a combining accent', 'cafe\u0301', false],
    ['Cyrillic', 'Жизнь', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(untouchedByRepairs(text, 'NFC')).toBe(expected)
  })

  it('never vouches for NFKC, which folds Latin-1 characters too', () => {
    expect(untouchedByRepairs('plain text', 'NFKC')).toBe(false)
  })

  propertyTest.prop([fc.oneof(edgeText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))], { numRuns: 3000 })('when it says so, the three repairs change nothing', (text) => {
    if (!untouchedByRepairs(text, 'NFC')) return
    expect(repairMojibakeChecked(text).candidates).toBe(false)
    expect(normalizeForm(text, 'NFC')).toBe(text)
    expect(removeControls(text).count).toBe(0)
  })
})

describe('cleanText', () => {
  it('still finishes a repair that spacing makes possible ("Ã" then a tab)', () => {
    const options = { repairMojibake: true, normalization: 'NFC' as const, entities: false, spacing: 'text' as const }
    expect(untouchedByRepairs('voilÃ\ttout', 'NFC')).toBe(true)
    expect(cleanText('voilÃ\ttout', options).text).toBe('voilà tout')
  })
})
