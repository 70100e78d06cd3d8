import { describe, expect, it } from 'vitest'
import { createChromeMatcher } from '../../src/text/chrome-match.ts'

describe('chrome matcher: cookie, copyright and post-footer notices against prose', () => {
  const match = createChromeMatcher()

  it.each([
    ['cookie', 'We use cookies to improve your experience. By continuing to browse you accept our cookie policy.'],
    ['cookie', 'Cookies help us deliver our services. By using our services, you agree to our use of cookies.'],
    ['cookie', 'This website uses cookies'],
    ['cookie', 'Cookie settings'],
    ['cookie', 'Accept all cookies'],
    ['cookie', 'By using this website, you agree to our Cookie Policy.'],
    ['cookie', 'We use cookies. By continuing you accept their use.'],
    ['cookie', 'Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.'],
    ['cookie', 'Ce site utilise des cookies pour améliorer votre navigation.'],
    ['cookie', 'Questo sito utilizza cookie tecnici e di profilazione.'],
    ['copyright', 'Copyright 2012 The Associated Press. All rights reserved.'],
    ['copyright', '© 2013 Harbour News'],
    ['copyright', 'Copyright © Acme Media'],
    ['copyright', 'Copyright Acme Media Group'],
    ['copyright', '(c) Jane Doe, used with permission'],
    ['feed-footer', 'This was written by Jane Doe. Posted on Friday, August 17, 2012, at 11:58 pm. Filed under Uncategorized. Bookmark the permalink.'],
    ['feed-footer', 'Follow any comments here with the RSS feed for this post. Post a comment or leave a trackback: Trackback URL.'],
    ['feed-footer', 'You can follow any comments here with the RSS feed for this post.'],
    ['feed-footer', 'Both comments and pings are currently closed. Post a comment or leave a trackback.'],
    ['feed-footer', `${'x'.repeat(349)} Follow any comments here with the RSS feed for this post.`],
    ['feed-footer', `${'x'.repeat(349)} Post a comment or leave a trackback.`],
  ])('takes a %s notice for chrome: %s', (kind, line) => {
    expect(match(line)).toBe(kind)
  })

  it.each([
    'The majority of ravioli were placed on a floured cookie sheet and frozen for later use.',
    'My grandmother kept her cookie recipes in a tin, and we still use them every Christmas.',
    'Girl Scout cookie sales will use a new app this year, the council said.',
    'The bakery sold 500 cookies using a recipe from 1900.',
    'Copyright law has not kept pace with AI, the judge wrote.',
    'Copyright law was last overhauled in 1976, the judge noted.',
    'Copyright and fair use',
    'If you use store-bought cookies, your crust will be sweeter.',
    'U.S. bakers sold more cookies using the new recipe.',
    'A permalink is the address a post keeps for good.',
    'Readers should bookmark the permalink rather than the front page, the editor said.',
    `${'The harbour board met on Tuesday and agreed to keep the night ferry running. '.repeat(6)}Filed under News. Bookmark the permalink.`,
    'Copyright holders say the ruling will let anyone copy their work without paying for it.',
    `${'The harbour board met on Tuesday and agreed to keep the night ferry running. '.repeat(6)}Post a comment or leave a trackback.`,
    `${'x'.repeat(351)} Follow comments here with the RSS feed.`,
    `${'x'.repeat(350)} Post a comment or leave a trackback.`,
  ])('leaves prose about cookies or copyright alone: %s', (line) => {
    expect(match(line)).toBeUndefined()
  })
})
