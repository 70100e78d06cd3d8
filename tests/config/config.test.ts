import { describe, expect, expectTypeOf, it } from 'vitest'
import { defineConfig } from '../../src/config/define-config.ts'
import { resolveConfig } from '../../src/config/load-config.ts'
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

  it('checks stage options when the factory is called', () => {
    expect(() => normalizeQuotes({ mode: 'fancy' } as never)).toThrow()
  })

  it('types defineConfig', () => {
    expectTypeOf(defineConfig).parameter(0).toEqualTypeOf<UserConfig>()
    expectTypeOf(defineConfig({ input: ['a', 'b'] })).toEqualTypeOf<UserConfig>()
  })
})
