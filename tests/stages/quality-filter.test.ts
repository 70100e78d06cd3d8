import { describe, expect, it } from 'vitest'
import { qualityFilter } from '../../src/stages/quality-filter.ts'
import type { QualityFilterOptions } from '../../src/stages/quality-filter.ts'
import { duplicateNgramShare, duplicateShare, topNgramShare } from '../../src/text/repetition.ts'
import { runStage } from '../helpers/run-stage.ts'

/** Clean English prose that passes every rule: 5 paragraphs, 5+ sentences, ~100 words. */
const PROSE = [
  'The library on the corner of the square reopened this week after two years of repairs to its roof and heating.',
  'Readers who waited outside on the first morning said they had missed the quiet rooms and the long tables by the windows.',
  'The council paid for most of the work, and a local charity raised the rest with concerts and book sales in the park.',
  'Staff have used the closure to sort the collection again, so that children can now find picture books on the lowest shelves.',
  'The building will stay open late on Thursdays, when volunteers run a reading group for adults learning the language.',
]
const prose = PROSE.join('\n\n')
const withLines = (...extra: string[]): string => [...PROSE, ...extra].join('\n\n')
/** Long, distinct words: a mean word length far above 10. */
const LONG_WORDS = [
  'Internationalization characterization notwithstanding, the telecommunications administrations underestimated.',
  'Environmentalists recommended reconsideration and decentralization of infrastructure responsibilities.',
  'Counterproductive bureaucratization overshadowed extraordinary constitutional accomplishments simultaneously.',
  'Interdisciplinary investigations demonstrated uncharacteristically disproportionate transportation expenditures.',
  'Representatives acknowledged misunderstandings concerning pharmaceutical manufacturing authorizations internationally.',
  'Photosynthesizing microorganisms experimentally outperformed conventionally cultivated agricultural monocultures.',
  'Electroencephalography laboratories collaboratively standardized neurophysiological measurement methodologies.',
  'Thermodynamically sophisticated refrigeration compressors revolutionized supermarket merchandising logistics.',
  'Archaeological excavations unexpectedly uncovered extraordinarily wellpreserved Mesopotamian administrative correspondence.',
  'Professionalization accelerated, and municipalities institutionalized comprehensive neighbourhood revitalization programmes.',
].join('\n\n')
const TAGS = 'news local library books reading council city culture weekend events family learning children music park concerts volunteers heating roof windows tables shelves charity repairs thursday language adults staff morning square'.split(' ')
const BOOKS = ['Rivers of the North', 'A Kitchen in Winter', 'The Clockmaker and the Crow', 'Letters from a Lighthouse', 'Small Gods of the Garden', 'Maps for Lost Travellers', 'The Orchard Year', 'Night Trains to Nowhere', 'Salt and Silver', 'How Bridges Stand', 'The Quiet Observatory', 'Songs for Rainy Ferries']
const q = (rule: string): string => `quality-filter/${rule}`

interface Case {
  name: string
  text: string
  lang?: string
  options?: QualityFilterOptions
  rules: string[]
  /** Text after the stage, when it is not the input (annotate) or the clean prose (drop). */
  expected?: string
}

const annotateCases: Case[] = [
  { name: 'clean prose passes every rule', text: prose, lang: 'en', rules: [] },
  { name: 'fewer than 50 words', text: PROSE.slice(0, 2).join('\n\n'), lang: 'en', options: { skip: [q('c4-too-few-sentences')] as never }, rules: [q('gopher-word-count')] },
  { name: 'mean word length above 10', text: LONG_WORDS, lang: 'en', rules: [q('gopher-mean-word-length')] },
  { name: 'hash symbols over 0.1 per word', text: withLines(`Tags: ${TAGS.map((tag) => `#${tag}`).join(' ')}.`), lang: 'en', rules: [q('gopher-symbol-ratio')] },
  { name: 'ellipses over 0.1 per word', text: withLines('Wait… then… more… and… again… and… still… more… so… on… and… on… until… the… end… of… it… all… here… now….'), lang: 'en', rules: [q('gopher-symbol-ratio')] },
  { name: 'most lines are bullets', text: ['The summer reading list has these titles for the whole family.', ...BOOKS.map((title) => `• ${title}.`)].join('\n'), lang: 'en', rules: [q('gopher-bullet-lines')] },
  { name: 'many lines end with an ellipsis', text: withLines('The mayor said that the plan was good and then…', 'Readers asked what would happen to the old shelves and…', 'The council has not yet decided about the car park and…'), lang: 'en', rules: [q('gopher-ellipsis-lines')] },
  { name: 'too few words with a letter', text: withLines(Array.from({ length: 40 }, (_, index) => `${1000 + index * 7}`).join(' ') + '.'), lang: 'en', rules: [q('gopher-alphabetic-words')] },
  { name: 'no English stop words', text: Array.from({ length: 6 }, () => 'Readers praised quiet rooms, long tables, bright windows, friendly staff, new shelves, warm heating, good coffee.').map((line, index) => line.replace('Readers', `Readers${index}`)).join('\n\n'), lang: 'en', rules: [q('gopher-stop-words'), q('gopher-top-ngram'), q('gopher-duplicate-ngrams')] },
  { name: 'the stop-word rule needs a list for the language', text: Array.from({ length: 6 }, (_, index) => `Leser${index} lobten ruhige Räume, lange Tische, helle Fenster, freundliches Personal, neue Regale, warme Heizung, guten Kaffee.`).join('\n\n'), lang: 'de', rules: [q('gopher-top-ngram'), q('gopher-duplicate-ngrams')] },
  { name: 'repeated lines and paragraphs', text: withLines(PROSE[0] as string, PROSE[1] as string, PROSE[0] as string), lang: 'en', rules: [q('gopher-duplicate-lines'), q('gopher-duplicate-paragraphs'), q('gopher-duplicate-line-characters'), q('gopher-duplicate-paragraph-characters'), q('gopher-duplicate-ngrams')] },
  { name: 'one bigram repeated everywhere', text: withLines(Array.from({ length: 20 }, () => 'click here').join(' and ') + ' now.'), lang: 'en', rules: [q('gopher-top-ngram'), q('gopher-duplicate-ngrams')] },
  { name: 'lorem ipsum placeholder', text: withLines('Lorem ipsum dolor sit amet, consectetur adipiscing elit.'), lang: 'en', rules: [q('c4-lorem-ipsum')] },
  { name: 'curly braces', text: withLines('The script printed {"status": "ok"} on the screen.'), lang: 'en', rules: [q('c4-curly-brace')] },
  { name: 'fewer than 5 sentences', text: PROSE.slice(0, 4).join(' ').replace(/\.(?=.)/g, ','), lang: 'en', rules: [q('c4-too-few-sentences')] },
  { name: 'line rules only count in annotate mode', text: withLines('Advertisement', 'Please enable JavaScript to view the comments.'), lang: 'en', rules: [] },
  { name: 'a family can be turned off', text: withLines('Advertisement', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.'), lang: 'en', options: { c4: false }, rules: [] },
  { name: 'word rules are skipped for text written without spaces', text: '図書館は二年間の修理を終えて今週再開した。読者は静かな部屋と長い机を懐かしんでいた。工事の費用は市が負担した。子ども向けの本は低い棚に移された。木曜日は夜遅くまで開いている。', lang: 'ja', rules: [] },
]

const dropLineCases: Case[] = [
  { name: 'lines without terminal punctuation', text: withLines('Read more stories from the city desk'), lang: 'en', rules: [q('c4-terminal-punctuation')] },
  { name: 'lines with fewer than 3 words', text: withLines('Advertisement'), lang: 'en', rules: [q('c4-short-line')] },
  { name: 'javascript lines', text: withLines('Please enable JavaScript to view the comments.'), lang: 'en', rules: [q('c4-javascript')] },
  { name: 'cookie and policy notices', text: withLines('This site uses cookies to improve your experience.', 'Read our privacy policy and terms of use before you continue.'), lang: 'en', rules: [q('c4-policy')] },
  { name: 'skipped rules stay silent and keep the line', text: withLines('Advertisement'), lang: 'en', options: { skip: [q('c4-short-line')] as never }, rules: [], expected: withLines('Advertisement') },
]

describe('quality-filter (annotate)', () => {
  it.each(annotateCases)('$name', async ({ text, lang, options, rules }) => {
    const result = await runStage(qualityFilter(options), { text, lang }, rules)
    expect(result.dropped).toBe(false)
    expect(result.doc.text).toBe(text)
  })

  it('records every measure in stats', async () => {
    const { doc } = await runStage(qualityFilter(), { text: prose, lang: 'en' }, [])
    expect(doc.stats['gopher.words']).toBe(prose.split(/\s+/).length)
    expect(doc.stats['gopher.stopWords']).toBeGreaterThanOrEqual(2)
    expect(doc.stats['c4.sentences']).toBe(5)
    expect(doc.stats['c4.linesRemoved']).toBe(0)
    const flagged = await runStage(qualityFilter(), { text: withLines('Advertisement'), lang: 'en' }, [])
    expect(flagged.doc.stats['c4.linesRemoved']).toBe(1)
    expect(Object.keys(doc.stats).filter((key) => key.startsWith('gopher.'))).toHaveLength(20)
  })

  it('puts the value that fired the rule in the message', async () => {
    const { doc } = await runStage(qualityFilter(), { text: PROSE.slice(0, 2).join('\n\n'), lang: 'en' })
    expect(doc.messages.find((message) => message.rule === q('gopher-word-count'))?.reason).toMatch(/^4\d words, outside 50–100000\./)
  })
})

describe('quality-filter (drop)', () => {
  it.each(dropLineCases)('$name', async ({ text, lang, options, rules, expected }) => {
    const result = await runStage(qualityFilter({ mode: 'drop', ...options }), { text, lang }, rules)
    expect(result.dropped).toBe(false)
    expect(result.doc.text).toBe(expected ?? prose)
  })

  it('removes C4 lines and keeps the page', async () => {
    const { doc, dropped } = await runStage(qualityFilter({ mode: 'drop' }), { text: withLines('Advertisement', 'Please enable JavaScript to view the comments.'), lang: 'en' }, [q('c4-short-line'), q('c4-javascript')])
    expect(dropped).toBe(false)
    expect(doc.text).toBe(prose)
    expect(doc.stats['c4.linesRemoved']).toBe(2)
  })

  it('rejects with the first failed rule and names the others', async () => {
    const { doc, dropped } = await runStage(qualityFilter({ mode: 'drop' }), { text: 'Lorem ipsum dolor sit amet.', lang: 'en' })
    expect(dropped).toBe(true)
    const fatal = doc.messages.find((message) => message.severity === 'fatal')
    expect(fatal?.rule).toBe(q('gopher-word-count'))
    expect(fatal?.reason).toContain('c4-lorem-ipsum')
  })

  it('keeps clean prose untouched', async () => {
    const { doc, dropped } = await runStage(qualityFilter({ mode: 'drop' }), { text: prose, lang: 'en' }, [])
    expect(dropped).toBe(false)
    expect(doc.text).toBe(prose)
  })

  it('rejects an unknown rule in skip at config time', () => {
    expect(() => qualityFilter({ skip: ['quality-filter/nope'] as never })).toThrow()
  })
})

describe('repetition measures', () => {
  it.each([
    { name: 'no repeats', elements: ['a', 'b', 'c'], expected: { elements: 0, characters: 0 } },
    { name: 'second copy counts, first does not', elements: ['ab', 'cd', 'ab', 'ef'], expected: { elements: 0.25, characters: 0.25 } },
  ])('duplicateShare: $name', ({ elements, expected }) => {
    expect(duplicateShare(elements)).toEqual(expected)
  })

  it('top n-gram share counts every occurrence of the most frequent n-gram', () => {
    expect(topNgramShare(['a', 'b', 'a', 'b', 'c', 'd'], 2)).toBeCloseTo(4 / 6)
    expect(topNgramShare(['a', 'b', 'c'], 2)).toBe(0)
  })

  it('duplicate n-gram share counts overlapping repeats once', () => {
    expect(duplicateNgramShare(['x', 'y', 'x', 'y', 'x', 'y'], 2)).toBeCloseTo(4 / 6)
    expect(duplicateNgramShare(['a', 'b', 'c', 'd'], 2)).toBe(0)
  })
})
