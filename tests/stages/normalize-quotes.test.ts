import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { normalizeQuotes } from '../../src/stages/normalize-quotes.ts'
import { runStage } from '../helpers/run-stage.ts'

const cases = [
  { name: 'curly double and single', mode: 'ascii', input: '\u201CIt\u2019s fine,\u201D she said.', expected: '"It\'s fine," she said.', rules: ['normalize-quotes/replaced'] },
  { name: 'low-9 and guillemets', mode: 'ascii', input: '\u201EJa\u201C, \u00ABoui\u00BB, \u2039non\u203A', expected: '"Ja", "oui", \'non\'', rules: ['normalize-quotes/replaced'] },
  { name: 'primes', mode: 'ascii', input: 'A 6\u2032 2\u2033 player', expected: 'A 6\' 2" player', rules: ['normalize-quotes/replaced'] },
  { name: 'nothing to do', mode: 'ascii', input: 'Plain "text" here.', expected: 'Plain "text" here.', rules: [] },
  { name: 'smart curls by context', mode: 'smart', input: '"It\'s (\'quoted\')" ok', expected: '\u201CIt\u2019s (\u2018quoted\u2019)\u201D ok', rules: ['normalize-quotes/replaced'] },
  { name: 'keep leaves text alone', mode: 'keep', input: '\u201CHi\u201D', expected: '\u201CHi\u201D', rules: [] },
] as const

describe('normalize-quotes', () => {
  it.each(cases)('$name', async ({ mode, input, expected, rules }) => {
    const { doc } = await runStage(normalizeQuotes({ mode }), { text: input }, [...rules])
    expect(doc.text).toBe(expected)
  })

  it('straightens the title too', async () => {
    const { doc } = await runStage(normalizeQuotes(), { text: '\u2018a\u2019', title: '\u201CTitle\u201D' }, ['normalize-quotes/replaced'])
    expect(doc.title).toBe('"Title"')
  })

  test.prop([fc.string({ unit: 'grapheme' }), fc.constantFrom('ascii', 'smart', 'keep')])('is idempotent and never throws', async (text, mode) => {
    const stage = normalizeQuotes({ mode })
    const once = await runStage(stage, { text })
    const twice = await runStage(stage, { text: once.doc.text }, [])
    expect(twice.doc.text).toBe(once.doc.text)
    if (mode === 'ascii') expect(once.doc.text).not.toMatch(/[\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB]/)
  })
})
