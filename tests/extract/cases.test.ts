/**
 * Extraction cases in the style of trafilatura's evaluation data: for each small page in
 * `pages/`, strings that must be in the extracted text, strings that must not, and metadata.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

interface ExtractionCase {
  page: string
  with: string[]
  without: string[]
  metadata: Record<string, string>
}

const { cases } = JSON.parse(readFileSync(new URL('cases.json', import.meta.url), 'utf8')) as { cases: ExtractionCase[] }

describe('extract: hand-written pages', () => {
  it.each(cases)('$page', async (testCase) => {
    const html = readFileSync(new URL(`pages/${testCase.page}`, import.meta.url), 'utf8')
    const { doc, dropped } = await runStage(extract({ method: 'readability' }), makeDoc({ html, source: { path: testCase.page, format: 'html' } }))
    expect(dropped).toBe(false)
    for (const part of testCase.with) expect(doc.text).toContain(part)
    for (const part of testCase.without) expect(doc.text).not.toContain(part)
    expect(doc).toMatchObject(testCase.metadata)
  })
})
