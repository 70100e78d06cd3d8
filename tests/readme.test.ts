/** The README is the rule catalogue users read: it must name every rule id sluice can emit. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runnerRules } from '../src/core/runner-rules.ts'
import { sourceRules } from '../src/sources/index.ts'
import { defaultStages } from '../src/stages/index.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  const rules = [...sourceRules, ...runnerRules, ...defaultStages().flatMap((stage) => [...stage.rules])]
  it.each(rules)('documents %s', (rule) => {
    expect(readme).toContain(`\`${rule}\``)
  })

  it('gives the two commands', () => {
    expect(readme).toContain('npm install && npm start')
    expect(readme).toContain('npm test')
  })
})
