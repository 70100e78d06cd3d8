import { describe, expect, it } from 'vitest'
import { createChromeMatcher } from '../../src/text/chrome-match.ts'
import { headlineAbove } from '../../src/text/headline.ts'
import { isBylineOrDate } from '../../src/text/prose.ts'

const BODY = 'The city council voted on Tuesday to close the old harbour for the winter, and the mayor said the decision was hard.'

/** The headline found above the last line (the body), with no line counted as chrome. */
function headlineOf(...above: string[]): string | undefined {
  const lines = [...above, BODY]
  const found = headlineAbove(lines, lines.length - 1, 12, () => false)
  return found.headline === undefined ? undefined : lines[found.headline]
}

describe('headlineAbove', () => {
  it.each([
    ['a byline and a date', ['Harbour to close for winter', 'By Jane Doe', 'July 22, 2012']],
    ['a time of day alone', ['Harbour to close for winter', 'July 22, 2012', '01:52 PM EDT']],
    ['a link ending in an arrow', ['Harbour to close for winter', 'more in Local News | Find New »']],
    ['a caption with a "Photograph:" credit', ['Harbour to close for winter', 'Boats moored in the old harbour on Monday. Photograph: Jane Doe/Example Images']],
    ['a caption with a bracketed credit', ['Harbour to close for winter', 'Boats in the old harbour, July 23, 2012, in Portsmouth. (Jane Doe/Example News/AP Photo)']],
    ['a photo credit alone', ['Harbour to close for winter', 'Photo: Jane Doe for Example News']],
  ])('steps over %s', (_name, above) => {
    expect(headlineOf(...above)).toBe('Harbour to close for winter')
  })

  it('steps over the lines the chrome classifier marks (a labelled breadcrumb, a tag line)', () => {
    const match = createChromeMatcher()
    const lines = ['Harbour to close for winter', 'Tags: Harbour, Council, Winter closures', 'Full list of categories: City Guide » Food » Restaurants', BODY]
    expect(match('Full list of categories: City Guide » Food » Restaurants')).toBe('breadcrumb')
    expect(headlineAbove(lines, 3, 12, (index) => match(lines[index] as string) !== undefined).headline).toBe(0)
  })

  it.each(['Photo of the harbour wins the city prize', 'In pictures: Floods sweep the harbour towns', 'Photos: the harbour in the great storm', 'Snow blankets the harbour town (photos)', 'Harbour to close for winter (AP)', 'Harbour Council Cuts 40 Staff', 'Category 5 storm heads for the harbour', 'Reuters reporter held at the harbour', 'U.S. Senate', 'Trolls target women like me on Twitter', 'Previous winners look to next', 'Story by story, the harbour rebuilt'])('takes a headline that merely mentions a photo, staff or a wire service: %s', (headline) => {
    expect(headlineOf(headline)).toBe(headline)
  })

  it('does not count a share bar against its window, but stops after three windows of lines', () => {
    const match = createChromeMatcher()
    const bar = ['Text Size', 'Print', 'Share:', 'Facebook', 'Twitter', 'StumbleUpon', 'Digg', 'Delicious']
    expect(bar.every((line) => match(line) !== undefined)).toBe(true)
    const lines = ['Harbour to close for winter', 'Posted by Jane Doe on July 22, 2012 at 5:30 pm', ...bar, BODY]
    const isChrome = (index: number): boolean => match(lines[index] as string) !== undefined
    expect(headlineAbove(lines, lines.length - 1, 6, isChrome).headline).toBe(0)
    // Eight chrome lines and a byline fill three windows of three: the walk stops short of the headline.
    expect(headlineAbove(lines, lines.length - 1, 3, isChrome).headline).toBeUndefined()
  })

  it('takes no line that opens with a photo credit', () => {
    expect(headlineOf('Harbour to close for winter', '(Jane Doe/Example News) Instagram: @janedoe')).toBe('Harbour to close for winter')
  })

  it('records a byline that also names the photographer as the byline', () => {
    const lines = ['Harbour to close for winter', 'By Jane Doe · Photo: John Smith', BODY]
    expect(headlineAbove(lines, 2, 12, () => false)).toEqual({ headline: 0, byline: 1 })
  })
})

describe('isBylineOrDate', () => {
  it.each([
    ['01:52 PM EDT', true],
    ['13.10 BST', true],
    ['9:30 a.m.', true],
    ['3:24 pm |', true],
    ['Updated 10:48 AM', true],
    ['7:30 Club opens its doors downtown', false],
    ['9.99 a month', false],
    ['12.50', false],
    ['19.99 USD', false],
    ['Harbour to close for winter', false],
    ['Author: Jane Doe', true],
    ['Text by Example Digital', true],
    ['Story by story, the council rebuilt the harbour', false],
    ['Words by the Water festival returns', false],
    ['Authorities close the harbour', false],
  ])('%s → %s', (text, expected) => {
    expect(isBylineOrDate(text)).toBe(expected)
  })
})

describe('breadcrumbs behind a label', () => {
  it.each([
    ['Full list of categories: City Guide » Food » Restaurants', 'breadcrumb'],
    ['Full list of topics: News › Coast › Harbours', 'breadcrumb'],
    ['You can find it under: Settings > Display > Brightness', undefined],
  ])('%s → %s', (line, kind) => {
    expect(createChromeMatcher()(line)).toBe(kind)
  })
})

describe('more lines that are never the headline', () => {
  it.each([
    ['a credit with "by"', 'photos by Jane Doe'],
    ["a post's filing line ending in its time", 'In Harbour News, Local at 10:25am'],
    ["a wire service's credit", 'The Canadian Press'],
    ['a staff byline', 'Example.com Staff'],
    ["a contributor's byline", 'Harbour Stock Channel, Contributor'],
    ['a name with initials', 'J.K. Doe'],
    ["a wire service's credit with its article", 'The Associated Press'],
    ['a social button line', 'View Staff Page Follow me on twitter'],
    ["a gallery's pager", 'Previous 1 / 13 Next'],
  ])('steps over %s', (_name, line) => {
    expect(headlineOf('Harbour to close for winter', line)).toBe('Harbour to close for winter')
  })

  it.each([
    'Leave a comment! | Published in Harbour News, Local',
    'In Harbour News, Local, Winter | No Comments',
    'Example.com Staff | Tags: harbour, council, winter',
    '1 Comment » | Published in Harbour News | 1 Comment',
    'Categories Harbour News, Local, Winter',
  ])("the chrome matcher takes a post's filing line for a tag line, so the walk steps over it: %s", (line) => {
    const match = createChromeMatcher()
    expect(match(line)).toBe('tags')
    const lines = ['Harbour to close for winter', line, BODY]
    expect(headlineAbove(lines, 2, 12, (index) => match(lines[index] as string) !== undefined).headline).toBe(0)
  })

  it.each([
    'Harbour | Council votes to close it for the winter',
    'In Texas, a border town braces for the storm | Harbour Times',
    'Category 5 storm heads for the harbour | Harbour Times',
    'Published in Nature, 2012 | doi:10.1038/nature0001',
    'In Berlin, Hamburg und München: Streik | tagesschau.de',
    'Comments on the harbour plan close on Friday | City news',
    'Categories of workers, such as nurses and teachers',
    'Why the mayor asked people to follow him on Twitter instead of reading the paper',
  ])('the chrome matcher leaves a headline or a reference with one filing-like part alone: %s', (line) => {
    expect(createChromeMatcher()(line)).toBeUndefined()
  })

  it.each([['View Staff Page Follow me on Twitter', 'share'], ['Join us on Facebook', 'share'], ['subscribe to my feed', 'newsletter'], ['Or enter your email below to get our posts in your inbox:', 'newsletter'], ['Jump to comments (…)', 'comments']])('the chrome matcher knows %s', (line, kind) => {
    expect(createChromeMatcher()(line)).toBe(kind)
  })
})
