import { describe, expect, it } from 'vitest'
import { dedupeHeaders, dedupeHeadersRules } from '../../src/stages/dedupe-headers.ts'
import type { DedupeHeadersOptions } from '../../src/stages/dedupe-headers.ts'
import { comparable } from '../../src/text/lines.ts'
import { cleanTitle } from '../../src/text/title.ts'
import { runStage } from '../helpers/run-stage.ts'

const EN1 = 'The city council voted on Tuesday to close the old harbour for the winter, and the mayor said that the decision was not an easy one for anyone.'
const EN2 = 'Fishermen who have used the harbour for decades told reporters that they would now have to travel much further to reach the open sea every day.'
const DE1 = 'Der Stadtrat hat am Dienstag beschlossen, den alten Hafen im Winter zu schließen, und der Bürgermeister sagte, dass die Entscheidung nicht leicht war.'

const lines = (...parts: string[]): string => parts.join('\n')

interface Case {
  name: string
  input: string
  title?: string
  expectedText: string
  expectedTitle: string | undefined
  rules: string[]
  options?: DedupeHeadersOptions
}

const cases: Case[] = [
  {
    name: 'a dump showing the title twice with a site suffix keeps it once, cut',
    input: lines('close', '', 'Harbour to close for winter | News about the coast', '', 'Harbour to close for winter | News about the coast', '', EN1),
    expectedText: lines('close', '', 'Harbour to close for winter', '', EN1),
    expectedTitle: 'Harbour to close for winter',
    rules: ['dedupe-headers/title-found', 'dedupe-headers/title-suffix-removed', 'dedupe-headers/title-line-removed'],
  },
  {
    name: 'the headline above the byline and the first paragraph is the title',
    input: lines('Home', 'World', '', 'Harbour to close for winter', 'By Jane Doe', 'May 3, 2024', '', EN1, '', EN2),
    expectedText: lines('Home', 'World', '', 'Harbour to close for winter', 'By Jane Doe', 'May 3, 2024', '', EN1, '', EN2),
    expectedTitle: 'Harbour to close for winter',
    rules: ['dedupe-headers/title-found'],
  },
  {
    name: 'a metadata title loses the site name found missing from the heading',
    input: lines('Harbour to close for winter', '', EN1),
    title: 'Harbour to close for winter | Example News',
    expectedText: lines('Harbour to close for winter', '', EN1),
    expectedTitle: 'Harbour to close for winter',
    rules: ['dedupe-headers/title-suffix-removed'],
  },
  {
    name: 'a metadata title repeated in a footer is removed there',
    input: lines('Harbour to close for winter', '', EN1, '', EN2, '', 'Harbour to close for winter'),
    title: 'Harbour to close for winter',
    expectedText: lines('Harbour to close for winter', '', EN1, '', EN2),
    expectedTitle: 'Harbour to close for winter',
    rules: ['dedupe-headers/title-line-removed'],
  },
  {
    name: 'German: "Titel – Zeitung" loses the newspaper name',
    input: lines(DE1),
    title: 'Hafen schließt im Winter – Süddeutsche Zeitung',
    expectedText: DE1,
    expectedTitle: 'Hafen schließt im Winter',
    rules: ['dedupe-headers/title-suffix-removed'],
  },
  {
    name: 'a blog name before a colon goes',
    input: lines(EN1),
    title: "Seth's Blog: Two deadlines",
    expectedText: EN1,
    expectedTitle: 'Two deadlines',
    rules: ['dedupe-headers/title-suffix-removed'],
  },
  {
    name: 'a subhead repeated on the next line is kept once',
    input: lines(EN1, '', 'What comes next?', 'What comes next?', '', EN2),
    title: 'Harbour to close',
    expectedText: lines(EN1, '', 'What comes next?', '', EN2),
    expectedTitle: 'Harbour to close',
    rules: ['dedupe-headers/repeated-subhead-removed'],
  },
  {
    name: 'a subhead used twice far apart is not a repeat',
    input: lines('Harbour to close', '', 'Background', '', EN1, '', 'Background', '', EN2),
    title: 'Harbour to close',
    expectedText: lines('Harbour to close', '', 'Background', '', EN1, '', 'Background', '', EN2),
    expectedTitle: 'Harbour to close',
    rules: [],
  },
  {
    name: 'short menu items repeated at the top are not a title',
    input: lines('News', 'Sport', 'News', 'Sport', '', 'A quiet week on the coast', '', EN1),
    expectedText: lines('News', 'Sport', 'News', 'Sport', '', 'A quiet week on the coast', '', EN1),
    expectedTitle: 'A quiet week on the coast',
    rules: ['dedupe-headers/title-found'],
  },
  {
    name: 'a one-word title is not removed from menus and text',
    input: lines('News', 'Sport', '', EN1, '', 'News'),
    title: 'News',
    expectedText: lines('News', 'Sport', '', EN1, '', 'News'),
    expectedTitle: 'News',
    rules: [],
  },
  {
    name: 'a paragraph alone has no title',
    input: EN1,
    expectedText: EN1,
    expectedTitle: undefined,
    rules: [],
  },
  {
    name: 'titleFromText: false leaves an untitled document untitled',
    input: lines('Harbour to close for winter', '', EN1),
    options: { titleFromText: false },
    expectedText: lines('Harbour to close for winter', '', EN1),
    expectedTitle: undefined,
    rules: [],
  },
]

describe('dedupe-headers', () => {
  it.each(cases)('$name', async ({ input, title, expectedText, expectedTitle, rules, options }) => {
    const { doc } = await runStage(dedupeHeaders(options), { text: input, title }, rules)
    expect(doc.text).toBe(expectedText)
    expect(doc.title).toBe(expectedTitle)
  })

  it('says where the title was found and how sure it is', async () => {
    const { doc } = await runStage(dedupeHeaders(), { text: lines('Harbour to close for winter', '', EN1) }, ['dedupe-headers/title-found'])
    expect(doc.messages[0]?.place?.line).toBe(1)
    expect(doc.meta.titleEvidence).toBe('headline')
    const metadata = await runStage(dedupeHeaders(), { text: EN1, title: 'Harbour' }, [])
    expect(metadata.doc.meta.titleEvidence).toBe('metadata')
  })

  it('rejects unknown options with a sentence naming them', () => {
    expect(() => dedupeHeaders({ window: 3 } as unknown as DedupeHeadersOptions)).toThrow(/window/)
    expect(() => dedupeHeaders({ topWindow: -1 })).toThrow(/`topWindow` to be 0 or more/)
  })

  it('lists every rule it can emit', () => {
    expect(dedupeHeaders().rules).toEqual(dedupeHeadersRules)
  })
})

/** Real title shapes (from the development corpus's page titles, shortened) and the expected cut. */
const titles: Array<[string, string]> = [
  ['Samsung Galaxy Tab 7.7 banned in EU in fresh Apple patent twist | Mobile - CNET News', 'Samsung Galaxy Tab 7.7 banned in EU in fresh Apple patent twist'],
  ['TED Blog | Playlist: Stories of survival from the TED2013 Talent Search', 'Playlist: Stories of survival from the TED2013 Talent Search'],
  ['AMC Networks CEO: Trial Will Set Pace For Return To Dish Network - Deadline.com', 'AMC Networks CEO: Trial Will Set Pace For Return To Dish Network'],
  ['In Copenhagen… « Joe McNally’s Blog', 'In Copenhagen…'],
  ['» Just For Fun :zenhabits', 'Just For Fun'],
  ['Energy XXI Bermuda Breaks Above 200-Day Moving Average - Bullish for EXXI - Forbes', 'Energy XXI Bermuda Breaks Above 200-Day Moving Average - Bullish for EXXI'],
  ['Fat Head » Interview With Rocky Angelucci – Part Two', 'Interview With Rocky Angelucci – Part Two'],
  ['Duke Premiere Announced - Theater News - Nov 6, 2012', 'Duke Premiere Announced'],
  ['Scouting Report: Will Manny Machado Be The Next Mike Trout? | Rotoprofessor', 'Scouting Report: Will Manny Machado Be The Next Mike Trout?'],
  ['Sandy: Over 250,000 Homes At Risk', 'Sandy: Over 250,000 Homes At Risk'],
  ['Le port ferme pour l’hiver | Le Journal du Port', 'Le port ferme pour l’hiver'],
  ['Cierra el puerto en invierno - Diario de la Costa', 'Cierra el puerto en invierno'],
]

describe('cleanTitle', () => {
  it.each(titles)('%s', (title, expected) => {
    expect(cleanTitle(title)).toBe(expected)
  })

  it('prefers the part that is a line of the text', () => {
    expect(cleanTitle('Letters of Note: They surely are not violent', ['Home', 'They surely are not violent'])).toBe('They surely are not violent')
  })

  it('takes the part that spells the host name for the site, on either side and with or without the text', () => {
    const lines = ['Free Range Librarian', 'About', 'The Reluctant Cataloger', 'Saturday morning I am headed in to do a little training.']
    const keys = lines.map((line) => comparable(line))
    expect(cleanTitle('Free Range Librarian › The Reluctant Cataloger', lines, true, keys, 'freerangelibrarian.com')).toBe('The Reluctant Cataloger')
    expect(cleanTitle('Free Range Librarian › The Reluctant Cataloger', [], false, [], 'www.freerangelibrarian.com')).toBe('The Reluctant Cataloger')
    expect(cleanTitle('The Reluctant Cataloger | Free Range Librarian', [], false, [], 'freerangelibrarian.com')).toBe('The Reluctant Cataloger')
    // Without the host the tie goes to the first part, as before.
    expect(cleanTitle('Free Range Librarian › The Reluctant Cataloger', lines, true, keys)).toBe('Free Range Librarian')
    // Only the site's name is a line of the text: still not the title.
    expect(cleanTitle('Free Range Librarian › The Reluctant Cataloger', ['Free Range Librarian', 'Body text goes here.'], true, undefined, 'free-range-librarian.com')).toBe('The Reluctant Cataloger')
  })

  it.each([
    ['a subdomain alone is not the site name', 'News | Example Daily', 'news.example.com', 'News'],
    ['the name under a country code', 'The Harbour Report | Harbour Times', 'harbourtimes.co.uk', 'The Harbour Report'],
    ['an IP address names nothing', 'Notes 1000 | Lab', '10.0.0.1', 'Notes 1000'],
  ])('host names: %s', (_name, title, host, expected) => {
    expect(cleanTitle(title, [], false, [], host)).toBe(expected)
  })
})
