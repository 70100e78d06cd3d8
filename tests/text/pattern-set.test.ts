import { describe, expect, it } from 'vitest'
import { patternSet, requiredWords } from '../../src/text/article/pattern-set.ts'
import * as phrases from '../../src/text/chrome-phrases.ts'

const TABLES = [phrases.FEED_FOOTER_PATTERNS, phrases.COPYRIGHT_PATTERNS, phrases.COMMENT_FORM_PATTERNS, phrases.COOKIE_PATTERNS, phrases.NEWSLETTER_PATTERNS, phrases.TAG_PATTERNS, phrases.BREADCRUMB_PATTERNS, phrases.COMMENT_META_PATTERNS, phrases.COMMENT_STAMP_PATTERNS]

const LINES = [
  '© 2024 Example Media. All Rights Reserved.',
  'Copyright 2012 by Jane',
  'Tous droits réservés',
  'Your email address will not be published. Required fields are marked *',
  'We use cookies to improve your experience. By continuing you agree.',
  'This website uses cookies',
  'Sign up for our daily newsletter',
  'Jetzt den Newsletter abonnieren',
  'You can unsubscribe at any time.',
  'Tags: politics, harbour',
  'You are here: Home › News',
  'The post Harbour to close appeared first on Example News.',
  'Posted by: Bob | May 2, 2012 at 10:51 PM',
  'Reply',
  'The city council voted on Tuesday to close the old harbour for the winter.',
  'COPYRIGHT © 1999',
  'NOTIFY ME OF NEW POSTS BY EMAIL.',
]

describe('pattern sets', () => {
  it('match exactly where one of their patterns matches', () => {
    for (const table of TABLES) {
      const set = patternSet(table)
      for (const line of LINES) expect(set(line, line.toLowerCase()), `${line} / ${String(table[0])}`).toBe(table.some((pattern) => pattern.test(line)))
    }
  })

  it('read required words off a leading word, a group of words or a word outside groups, and give up on anything else', () => {
    expect(requiredWords(/\bcookies?\b.*\b(use|accept)\b/i)).toEqual(['cookie'])
    expect(requiredWords(/\b(sign up|subscribe)\b.{0,40}\bnewsletter/i)).toEqual(['sign up', 'subscribe'])
    expect(requiredWords(/\b(abonnier\w*|suscr[ií]b\w*)\b/i)).toEqual(['abonnier', 'suscr'])
    expect(requiredWords(/\b(your )?e-?mail( address)? will/i)).toEqual(['mail'])
    expect(requiredWords(/\bab?c\sdef?g/i)).toBeUndefined()
    expect(requiredWords(/\b(we|this (site|website)) use/i)).toEqual([' use'])
    expect(requiredWords(/cookie|banner/i)).toBeUndefined()
    expect(requiredWords(/\bcookie/iu)).toBeUndefined()
    expect(requiredWords(/\bab?c/i)).toBeUndefined()
  })

  it('refuses patterns it cannot combine', () => {
    expect(() => patternSet([/(a)\1/])).toThrow(/Cannot combine/)
  })
})
