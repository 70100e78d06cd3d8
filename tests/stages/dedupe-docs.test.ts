import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { createRunState } from '../../src/core/stage.ts'
import { dedupeDocs } from '../../src/stages/dedupe-docs.ts'
import type { DedupeDocsOptions } from '../../src/stages/dedupe-docs.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

interface Case {
  name: string
  options: DedupeDocsOptions
  texts: string[]
  /** Per document: kept (true) or rejected as a duplicate (false). */
  kept: boolean[]
}

const cases: Case[] = [
  { name: 'different texts are all kept', options: {}, texts: ['A story.', 'Another story.'], kept: [true, true] },
  { name: 'an exact copy is rejected, the first kept', options: {}, texts: ['A story.', 'Other.', 'A story.'], kept: [true, true, false] },
  { name: 'whitespace differences are ignored by default', options: {}, texts: ['A story.\n\nMore.', 'A  story. More.'], kept: [true, false] },
  { name: 'whitespace counts when asked', options: { ignoreWhitespace: false }, texts: ['A story.\n\nMore.', 'A  story. More.'], kept: [true, true] },
  { name: 'case counts by default', options: {}, texts: ['A Story.', 'a story.'], kept: [true, true] },
  { name: 'case is ignored when asked', options: { ignoreCase: true }, texts: ['A Story.', 'a story.'], kept: [true, false] },
  { name: 'composed and decomposed accents are the same text', options: {}, texts: ['Caf\u00E9 open.', 'Cafe\u0301 open.'], kept: [true, false] },
]

async function runAll(options: DedupeDocsOptions, texts: string[]) {
  const stage = dedupeDocs(options)
  const run = createRunState()
  const results = []
  for (const [index, text] of texts.entries()) {
    const doc = makeDoc({ text, source: { path: `in/${index}.txt`, format: 'txt' } }, index)
    results.push(await runStage(stage, doc, undefined, run))
  }
  return results
}

describe('dedupe-docs', () => {
  it('decides with the fingerprint prepared in a worker, the same one it would compute', async () => {
    const stage = dedupeDocs()
    const run = createRunState()
    const prepared = stage.prepare?.(makeDoc({ text: 'A story.\n\nMore.' })) as ReturnType<typeof makeDoc>
    expect(Object.keys(prepared.prepared ?? {})).toEqual(['dedupe-docs'])
    expect((await runStage(stage, prepared, [], run)).dropped).toBe(false)
    // The same text (up to whitespace) without a prepared entry matches the prepared fingerprint.
    expect((await runStage(stage, makeDoc({ text: 'A  story. More.' }, 1), ['dedupe-docs/duplicate'], run)).dropped).toBe(true)
  })

  it.each(cases)('$name', async ({ options, texts, kept }) => {
    const results = await runAll(options, texts)
    expect(results.map((result) => !result.dropped)).toEqual(kept)
    for (const result of results) expect(result.rules).toEqual(result.dropped ? ['dedupe-docs/duplicate'] : [])
  })

  it('names the kept document in the rejection', async () => {
    const results = await runAll({}, ['Same.', 'Same.'])
    const message = results[1]?.doc.messages.at(-1)
    expect(message?.reason).toContain('in/0.txt')
    expect(message?.reason).toContain(results[0]?.doc.id)
  })

  it('keeps no memory between runs', async () => {
    const stage = dedupeDocs()
    await runStage(stage, makeDoc({ text: 'Same.' }), [], createRunState())
    await runStage(stage, makeDoc({ text: 'Same.' }), [], createRunState())
  })

  it('is an ordered stage', () => {
    expect(dedupeDocs().ordered).toBe(true)
  })

  propertyTest.prop([fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 15 })])('keeps exactly one document per distinct text, whatever the input', async (texts) => {
    const results = await runAll({ ignoreWhitespace: false }, texts)
    const keptTexts = results.filter((result) => !result.dropped).map((result) => result.doc.text.normalize('NFC'))
    expect(new Set(keptTexts).size).toBe(keptTexts.length)
    expect(new Set(keptTexts)).toEqual(new Set(texts.map((text) => text.normalize('NFC'))))
  })
})
