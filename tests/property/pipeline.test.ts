/** Invariants of the whole default pipeline on generated text (fast-check). */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { createDoc } from '../../src/core/doc.ts'
import { processDocument } from '../../src/core/process.ts'
import { createRunState } from '../../src/core/stage.ts'
import { defaultStages } from '../../src/stages/index.ts'
import { cleanRecord } from '../../src/sinks/records.ts'

const stages = defaultStages()
const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.lorem({ maxCount: 30, mode: 'sentences' }), fc.constantFrom('close', 'Share', 'Leave a Reply', '', '\u201CQuoted\u201D text', 'caf\u00C3\u00A9'))
const text = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'))

function seed(body: string, index = 0) {
  return createDoc({ source: { path: `doc-${index}.txt`, format: 'txt' }, text: body }, index)
}

describe('pipeline properties', () => {
  test.prop([text], { numRuns: 150 })('no stage throws on any Unicode, and paragraphs join to text', async (body) => {
    const result = await processDocument(seed(body), stages, createRunState())
    expect(result.doc.messages.filter((message) => message.rule.endsWith('/crashed'))).toEqual([])
    if (!result.dropped) {
      const record = cleanRecord(result.doc)
      expect(record.paragraphs.join('\n\n')).toBe(record.text)
      expect(record.text).toBe(result.doc.text)
    }
  })

  test.prop([fc.lorem({ maxCount: 60, mode: 'sentences' })], { numRuns: 50 })('ids are stable across runs', async (body) => {
    expect(seed(body).id).toBe(seed(body).id)
    expect(seed(body).id).not.toBe(seed(`${body}!`).id)
  })

  test.prop([fc.array(fc.lorem({ maxCount: 40, mode: 'sentences' }), { minLength: 2, maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })], { numRuns: 30 })(
    'the set of kept texts does not depend on input order',
    async (bodies, shuffle) => {
      const keptTexts = async (order: string[]): Promise<string[]> => {
        const run = createRunState()
        const kept: string[] = []
        for (const [index, body] of order.entries()) {
          const result = await processDocument(seed(body, index), stages, run)
          if (!result.dropped) kept.push(result.doc.text)
        }
        return [...new Set(kept)].sort()
      }
      const shuffled = [...bodies].sort((a, b) => (shuffle[bodies.indexOf(a) % 8] ?? 0) - (shuffle[bodies.indexOf(b) % 8] ?? 0))
      expect(await keptTexts(shuffled)).toEqual(await keptTexts(bodies))
    },
  )
})
