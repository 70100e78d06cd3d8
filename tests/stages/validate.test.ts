import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { DocInit } from '../../src/core/doc.ts'
import { validate } from '../../src/stages/validate.ts'
import { runStage } from '../helpers/run-stage.ts'

const ARTICLE = [
  'The city council voted on Tuesday to extend the harbour ferry service through the winter, after residents of the islands said the reduced timetable left them without a way to reach work or school.',
  'The extension will cost about 400,000 euros, which the council plans to cover from parking revenue. A final decision on the summer timetable is expected in March.',
]
const article = (extra: Partial<DocInit> = {}): Partial<DocInit> => ({ text: ARTICLE.join('\n\n'), paragraphs: ARTICLE, ...extra })

interface Case {
  name: string
  input: Partial<DocInit>
  rules: string[]
  dropped: boolean
}

const base64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk'.repeat(6)
const code = 'function add(a, b) { return a + b; }\nconst x = [1, 2, 3].map((v) => v * 2);\nif (x.length > 2) { console.log(x[0]); } else { throw new Error("no"); }\n'.repeat(4)
const csv = 'id;price;qty;total\n' + Array.from({ length: 40 }, (_, i) => `${i};${i * 3}.50;${i % 7};${i * 21}.00`).join('\n') + '\nsum of the rows above'

const cases: Case[] = [
  { name: 'a normal article passes untouched', input: article({ url: 'https://example.com/a', published: '2025-02-03T09:00:00Z', lang: 'en' }), rules: [], dropped: false },
  { name: 'an RFC 2822 date is a date', input: article({ published: 'Tue, 18 Mar 2025 07:00:00 +0000' }), rules: [], dropped: false },
  { name: 'empty text is rejected', input: { text: '', paragraphs: [] }, rules: ['validate/empty'], dropped: true },
  { name: 'blank text is rejected as empty', input: { text: ' \n ' }, rules: ['validate/empty'], dropped: true },
  { name: 'a teaser is too short', input: { text: 'Read more about the ferry.', paragraphs: ['Read more about the ferry.'] }, rules: ['validate/too-short'], dropped: true },
  { name: 'a clock time is not text', input: { text: '12:30' }, rules: ['validate/not-text'], dropped: true },
  { name: 'long characters but few words is too short', input: { text: 'Supercalifragilistic '.repeat(12).trim() }, rules: ['validate/too-short'], dropped: true },
  { name: 'base64 is not text', input: { text: `Attachment:\n${base64}` }, rules: ['validate/not-text'], dropped: true },
  { name: 'source code is not text', input: { text: code }, rules: ['validate/not-text'], dropped: true },
  { name: 'Japanese, written without spaces, is text', input: { text: '東京都は火曜日、港湾の遊歩道を二キロ延長することを決めた。住民は古いフェリーターミナルが閉鎖されて以来、この計画を求めてきた。'.repeat(4) }, rules: [], dropped: false },
  { name: 'Chinese, written without spaces, is text', input: { text: '市议会周二投票决定将旧码头改建为公共公园，此前关于成本和住房计划的争论持续了两年。工程预计将于春季开始，市长表示公园将分阶段开放。'.repeat(4) }, rules: [], dropped: false },
  // Thai puts spaces between phrases only: runs of 40+ characters without one are ordinary.
  { name: 'Thai, written without spaces between words, is text', input: { text: 'สภาเมืองลงมติเมื่อวันอังคารให้เปลี่ยนท่าเรือเก่าเป็นสวนสาธารณะ หลังจากถกเถียงกันมาสองปีเรื่องค่าใช้จ่ายและแผนที่อยู่อาศัย งานจะเริ่มในฤดูใบไม้ผลิ '.repeat(9).trim() }, rules: [], dropped: false },
  { name: 'a CSV of numbers is not text', input: { text: csv }, rules: ['validate/not-text'], dropped: true },
  { name: 'an invalid url is removed with a warning', input: article({ url: 'not a url' }), rules: ['validate/invalid-url'], dropped: false },
  { name: 'a javascript: url is removed', input: article({ url: 'javascript:alert(1)' }), rules: ['validate/invalid-url'], dropped: false },
  { name: 'an invalid date is removed with a warning', input: article({ published: 'yesterday-ish' }), rules: ['validate/invalid-date'], dropped: false },
  { name: 'an invalid language tag is removed', input: article({ lang: 'English (UK)' }), rules: ['validate/invalid-lang'], dropped: false },
  { name: 'paragraphs that do not join to text are rejected', input: article({ paragraphs: ['something else'] }), rules: ['validate/invalid-record'], dropped: true },
]

describe('validate', () => {
  it.each(cases)('$name', async ({ input, rules, dropped }) => {
    const result = await runStage(validate(), input, rules)
    expect(result.dropped).toBe(dropped)
  })

  it('removes the invalid field and keeps the valid ones', async () => {
    const { doc } = await runStage(validate(), article({ url: 'nope', title: 'Ferry' }), ['validate/invalid-url'])
    expect(doc.url).toBeUndefined()
    expect(doc.title).toBe('Ferry')
  })

  it('fills paragraphs when no stage did', async () => {
    const { doc } = await runStage(validate(), { text: ARTICLE.join('\n\n') }, [])
    expect(doc.paragraphs).toEqual(ARTICLE)
  })

  it('uses configured thresholds', async () => {
    await runStage(validate({ minCharacters: 10, minWords: 3 }), { text: 'Read more about the ferry.' }, [])
    await runStage(validate({ minWords: 1000 }), article(), ['validate/too-short'])
  })

  it('rejects a misspelled option at config time', () => {
    expect(() => validate({ minChars: 3 } as never)).toThrow(/minChars/)
  })

  propertyTest.prop([fc.string({ unit: 'grapheme', maxLength: 400 })])('never throws on any text', async (text) => {
    const result = await runStage(validate(), { text })
    expect(result.rules.every((rule) => !rule.endsWith('/crashed'))).toBe(true)
  })
})
