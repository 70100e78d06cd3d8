import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { SourceFormat } from '../../src/core/doc.ts'
import { decodeBytes } from '../../src/text/charset.ts'
import type { DecodeMethod } from '../../src/text/charset.ts'

const encode = (text: string, encoding: string): Uint8Array => iconv.encode(text, encoding)
const bytes = (...parts: Array<number[] | Uint8Array | string>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))))

const FRENCH = 'Le président a déclaré que la réforme serait présentée à l’Assemblée après l’été. « Nous ne céderons pas », a répété le ministre.'
const RUSSIAN = 'Правительство в четверг одобрило законопроект о поддержке малого бизнеса. По словам министра, новые меры вступят в силу с начала следующего года.'
const JAPANESE = '政府は木曜日、中小企業を支援するための新たな経済対策を発表した。大臣によると、対策は来年の初めから実施される予定だ。'

interface Case {
  name: string
  input: Uint8Array
  format?: SourceFormat
  text: string
  encoding: string
  method: DecodeMethod
  invalidBytes?: number
}

const cases: Case[] = [
  { name: 'plain UTF-8', input: bytes('Café “ok”'), text: 'Café “ok”', encoding: 'utf-8', method: 'detected' },
  { name: 'UTF-8 with BOM (BOM stripped)', input: bytes([0xef, 0xbb, 0xbf], 'Zürich'), text: 'Zürich', encoding: 'utf-8', method: 'bom' },
  { name: 'UTF-16LE with BOM', input: bytes([0xff, 0xfe], encode('Grüße aus Köln', 'utf-16le')), text: 'Grüße aus Köln', encoding: 'utf-16le', method: 'bom' },
  { name: 'UTF-16BE with BOM', input: bytes([0xfe, 0xff], encode('Grüße', 'utf-16be')), text: 'Grüße', encoding: 'utf-16be', method: 'bom' },
  { name: 'Japanese UTF-16LE without BOM and without an ASCII character (code units)', input: encode(JAPANESE, 'utf-16le'), text: JAPANESE, encoding: 'utf-16le', method: 'detected' },
  { name: 'Japanese UTF-16BE without BOM (code units)', input: encode(JAPANESE, 'utf-16be'), text: JAPANESE, encoding: 'utf-16be', method: 'detected' },
  { name: 'Korean UTF-16LE without BOM (code units)', input: encode('정부는 목요일 중소기업을 지원하기 위한 새로운 경제 대책을 발표했다.', 'utf-16le'), text: '정부는 목요일 중소기업을 지원하기 위한 새로운 경제 대책을 발표했다.', encoding: 'utf-16le', method: 'detected' },
  { name: 'UTF-16LE without BOM (NUL pattern)', input: encode('Hello from a Windows export, naïve café.', 'utf-16le'), text: 'Hello from a Windows export, naïve café.', encoding: 'utf-16le', method: 'detected' },
  { name: 'UTF-16BE without BOM', input: encode('Hello from a big-endian export.', 'utf-16be'), text: 'Hello from a big-endian export.', encoding: 'utf-16be', method: 'detected' },
  { name: 'cp1252 smart quotes and dashes', input: encode('It’s “fine” — really… €5', 'windows-1252'), text: 'It’s “fine” — really… €5', encoding: 'windows-1252', method: 'detected' },
  { name: 'latin-1 French text (detected as windows-1252)', input: encode(FRENCH.replace(/’/g, "'"), 'latin1'), text: FRENCH.replace(/’/g, "'"), encoding: 'windows-1252', method: 'detected' },
  { name: 'short cp1252 word ending in a lead byte is not truncated UTF-8', input: encode('Café', 'windows-1252'), text: 'Café', encoding: 'windows-1252', method: 'detected' },
  { name: 'cp1251 Russian', input: encode(RUSSIAN, 'windows-1251'), text: RUSSIAN, encoding: 'windows-1251', method: 'detected' },
  { name: 'Shift_JIS Japanese', input: encode(JAPANESE, 'shift_jis'), text: JAPANESE, encoding: 'shift_jis', method: 'detected' },
  {
    name: 'HTML meta charset',
    input: bytes('<html><head><meta charset="windows-1251"></head><body>', encode('Привет', 'windows-1251'), '</body></html>'),
    format: 'html',
    text: '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>',
    encoding: 'windows-1251',
    method: 'declared',
  },
  {
    name: 'HTML http-equiv content-type, latin1 label read as windows-1252',
    input: bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>', encode('Ça “va”', 'windows-1252')),
    format: 'html',
    text: '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Ça “va”',
    encoding: 'windows-1252',
    method: 'declared',
  },
  {
    name: 'XML declaration',
    input: bytes('<?xml version="1.0" encoding="ISO-8859-2"?><a>', encode('Łódź', 'iso-8859-2'), '</a>'),
    format: 'xml',
    text: '<?xml version="1.0" encoding="ISO-8859-2"?><a>Łódź</a>',
    encoding: 'iso-8859-2',
    method: 'declared',
  },
  {
    name: 'XHTML page with only an XML declaration',
    input: bytes('<?xml version="1.0" encoding="windows-1250"?><html><p>', encode('Zażółć', 'windows-1250'), '</p></html>'),
    format: 'html',
    text: '<?xml version="1.0" encoding="windows-1250"?><html><p>Zażółć</p></html>',
    encoding: 'windows-1250',
    method: 'declared',
  },
  {
    name: 'declared UTF-8 but bytes are cp1252: falls back to detection',
    input: bytes('<meta charset="utf-8"><p>', encode('Réunion “spéciale” à Genève', 'windows-1252')),
    format: 'html',
    text: '<meta charset="utf-8"><p>Réunion “spéciale” à Genève',
    encoding: 'windows-1252',
    method: 'detected',
  },
  {
    name: 'declared latin1 but bytes are UTF-8: the bytes win',
    input: bytes('<meta charset="iso-8859-1"><p>Réunion spéciale à Genève'),
    format: 'html',
    text: '<meta charset="iso-8859-1"><p>Réunion spéciale à Genève',
    encoding: 'utf-8',
    method: 'detected',
  },
  { name: 'a meta tag in a .txt is not a declaration', input: bytes('<meta charset="windows-1251"> Ünïcödé'), format: 'txt', text: '<meta charset="windows-1251"> Ünïcödé', encoding: 'utf-8', method: 'detected' },
  {
    name: 'mostly UTF-8 with one broken byte stays UTF-8 and counts it',
    input: bytes('Über café crème brûlée naïve — ', [0xe9], ' fin'),
    text: 'Über café crème brûlée naïve — \uFFFD fin',
    encoding: 'utf-8',
    method: 'detected',
    invalidBytes: 1,
  },
  { name: 'UTF-8 cut in the middle of the last character', input: bytes('naïve café', [0xe2, 0x80]), text: 'naïve café\uFFFD', encoding: 'utf-8', method: 'detected', invalidBytes: 1 },
  { name: 'a genuine U+FFFD is not an invalid byte', input: bytes('broken \uFFFD before'), text: 'broken \uFFFD before', encoding: 'utf-8', method: 'detected', invalidBytes: 0 },
  { name: 'empty input', input: new Uint8Array(0), text: '', encoding: 'utf-8', method: 'detected' },
]

describe('decodeBytes', () => {
  it.each(cases)('$name', ({ input, format, text, encoding, method, invalidBytes }) => {
    const result = decodeBytes(input, { format })
    expect(result).toEqual({ text, encoding, method, invalidBytes: invalidBytes ?? 0 })
  })

  // Two ASCII letters read as one UTF-16 unit land in the Han block ("Bush hid the facts"):
  // 8-bit text must never be taken for UTF-16 by its code units.
  it.each([
    ['windows-1252 French', encode(FRENCH, 'windows-1252'), 'windows-1252'],
    ['windows-1251 Russian', encode(RUSSIAN, 'windows-1251'), 'windows-1251'],
    ['Shift_JIS Japanese', encode(JAPANESE, 'shift_jis'), 'shift_jis'],
    ['EUC-JP Japanese', encode(JAPANESE, 'euc-jp'), 'euc-jp'],
    ['GB18030 Chinese', encode('政府周四宣布了支持中小企业的新经济措施。部长表示，这些措施将从明年年初开始实施。', 'gb18030'), 'gb18030'],
    ['windows-1252 English with one accent', encode('Bush hid the facts about the café and the report came out late.', 'windows-1252'), 'windows-1252'],
  ])('8-bit text is not taken for UTF-16: %s', (_name, input, encoding) => {
    expect(decodeBytes(input, { format: 'txt' }).encoding).toBe(encoding)
  })

  it('never throws on any byte sequence and always returns a string', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const random = Uint8Array.from({ length: (seed * 37) % 300 }, (_, index) => (index * 7919 + seed * 104729) % 256)
      const result = decodeBytes(random, { format: seed % 2 === 0 ? 'html' : 'xml' })
      expect(typeof result.text).toBe('string')
      expect(result.invalidBytes).toBeGreaterThanOrEqual(0)
    }
  })
})
