import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLineSummary } from '../../src/report/site-lines.ts'
import { detachedCopy } from '../../src/text/detached-copy.ts'

/** 0 → "a", 27 → "bb": a number spelt in letters. */
const letters = (value: number): string => `${String.fromCharCode(97 + Math.floor(value / 26))}${String.fromCharCode(97 + (value % 26))}`

/** A full collection, as heap-cap.ts gets it. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

describe('detachedCopy', () => {
  it('keeps every code unit, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => detachedCopy(text) === text))
    expect(detachedCopy('a\uD800b')).toBe('a\uD800b')
  })

  it('lets the report keep line samples without keeping the documents they came from', () => {
    const summary = createLineSummary()
    const before = (): number => v8.getHeapStatistics().used_heap_size
    collect()
    const start = before()
    for (let page = 0; page < 40; page += 1) {
      // A 1 MB page with four lines of its own, so the summary's 128 counters hold lines of 32
      // pages. Lines are told apart by letters: the summary folds digits, so "line 1" is "line 2".
      const lines = Array.from({ length: 4 }, (_, line) => `Page ${letters(page)} line ${letters(line)} ${'filler text '.repeat(5)}`)
      summary.addPage(`${lines.slice(0, 2).join('\n')}\n${'x'.repeat(1_000_000)}\n${lines.slice(2).join('\n')}`)
    }
    collect()
    expect(summary.top().lines.length).toBeGreaterThan(0)
    // Holding the pages would take over 30 MB; the samples alone are well under 1 MB.
    expect(before() - start).toBeLessThan(8_000_000)
  })
})
