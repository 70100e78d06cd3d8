import { describe, expect, it } from 'vitest'
import { endsSentence, lastWord, possessiveEnd, reachesStop, terminal, unfinishedSentence } from '../../src/text/line-ends.ts'

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

  it.each([
    ['Thanks for coming. We will be back', 'We will be back'],
    ['Is it over? Log in', 'Log in'],
    ['Photo: U.S. Marines patrol', 'Photo: U.S. Marines patrol'],
    ['Credit: J. Scott Applewhite for the', 'Credit: J. Scott Applewhite for the'],
    ['ranked No. 12 in the country', 'ranked No. 12 in the country'],
    ['It rose in 2012. Then it fell', 'Then it fell'],
    ['apples, pears etc. Then plums', 'Then plums'],
    ['as in e.g. Paris and', 'as in e.g. Paris and'],
  ])('finds the unfinished sentence of %j', (text, expected) => {
    expect(unfinishedSentence(text)).toBe(expected)
  })

  it('tells a sentence end inside a line from an abbreviation', () => {
    expect(endsSentence('her stuff! The crust was good')).toBe(true)
    expect(endsSentence('Google wins appeal in U.S. Supreme Court over scanning')).toBe(false)
    expect(endsSentence('A talk with Mr. Smith about apps')).toBe(false)
    expect(endsSentence('It is over.')).toBe(true)
  })

  it('finds a possessive at the end of a line', () => {
    expect(possessiveEnd('showcases the Times’')).toBe(true)
    expect(possessiveEnd("It's the players'")).toBe(true)
    expect(possessiveEnd('he read ‘The Times’')).toBe(false)
    expect(possessiveEnd("he said 'the players'")).toBe(false)
    expect(possessiveEnd('Long Island’s')).toBe(true)
    expect(possessiveEnd('no possessive here')).toBe(false)
  })
})
