import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { defineConfig } from '../../src/config/define-config.ts'
import { loadConfig, resolveConfig } from '../../src/config/load-config.ts'
import { ConfigError } from '../../src/core/errors.ts'
import { defaultStages, validate } from '../../src/stages/index.ts'
import type { UserConfig } from '../../src/config/schema.ts'
import { normalizeQuotes } from '../../src/stages/normalize-quotes.ts'

describe('config', () => {
  it('fills defaults', () => {
    const result = resolveConfig({})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.input).toBe('input')
    expect(result.config.output).toBe('output')
    expect(result.config.concurrency).toBeGreaterThan(0)
    expect(result.config.stages.map((stage) => stage.name)).toEqual(['check-record', 'decode', 'extract', 'dedupe-headers', 'drop-chrome', 'normalize-quotes', 'fix-garbled', 'segment', 'validate', 'detect-language', 'quality-filter', 'check-urls', 'dedupe-docs', 'near-dedupe', 'site-chrome'])
    expect(result.config.fields.text[0]).toBe('text')
    expect(Object.isFrozen(result.config)).toBe(true)
  })

  it('names a misspelled key in a sentence', () => {
    const result = resolveConfig({ concurency: 4 } as unknown as UserConfig)
    expect(result).toEqual({ ok: false, issues: [expect.stringContaining('`concurency`')] })
  })

  it('names a misspelled nested key with its path', () => {
    const result = resolveConfig({ fields: { titel: ['x'] } } as unknown as UserConfig)
    expect(result.ok === false && result.issues[0]).toContain('`fields.titel`')
  })

  it.each([0, -1, 1.5])('rejects concurrency %s with the option named', (value) => {
    const result = resolveConfig({ concurrency: value })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toBe(`Expected \`concurrency\` to be a positive integer, got ${value}.`)
  })

  it('rejects something that is not a stage', () => {
    const result = resolveConfig({ stages: [{ name: 'x' } as never] })
    expect(result.ok === false && result.issues[0]).toMatch(/stage object/)
  })

  it('checks stage options when the factory is called, in sentences naming the stage and option', () => {
    expect(() => normalizeQuotes({ mode: 'fancy' } as never)).toThrow(ConfigError)
    expect(() => validate({ minWords: 'ten' } as never)).toThrow(/^Invalid option `minWords` of stage validate: .*, got "ten"\.$/u)
    expect(() => validate({ minWord: 10 } as never)).toThrow('Unknown option `minWord` of stage validate: check the spelling')
  })

  it('names a misspelled stage key in defaultStages() instead of leaving that stage at its defaults', () => {
    expect(() => defaultStages({ dropChrom: {} } as never)).toThrow(/^Unknown stage `dropChrom` in defaultStages\(\): the stages are `checkRecord`, /u)
  })

  it('loads a config file that imports from "sluice", as the README writes it, from any folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'sluice-config-'))
    const file = path.join(folder, 'pipeline.config.ts')
    await writeFile(file, "import { defineConfig, defaultStages } from 'sluice'\nexport default defineConfig({ output: 'elsewhere', stages: defaultStages({ validate: { minWords: 3 } }) })\n")
    const result = await loadConfig(file)
    expect(result.ok && result.config.output).toBe('elsewhere')
    await writeFile(file, "import { defineConfig, defaultStages } from 'sluice'\nexport default defineConfig({ stages: defaultStages({ validate: { minWords: 'ten' } }) })\n")
    expect(await loadConfig(file)).toEqual({ ok: false, issues: [expect.stringMatching(/^Config file .*pipeline\.config\.ts: Invalid option `minWords` of stage validate: .*, got "ten"\.$/u)] })
  })

  // Plain Node, as users run it: vitest could import the TypeScript entry the bug resolved to.
  it('loads a config inside sluice\'s own folder that imports from "sluice", under plain Node', async () => {
    const file = path.join(process.cwd(), `.config-test-${process.pid}.config.ts`)
    const output = await mkdtemp(path.join(tmpdir(), 'sluice-inside-'))
    await writeFile(file, `import { defineConfig } from 'sluice'\nexport default defineConfig({ output: ${JSON.stringify(output)} })\n`)
    try {
      const child = spawnSync(process.execPath, ['bin/sluice.js', 'run', 'input', '-c', file], { encoding: 'utf8' })
      expect(child.stderr).not.toMatch(/Cannot load config/)
      expect(child.status).toBe(0)
      expect(existsSync(path.join(output, 'report.json'))).toBe(true)
    } finally {
      await rm(file, { force: true })
    }
  })

  it('types defineConfig', () => {
    expectTypeOf(defineConfig).parameter(0).toEqualTypeOf<UserConfig>()
    expectTypeOf(defineConfig({ input: ['a', 'b'] })).toEqualTypeOf<UserConfig>()
  })
})
