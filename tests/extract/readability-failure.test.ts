/** A throw or stack overflow inside Readability becomes the body fallback, with the reason on record. */
import { describe, expect, it, vi } from 'vitest'
import { extract } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'
import { ARTICLE_PARAGRAPHS, newsPage } from './pages.ts'

vi.mock('@mozilla/readability', () => ({
  Readability: class {
    parse(): never {
      throw new RangeError('Maximum call stack size exceeded')
    }
  },
}))

describe('extract: Readability failure', () => {
  it('falls back to the body without landmark chrome and says why', async () => {
    const { doc } = await runStage(extract({ method: 'readability' }), makeDoc({ html: newsPage(), source: { path: 'a.html', format: 'html' } }), ['extract/fallback-body', 'extract/metadata'])
    const warning = doc.messages.find((message) => message.rule === 'extract/fallback-body')
    expect(warning?.reason).toContain('RangeError: Maximum call stack size exceeded')
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(doc.text).toContain(paragraph)
    expect(doc.text).not.toContain('Most read')
  })
})
