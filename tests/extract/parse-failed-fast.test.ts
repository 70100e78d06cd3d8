/** A failure inside the streaming parser (fast method) becomes a drop with the error, not a crash. */
import { describe, expect, it, vi } from 'vitest'
import { extract } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

vi.mock('htmlparser2', () => ({
  Parser: class {
    end(): void {
      throw new RangeError('Invalid string length')
    }
  },
}))

describe('extract fast: parse failure', () => {
  it('drops the document with extract/parse-failed and the error as excerpt', async () => {
    const { doc, dropped } = await runStage(extract({ method: 'fast' }), makeDoc({ html: '<p>x</p>', source: { path: 'a.html', format: 'html' } }), ['extract/parse-failed'])
    expect(dropped).toBe(true)
    expect(doc.messages.at(-1)?.actual).toBe('RangeError: Invalid string length')
  })
})
