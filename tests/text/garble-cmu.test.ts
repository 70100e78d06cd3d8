import { describe, expect, it } from 'vitest'
import { continuationGain, pairWindow } from '../../src/text/garble-cmu.ts'
import { loadGarbleModels, orderReason, swapGain, swappable } from '../../src/text/garble-lm.ts'
import { ngramTokens, SPAN_MARK, tokenSpans } from '../../src/text/ngram-tokens.ts'

const models = loadGarbleModels()

/** The whole sentence as the general model reads it: every id but the punctuation's. */
function wordsOnly(sentence: string): { ids: number[]; at: number[] } {
  const spans = tokenSpans(sentence)
  const all = models.general.encode(sentence, spans)
  const ids = [all[0] as number]
  const at: number[] = []
  for (let index = 0; index < spans.count; index += 1) {
    at.push(spans.kinds[index] === SPAN_MARK ? -1 : ids.length)
    if (spans.kinds[index] !== SPAN_MARK) ids.push(all[index + 1] as number)
  }
  ids.push(all[all.length - 1] as number)
  return { ids, at }
}

describe('general model window', () => {
  const sentences = [
    'The mayor said the bridge new will open to traffic next spring.',
    'Yes, the council, which met on 12 May, did not for respond comment.',
    'He said "no" -- and left.',
    'Zorblax quickly ran home, then slept.',
  ]
  it.each(sentences)('scores every pair as the whole sentence without punctuation does: %s', (sentence) => {
    const spans = tokenSpans(sentence)
    const tokens = ngramTokens(sentence)
    const whole = wordsOnly(sentence)
    for (let index = 0; index + 1 < spans.count; index += 1) {
      if (!swappable(tokens, index, sentence)) continue
      const window = pairWindow(sentence, spans, index, models.general)
      expect(swapGain(window.ids, window.at, models.general)).toBeCloseTo(swapGain(whole.ids, whole.at[index] as number, models.general), 10)
    }
  })

  it('reads punctuation as nothing and unknown words as <unk>', () => {
    const sentence = 'Well, zorblax ran.'
    const window = pairWindow(sentence, tokenSpans(sentence), 2, models.general)
    expect(window.ids).toEqual(['<s>', 'well', '<unk>', 'ran', '</s>'].map((form) => models.general.idOf(form)))
    expect(window.at).toBe(2)
  })
})

describe('continuation gain', () => {
  it('expects the second half of a name after its first half, not a sentence opener after a caption', () => {
    expect(continuationGain(models.general, ['the', 'United'], ['Kingdom', 'and'])).toBeGreaterThan(2)
    expect(continuationGain(models.general, ['of', 'Ice'], ['Cream', 'Sandwich'])).toBeGreaterThan(2)
    expect(continuationGain(models.general, ['in', 'Washington'], ['Officials', 'said'])).toBeLessThan(2)
    expect(continuationGain(models.general, ['New', 'York'], ['City', 'officials'])).toBeLessThan(2)
  })
})

describe('order check', () => {
  it('flags a swap the general model sees', () => {
    expect(orderReason('The mayor said the bridge new will open to traffic next spring.', models)).toBe('"bridge new" reads far more naturally as "new bridge" (words swapped).')
    expect(orderReason('The mayor said the new bridge will open to traffic next spring.', models)).toBeUndefined()
  })

  it('swaps only whole words, not the letters of a code such as "A9"', () => {
    const sentence = 'A version of this article appeared in print on July 24, 2012, on page A9 of the New York edition with the headline: Big Storm.'
    expect(orderReason(sentence, models)).toBeUndefined()
    expect(orderReason(sentence.replace('A9', 'A'), models)).toBe('"page A" reads far more naturally as "A page" (words swapped).')
  })

  it('reads a two-letter acronym spelt like a function word as no function word', () => {
    expect(orderReason('Yesterday Nicolas Ghesquière gave the US election competition for online noise, with the news that he is to depart from Balenciaga after 15 years.', models)).toBeUndefined()
    expect(orderReason('CAN U PLEASE ME HELP TRACK IT DOWN?', models)).toBe('"ME HELP" reads far more naturally as "HELP ME" (words swapped).')
  })

  it.each([
    'Detailed polling analysis and projections for the statewide presidential vote, along with recent polls where available.',
    'This week’s WSJ column answers some common questions that you may have around upgrading to Windows 8.',
    'Window open, fan on low, Get Some Zzzz’s tea.',
    '(Detailed polling analysis and projections for the statewide presidential vote, along with recent polls where available.)',
  ])('asks more of a pair opening the sentence or led by a capital: %s', (sentence) => {
    expect(orderReason(sentence, models)).toBeUndefined()
  })

  it.each([
    ['Bridge new will open to traffic next spring, the mayor said.', '"Bridge new" reads far more naturally as "new Bridge" (words swapped).'],
    ['The mayor said the Bridge new will open to traffic next spring.', '"Bridge new" reads far more naturally as "new Bridge" (words swapped).'],
  ])('still flags a clear swap at the start or after a capital: %s', (sentence, reason) => {
    expect(orderReason(sentence, models)).toBe(reason)
  })

  it.each([
    'The rest of the book really is more about process.',
    'In most of the other states, rents now are lower than they were before the crisis.',
    'In the other 12 cities, prices now are lower than they were at the bottom of the market.',
    'The visitors threatened to make the game closer than it ultimately was.',
    'He was second at the trials, and he now is obliged to qualify again next year.',
  ])('leaves an adverb on either side of its neighbour: %s', (sentence) => {
    expect(orderReason(sentence, models)).toBeUndefined()
  })

  it('still flags an adverb swapped past a determiner, and a swap next to an adverb', () => {
    expect(orderReason('She was the probably best player on the team that won the title last year.', models)).toBe('"the probably" reads far more naturally as "probably the" (words swapped).')
    expect(orderReason('Officials said the recently bridge new would open to traffic next spring.', models)).toBe('"bridge new" reads far more naturally as "new bridge" (words swapped).')
  })

  it('leaves the auxiliary a question puts first', () => {
    expect(orderReason('Would they really have agreed to that plan?', models)).toBeUndefined()
    expect(orderReason('Is there anything we can do to help them?', models)).toBeUndefined()
  })
})
