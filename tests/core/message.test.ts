/** `excerpt` cuts before flattening; it must say exactly what flattening the whole text would. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excerpt, isFlat } from '../../src/core/message.ts'

/** The definition: collapse whitespace, trim, cut with an ellipsis. */
function flattenedWhole(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}

describe('excerpt', () => {
  it.each([
    ['short text stays', '  Hello\n\tworld  ', 120, 'Hello world'],
    ['long text is cut with an ellipsis', 'word '.repeat(100), 12, 'word word w…'],
    ['a long run of spaces before the words', `${' '.repeat(1000)}tail words`, 120, 'tail words'],
    ['exactly the limit after trimming', `${'a'.repeat(12)}${' '.repeat(60)}`, 12, 'a'.repeat(12)],
  ])('%s', (_name, text, limit, expected) => {
    expect(excerpt(text, limit)).toBe(expected)
  })

  it('equals flattening the whole text, for any mix of words and whitespace', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '   ', 'word ', '\t\t', '\u00a0')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 900 }), fc.integer({ min: 1, max: 130 }), (parts, limit) => {
        const text = parts.join('')
        expect(excerpt(text, limit)).toBe(flattenedWhole(text, limit))
      }),
      { numRuns: 2000 },
    )
  })

  it('takes a text as flat exactly when flattening would leave it unchanged, for every UTF-16 code unit', () => {
    const wrong: string[] = []
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code)
      for (const text of [`a${char}b`, `a ${char}b`, char]) if (isFlat(text) !== (text.replace(/\s+/g, ' ').trim() === text)) wrong.push(text)
    }
    expect(wrong).toEqual([])
  })
})
