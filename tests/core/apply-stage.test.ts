import { describe, expect, it } from 'vitest'
import { applyStage } from '../../src/core/apply-stage.ts'
import { createRunState } from '../../src/core/stage.ts'
import type { Stage } from '../../src/core/stage.ts'
import { makeDoc } from '../helpers/run-stage.ts'

const keepText: Stage = { name: 'keep-text', rules: [], run: (doc) => ({ ...doc, title: 'Title' }) }
const changeText: Stage = { name: 'change-text', rules: [], run: (doc) => ({ ...doc, text: `${doc.text}!` }) }
const sameTextAgain: Stage = { name: 'same-text-again', rules: [], run: (doc) => ({ ...doc, text: `${doc.text.slice(0, 2)}${doc.text.slice(2)}` }) }

describe('applyStage and prepared data', () => {
  const prepared = { ...makeDoc({ text: 'A story.' }), prepared: { 'near-dedupe': new Uint32Array([1, 2]) } }

  it.each([
    { stage: keepText, kept: true },
    { stage: sameTextAgain, kept: true },
    { stage: changeText, kept: false },
  ])('keeps what was prepared only while the text is unchanged ($stage.name)', async ({ stage, kept }) => {
    const outcome = await applyStage(stage, prepared, createRunState())
    expect(outcome.doc.prepared !== undefined).toBe(kept)
  })
})
