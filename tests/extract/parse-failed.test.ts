/** A parser failure becomes a drop with the parser's error, not a crash of the stage. */
import { describe, expect, it, vi } from 'vitest'
import { extract } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

vi.mock('linkedom', () => ({
  parseHTML: () => {
    throw new RangeError('Invalid string length')
  },
}))

describe('extract: parse failure', () => {
  it('drops the document with extract/parse-failed and the error as excerpt', async () => {
    const { doc, dropped } = await runStage(extract({ method: 'readability' }), makeDoc({ html: '<p>x</p>', source: { path: 'a.html', format: 'html' } }), ['extract/parse-failed'])
    expect(dropped).toBe(true)
    expect(doc.messages.at(-1)?.actual).toBe('RangeError: Invalid string length')
  })
})
