import { describe, expect, it } from 'vitest'
import { lastWord, reachesStop, terminal } from '../../src/text/line-ends.ts'

describe('line ends', () => {
  it.each([
    ['It was the first visit of', 'of'],
    ['He said it was about the,', 'the'],
    ['“Read more about it”', 'it'],
    ['The rate was 5 percent in 2010', ''],
    ['Le café', 'café'],
    ['Bing vs Siri, hands-on', 'hands-on'],
    ['a well-to-do', 'well-to-do'],
    ['a dash -on', 'on'],
    ['', ''],
    ['...', ''],
    [`${'漢字'.repeat(10000)}1`, ''],
  ])('finds the last word of %j', (text, expected) => {
    expect(lastWord(text)).toBe(expected)
  })

  it('tells a sentence stop from a colon and a semicolon', () => {
    expect(reachesStop('It ended here.')).toBe(true)
    expect(reachesStop('Did it end here?”')).toBe(true)
    expect(reachesStop('Share this:')).toBe(false)
    expect(terminal('Share this:')).toBe(true)
    expect(reachesStop('no stop at all')).toBe(false)
  })
})
