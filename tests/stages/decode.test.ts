import { fc, test } from '@fast-check/vitest'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { SourceFormat } from '../../src/core/doc.ts'
import { decode } from '../../src/stages/decode.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

const textCases = [
  { name: 'clean text passes untouched', input: 'Plain text.\nSecond line.', expected: 'Plain text.\nSecond line.', rules: [] },
  { name: 'CRLF alone is not reported', input: 'one\r\ntwo\rthree', expected: 'one\ntwo\nthree', rules: [] },
  { name: 'mojibake repaired', input: 'Le rÃ©gime est Ã©quilibrÃ©.', expected: 'Le régime est équilibré.', rules: ['decode/mojibake-repaired'] },
  { name: 'double mojibake repaired', input: 'It doesnÃ¢â‚¬â„¢t matter', expected: 'It doesn’t matter', rules: ['decode/mojibake-repaired'] },
  { name: 'named and numeric references', input: 'AT&amp;T says don&#8217;t &copy; 2024', expected: 'AT&T says don’t © 2024', rules: ['decode/entities-decoded'] },
  { name: 'double-escaped reference decoded fully', input: 'Tom &amp;amp; Jerry', expected: 'Tom & Jerry', rules: ['decode/entities-decoded'] },
  { name: 'no-break space reference becomes a space', input: 'a&nbsp;b', expected: 'a b', rules: ['decode/entities-decoded', 'decode/whitespace'] },
  { name: 'references without semicolon stay (URLs, prose)', input: 'see ?a=1&para=2 and R&D &copy', expected: 'see ?a=1&para=2 and R&D &copy', rules: [] },
  { name: 'reference hiding half a mojibake pair', input: '10Î&frac14;s delay', expected: '10μs delay', rules: ['decode/entities-decoded', 'decode/mojibake-repaired'] },
  { name: 'NFC composes accents', input: 'Cafe\u0301 con lec\u0327e', expected: 'Café con leçe', rules: ['decode/normalized-nfc'] },
  { name: 'controls and invisible junk removed', input: 'a\u0000b\u0007c\u200Bd\u00ADe\uFEFFf', expected: 'abcdef', rules: ['decode/control-removed'] },
  { name: 'joiners kept inside words and emoji', input: 'می\u200Cخواهم 👨\u200D👩\u200D👧', expected: 'می\u200Cخواهم 👨\u200D👩\u200D👧', rules: [] },
  { name: 'joiner at a word edge removed', input: 'word\u200D next', expected: 'word next', rules: ['decode/control-removed'] },
  { name: 'whitespace collapsed, single newlines kept', input: '  a  b\t c \n d\u00A0e\u2003f\n\n\n\ng  \n\n', expected: 'a b c\nd e f\n\ng', rules: ['decode/whitespace'] },
  { name: 'line and paragraph separators become newlines', input: 'a\u2028b\u2029c', expected: 'a\nb\nc', rules: [] },
  { name: 'leftover C1 control is its windows-1252 character', input: 'parlé\u0085 Tu sais', expected: 'parlé… Tu sais', rules: ['decode/mojibake-repaired'] },
] as const

describe('decode: text documents', () => {
  it.each(textCases)('$name', async ({ input, expected, rules }) => {
    const { doc } = await runStage(decode(), { text: input }, [...rules])
    expect(doc.text).toBe(expected)
  })

  it('cleans the title: references, mojibake, one line', async () => {
    const { doc } = await runStage(decode(), { text: 'Body.', title: '  Cafe &amp;  cr\u00c3\u00a8me\n| News ' }, ['decode/entities-decoded', 'decode/mojibake-repaired'])
    expect(doc.title).toBe('Cafe & crème | News')
  })

  it('repairs mojibake in html but leaves its references to the parser', async () => {
    const html = '<p>caf&eacute; and cafÃ© </p>\r\n'
    const { doc } = await runStage(decode(), { text: '', html, source: { path: 'a.html', format: 'html' } }, ['decode/mojibake-repaired'])
    expect(doc.html).toBe('<p>caf&eacute; and café </p>\r\n')
  })

  it('says where the mojibake was and what it became', async () => {
    const { doc } = await runStage(decode(), { text: 'fine\nnaÃ¯ve' }, ['decode/mojibake-repaired'])
    const message = doc.messages.find((entry) => entry.rule === 'decode/mojibake-repaired')
    expect(message?.place).toEqual({ line: 2 })
    expect(message?.actual).toBe('naÃ¯ve → naïve')
  })

  it('keeps mojibake when the repair is off, and NFKC folds compatibility forms', async () => {
    const { doc } = await runStage(decode({ repairMojibake: false, normalization: 'NFKC' }), { text: 'cafÃ© ﬁle' }, ['decode/normalized-nfkc'])
    expect(doc.text).toBe('cafÃ© file')
  })

  it('drops text that is mostly control characters as binary', async () => {
    const { dropped, rules } = await runStage(decode(), { text: '\u0001\u0002\u0003\u0004ab\u0005\u0006\u0007\u0008' }, ['decode/binary'])
    expect(dropped).toBe(true)
    expect(rules).toEqual(['decode/binary'])
  })

  it.each(['', '   \n\t  ', '\u200B\u200B'])('drops a document with nothing left (%j)', async (text) => {
    const { dropped } = await runStage(decode(), { text })
    expect(dropped).toBe(true)
  })

  it('rejects unknown and invalid options at config time', () => {
    expect(() => decode({ normalisation: 'NFC' } as never)).toThrow(/normalisation/)
    expect(() => decode({ minTextRatio: 2 })).toThrow()
  })
})

function rawDoc(bytes: Uint8Array, format: SourceFormat = 'txt') {
  return makeDoc({ raw: bytes, source: { path: `a.${format}`, format } })
}

describe('decode: raw bytes', () => {
  it('decodes UTF-8 quietly and releases the bytes', async () => {
    const { doc } = await runStage(decode(), rawDoc(new TextEncoder().encode('Grüße, “quotes” — ok')), [])
    expect(doc.text).toBe('Grüße, “quotes” — ok')
    expect(doc.raw).toBeUndefined()
  })

  it('decodes windows-1252 and says so', async () => {
    const bytes = iconv.encode('Café – naïve “quotes” and more text in the old code page.', 'windows-1252')
    const { doc } = await runStage(decode(), rawDoc(bytes), ['decode/charset'])
    expect(doc.text).toBe('Café – naïve “quotes” and more text in the old code page.')
  })

  it('puts HTML into html, honouring the meta charset', async () => {
    const page = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    const { doc } = await runStage(decode(), rawDoc(iconv.encode(page, 'windows-1251'), 'html'), ['decode/charset'])
    expect(doc.html).toBe(page)
    expect(doc.text).toBe('')
  })

  it('warns about bytes that could not be decoded', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Grüße aus Köln, schöne Grüße. '), 0xff, ...new TextEncoder().encode(' Tschüß')])
    const { doc } = await runStage(decode(), rawDoc(bytes), ['decode/invalid-bytes'])
    expect(doc.text).toBe('Grüße aus Köln, schöne Grüße. \uFFFD Tschüß')
  })

  it('repairs a file that was saved as mojibake', async () => {
    const bytes = new TextEncoder().encode('The cafÃ©â€™s crÃ¨me brÃ»lÃ©e')
    const { doc } = await runStage(decode(), rawDoc(bytes), ['decode/mojibake-repaired'])
    expect(doc.text).toBe('The café’s crème brûlée')
  })
})

describe('decode: properties', () => {
  const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom('Ã', '©', 'â', '€', '™', ' ', '\n', '&', 'amp;', '#8217;', '\u00A0', '\u0085', 'a', 'é', '\r', '\u200D', '\u0301'), maxLength: 40 }))

  test.prop([anyText])('never throws and is idempotent', async (text) => {
    const stage = decode()
    const once = await runStage(stage, { text })
    expect(once.rules).not.toContain('decode/crashed')
    if (once.dropped) return
    const twice = await runStage(stage, { text: once.doc.text }, [])
    expect(twice.doc.text).toBe(once.doc.text)
  })

  test.prop([anyText])('leaves text in the shape later stages expect', async (text) => {
    const { doc, dropped } = await runStage(decode(), { text })
    if (dropped) return
    expect(doc.text).not.toMatch(/[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F]| \n|\n |\n{3}|^\s|\s$/)
    expect(doc.text).toBe(doc.text.normalize('NFC'))
  })
})
