import { fc, test } from '@fast-check/vitest'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { mayContainMojibake, repairMojibake } from '../../src/text/mojibake.ts'
import { mojibakeCost } from '../../src/text/mojibake-cost.ts'

/** What a UTF-8 string looks like after a browser-style (WHATWG) single-byte decoder read it. */
function garble(text: string, encoding = 'windows-1252'): string {
  return new TextDecoder(encoding).decode(new TextEncoder().encode(text))
}

/** The same through a lossy decoder, which turns bytes the code page lacks into U+FFFD. */
function garbleLossy(text: string, encoding = 'windows-1252'): string {
  return iconv.decode(Buffer.from(text, 'utf8'), encoding)
}

const repairs = [
  { name: 'é (windows-1252)', input: 'Le rÃ©gime est Ã©quilibrÃ©.', expected: 'Le régime est équilibré.' },
  { name: 'right single quote', input: 'It doesnâ€™t matter', expected: 'It doesn’t matter' },
  { name: 'em dash', input: 'A leg up â€” in debt', expected: 'A leg up — in debt' },
  { name: 'curly double quotes', input: 'She said â€œhelloâ€\u009d to me', expected: 'She said “hello” to me' },
  { name: 'double mojibake', input: 'The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows', expected: 'The Mona Lisa doesn’t have eyebrows' },
  { name: 'triple mojibake', input: 'Iggy Pop (nÃƒÂ© Jim Osterberg)', expected: 'Iggy Pop (né Jim Osterberg)' },
  { name: 'mixed clean and broken in one line', input: 'Le barème permet l’Ã©valuation des frais de dÃ©placement', expected: 'Le barème permet l’évaluation des frais de déplacement' },
  { name: 'Latin-1 reading (C1 controls)', input: 'Ecuador\u00e2\u0080\u0099s decision', expected: 'Ecuador’s decision' },
  { name: 'leftover C1 control is its windows-1252 character', input: 'parlé\u0085 Tu sais', expected: 'parlé… Tu sais' },
  { name: 'lone Ã before a word is à', input: 'voilÃ le travail', expected: 'voilà le travail' },
  { name: 'Portuguese contraction às', input: 'com atenÃ§Ã£o Ã s crianÃ§as', expected: 'com atenção às crianças' },
  { name: 'Russian read as windows-1251', input: garble('Привет, как дела?', 'windows-1251'), expected: 'Привет, как дела?' },
  { name: 'Czech read as windows-1250', input: garble('Příliš žluťoučký kůň úpěl', 'windows-1250'), expected: 'Příliš žluťoučký kůň úpěl' },
  { name: 'Japanese (three-byte sequences)', input: garble('日本語のテキスト'), expected: '日本語のテキスト' },
  { name: 'Japanese read by a lossy decoder (one plausible reading)', input: garbleLossy('日本語のテキスト'), expected: '日本語のテキスト' },
  { name: 'a lost byte with several readings becomes U+FFFD', input: 'SlovenÄ\uFFFDina', expected: 'Sloven\uFFFDina' },
  { name: 'emoji (four-byte sequence)', input: `Great ${garble('😀')} day`, expected: 'Great 😀 day' },
  { name: 'MacRoman', input: 'Le Vigne di Zam√≤ et g√¢teaux', expected: 'Le Vigne di Zamò et gâteaux' },
  { name: 'Czech in capitals', input: 'ÄŒEÅ\u00A0TINA A NÄšMÄŒINA', expected: 'ČEŠTINA A NĚMČINA' },
  { name: 'German in capitals', input: 'STRAÃŸE UND GRÃœÃŸE', expected: 'STRAßE UND GRÜßE' },
  { name: 'only the broken line changes', input: 'Line one is fine: café.\nLine two: cafÃ© crÃ¨me', expected: 'Line one is fine: café.\nLine two: café crème' },
] as const

const negatives = [
  { name: 'real Latin-1 text', input: 'Café, naïve, façade, Ångström, Øresund' },
  { name: 'Portuguese capitals with Ã', input: 'NÃO, SÃO PAULO, IRMÃ, CONCLUSÃO, MAÇÃ' },
  { name: 'Portuguese spaced capitals', input: 'C O N C L U S Ã O' },
  { name: 'Greek', input: 'Η ελληνική γλώσσα είναι ωραία. ΑΘΗΝΑ' },
  { name: 'Russian', input: 'Всё хорошо, «НАТО» и ТАСС… В Москве' },
  { name: 'Ukrainian capitals', input: 'ВІКІ is Ukrainian for WIKI' },
  { name: 'Chinese', input: '简体中文和正體中文都可以。' },
  { name: 'Korean and Japanese', input: '한국어 텍스트, 日本語のテキスト' },
  { name: 'emoji and symbols', input: 'I ❤ sluice 😀👍🏽 ✔ ♫ → ≥ 40% ±5 °C' },
  { name: 'brand with registered sign', input: 'NESTLÉ® requiere personal' },
  { name: 'apostrophe after a capital', input: 'There are a lot of Ã’s in mojibake text' },
  { name: 'ellipsis after capitals', input: 'RETWEET SE VOCÊ… SÓ…' },
  { name: 'multiplication and currency', input: '4288×… Offering 5×£35 pin ups' },
  { name: 'Romanian before trademark', input: 'NICIODATĂ™' },
  { name: 'Finnish with no-break spaces', input: 'SELKÄ\u00a0EDELLÄ\u00a0MAAHAN' },
  { name: 'math', input: '(-1/2)! = √π and ∆°' },
  { name: 'box drawing art', input: '├┤a┼┐a┼┐a┼┐a┼┐a' },
  { name: 'Azerbaijani and Hausa letters', input: 'Cənub Afrika, ƙasar, ɗin' },
] as const

describe('repairMojibake', () => {
  it.each(repairs)('repairs $name', ({ input, expected }) => {
    const result = repairMojibake(input)
    expect(result.text).toBe(expected)
    expect(result.repairs.length).toBeGreaterThan(0)
  })

  it.each(negatives)('leaves $name alone', ({ input }) => {
    expect(repairMojibake(input)).toEqual({ text: input, repairs: [] })
  })

  it('reports line, before, after and the code page', () => {
    const { repairs: found } = repairMojibake('ok\nnaÃ¯ve cafÃ©')
    expect(found).toEqual([{ line: 1, before: 'naÃ¯ve cafÃ©', after: 'naïve café', encodings: ['windows-1252'] }])
  })

  it('skips text with nothing suspicious without looking at it twice', () => {
    expect(mayContainMojibake('Plain ASCII and clean “quotes” — and ключ.')).toBe(false)
    expect(mayContainMojibake('cafÃ©')).toBe(true)
  })

  it('scores correct text 0 and mojibake high', () => {
    expect(mojibakeCost('Ελληνικά')).toBe(0)
    expect(mojibakeCost('Î•Î»Î»Î·Î½Î¹ÎºÎ¬')).toBeGreaterThan(4)
  })

  const words = ['the', 'and', 'Paris', '2024', 'café', 'naïve', 'Straße', 'façade', 'São', 'Ελληνικά', 'Привет', 'мир', '日本語', '中文', '한국어', 'don’t', '“quoted”', '—', '…', '😀', 'Łódź', 'żółw', 'İstanbul', 'Ağrı', 'crème', 'brûlée', 'año', 'Müller', 'Øre', 'Ærø', 'Tiếng', 'Việt', 'עברית', 'عربي']
  const sentences = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((list) => list.join(' '))

  test.prop([sentences])('restores windows-1252 mojibake of text in many languages exactly', (text) => {
    expect(repairMojibake(garble(text)).text).toBe(text)
  })

  test.prop([sentences])('leaves the correct text itself alone', (text) => {
    expect(repairMojibake(text).text).toBe(text)
  })

  test.prop([fc.string({ unit: 'binary', maxLength: 80 })])('never throws and is idempotent', (text) => {
    const once = repairMojibake(text).text
    expect(repairMojibake(once).text).toBe(once)
  })
})
