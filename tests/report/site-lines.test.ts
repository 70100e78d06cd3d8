import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { EDGE_LINES, edgeLines, lineHash } from '../../src/report/site-lines.ts'
import { splitLines } from '../../src/text/lines.ts'

/** edgeLines as it was first written: cut every line, keep the non-blank ones, take both ends. */
function edgeLinesBySplitting(text: string): Map<string, string> {
  const lines = splitLines(text).filter((line) => line.trim() !== '')
  const picked = lines.length <= 2 * EDGE_LINES ? lines : [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]
  const result = new Map<string, string>()
  for (const line of picked) {
    const hash = lineHash(line)
    if (hash !== undefined && !result.has(hash)) result.set(hash, line)
  }
  return result
}

const lineText = fc.oneof(fc.constantFrom('', ' ', '\t', '\u00a0', 'Share this', 'Home', 'Read more'), fc.string({ maxLength: 12 }), fc.lorem({ maxCount: 6 }))
/** Pages cut by `\n` alone (what sluice's stages leave), or by any mix of breaks. */
const pageWith = (breaks: string[]) => fc.array(fc.tuple(lineText, fc.constantFrom(...breaks)), { maxLength: 3 * EDGE_LINES }).map((parts) => parts.map(([text, end]) => text + end).join(''))
const page = fc.oneof(pageWith(['\n', '\n\n', '\n \n']), pageWith(['\n', '\r\n', '\r', '\n\n', '\r\r\n']))

describe('edgeLines', () => {
  propertyTest.prop([page, fc.boolean()], { numRuns: 400 })('gives what cutting the whole page into lines gives', (text, trimEnd) => {
    const input = trimEnd ? text.trimEnd() : text
    expect([...edgeLines(input)]).toEqual([...edgeLinesBySplitting(input)])
  })

  it.each([
    ['an empty page', ''],
    ['one line', 'Only line'],
    ['a page ending in a break', 'First line\nSecond line\n'],
    ['Windows breaks', Array.from({ length: 50 }, (_, index) => `Line number ${'x'.repeat(index % 7)} ${String.fromCharCode(97 + (index % 26))}`).join('\r\n')],
    ['exactly twice the edge lines', Array.from({ length: 2 * EDGE_LINES }, (_, index) => `Line ${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`).join('\n')],
    ['one line more than that', Array.from({ length: 2 * EDGE_LINES + 1 }, (_, index) => `Line ${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`).join('\n')],
  ])('takes the same lines from %s', (_name, text) => {
    expect([...edgeLines(text)]).toEqual([...edgeLinesBySplitting(text)])
  })

  it('takes the first and last lines of a long page and none of its middle', () => {
    const lines = Array.from({ length: 100 }, (_, index) => `Line ${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`)
    const taken = [...edgeLines(lines.join('\n')).values()]
    expect(taken).toEqual([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)])
  })
})
