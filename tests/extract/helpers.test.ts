import { describe, expect, it } from 'vitest'
import { normalizeDate } from '../../src/text/dates.ts'
import { flattenDeepNesting } from '../../src/stages/extract/flatten.ts'
import { findHeadline, readHeadings } from '../../src/stages/extract/headline.ts'
import { collectNodes, factsFromNodes, parseJsonLd } from '../../src/stages/extract/json-ld.ts'
import { parseDocument, wrapDocument } from '../../src/stages/extract/parse.ts'
import { createBlockText } from '../../src/text/block-text.ts'

describe('block-text', () => {
  const cases: { name: string; events: (string | [string, string])[]; paragraphs: string[] }[] = [
    { name: 'whitespace runs collapse, ends trimmed', events: [['text', '  a \n\t b  ']], paragraphs: ['a b'] },
    { name: 'space at an inline boundary is kept once', events: [['text', 'a '], ['text', ' b']], paragraphs: ['a b'] },
    { name: 'no space is invented between inline pieces', events: [['text', 'W'], ['text', 'ord']], paragraphs: ['Word'] },
    { name: 'a block break makes a paragraph', events: [['text', 'a'], 'block', ['text', 'b']], paragraphs: ['a', 'b'] },
    { name: 'a line break is a single newline, no spaces around it', events: [['text', 'a '], 'br', ['text', ' b']], paragraphs: ['a\nb'] },
    { name: 'two line breaks start a paragraph', events: [['text', 'a'], 'br', 'br', ['text', 'b']], paragraphs: ['a', 'b'] },
    { name: 'separate keeps cells apart', events: [['text', 'a'], 'sep', ['text', 'b']], paragraphs: ['a b'] },
    { name: 'preformatted text keeps indentation and lines', events: [['pre', '\n  x\n  y\n']], paragraphs: ['  x\n  y'] },
    { name: 'NBSP folds into a plain space', events: [['text', 'a\u00A0\u00A0b']], paragraphs: ['a b'] },
    { name: 'empty blocks leave nothing', events: ['block', ['text', '   '], 'block', 'br', 'block'], paragraphs: [] },
  ]
  it.each(cases)('$name', ({ events, paragraphs }) => {
    const writer = createBlockText()
    for (const event of events) {
      if (event === 'block') writer.blockBreak()
      else if (event === 'br') writer.lineBreak()
      else if (event === 'sep') writer.separate()
      else if (event[0] === 'pre') writer.preformatted(event[1])
      else writer.text(event[1])
    }
    expect(writer.finish()).toEqual(paragraphs)
  })
})

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T10:00:00+0100', '2024-03-05T10:00:00+01:00'],
    ['2024-03-05 10:00', '2024-03-05T10:00:00'],
    ['2024-03-05T10:00:00.123Z', '2024-03-05T10:00:00Z'],
    ['20240305', '2024-03-05'],
    ['24.07.2012', '2012-07-24'],
    ['Tue, 24 Jul 2012 11:16:00 GMT', '2012-07-24T11:16:00Z'],
    ['Wed, 02 Apr 2025 08:30:00 +0200', '2025-04-02T08:30:00+02:00'],
    ['Wed, 02 Apr 2025 08:30:00 -0530', '2025-04-02T08:30:00-05:30'],
    ['Tue, 18 Mar 2025 07:00:00 +0000', '2025-03-18T07:00:00Z'],
    ['July 24, 2012', '2012-07-24'],
    ['2024', '2024'],
    ['2024-05', '2024-05'],
  ])('%s → %s', (raw, value) => {
    expect(normalizeDate(raw)).toEqual({ value, parsed: true })
  })

  it.each(['2024-02-30', '2024-13', '05/03/2024', 'Oct 5', 'yesterday', '3. Dezember 2012'])('%s is kept as written', (raw) => {
    expect(normalizeDate(raw)).toEqual({ value: raw, parsed: false })
  })

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('reads dates with a zone the same in time zone %s', (zone) => {
    const saved = process.env.TZ
    process.env.TZ = zone
    try {
      expect(normalizeDate('Wed, 01 Jan 2025 00:30:00 +0200')?.value).toBe('2025-01-01T00:30:00+02:00')
      expect(normalizeDate('Tue, 31 Dec 2024 23:30:00 GMT')?.value).toBe('2024-12-31T23:30:00Z')
      expect(normalizeDate('July 24, 2012 4:16 AM')?.value).toBe('2012-07-24T04:16:00')
      expect(normalizeDate('July 24, 2012')?.value).toBe('2012-07-24')
      expect(normalizeDate('2024-05')?.value).toBe('2024-05')
    } finally {
      process.env.TZ = saved
    }
  })

  it('gives nothing for blank input', () => {
    expect(normalizeDate('  ')).toBeUndefined()
  })
})

describe('json-ld', () => {
  it('ignores broken JSON and strips comment wrappers', () => {
    expect(parseJsonLd('{"a": ')).toBeUndefined()
    expect(parseJsonLd('<!-- {"a": 1} -->')).toEqual({ a: 1 })
  })

  it('prefers article nodes, resolves @id authors, skips organisations', () => {
    const nodes = collectNodes([[{ '@type': 'WebPage', name: 'Page' }], { '@graph': [{ '@id': '#p', '@type': 'Person', name: 'Ana' }, { '@type': 'Article', headline: 'H', author: [{ '@id': '#p' }, { '@type': 'Organization', name: 'Org' }] }] }])
    expect(factsFromNodes(nodes)).toMatchObject({ headline: 'H', authors: ['Ana'] })
  })

  it('stops at a bounded number of nodes on huge graphs', () => {
    const nodes = collectNodes([Array.from({ length: 10_000 }, () => ({ '@type': 'Thing' }))])
    expect(nodes.length).toBeLessThanOrEqual(2000)
  })
})

describe('parse', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'ab'],
    ['plain', 'plain'],
    ['<html lang="de"><p>z</p></html>', 'z'],
    ['<head><title>T</title></head><p>y', 'y'],
    ['', ''],
  ])('%j lands in the body', (html, text) => {
    const document = parseDocument(html)
    expect(document.body.textContent).toBe(text)
  })

  it('keeps html and body attributes', () => {
    expect(wrapDocument('<html lang="fr"><body class="x"><p>a</p></body></html>')).toBe('<!DOCTYPE html><html lang="fr"><head></head><body class="x"><p>a</p></body></html>')
  })
})

describe('flatten', () => {
  it('leaves normal pages alone, unclosed <p> included', () => {
    const html = `<div><div>${'<p>para'.repeat(2000)}</div></div>`
    expect(flattenDeepNesting(html, 10)).toEqual({ html, depth: 2, removed: 0 })
  })

  it('drops start and end tags below the limit, keeps text and scripts', () => {
    const result = flattenDeepNesting('<div><span><b><i>x</i></b></span><script>"<div>"</script></div>', 2)
    expect(result.html).toBe('<div><span>x</span><script>"<div>"</script></div>')
    expect(result.removed).toBe(4)
  })
})

describe('headline', () => {
  const page = () => parseDocument('<h1>Gazette</h1><h2>Menu</h2><div><h2>The Ferry</h2><p id="first">The ferry leaves at seven</p></div><h3>Comments</h3>')

  /** The article as Readability would leave it: the paragraph moved out, the heading gone. */
  function article(document: Document, title?: string) {
    const content = document.createElement('div')
    content.appendChild(document.getElementById('first') as Element)
    return { content, paragraphs: ['The ferry leaves at seven'], title }
  }

  it('puts back the heading Readability removed from right above the article, however long the title', () => {
    const document = page()
    const headings = readHeadings(document)
    document.querySelector('div h2')?.remove()
    expect(findHeadline(headings, article(document, 'Poems by Ellen Marsh, collected over forty years - The Ferry'), [])).toBe('The Ferry')
  })

  it('else takes a heading that is most of a metadata title, never a logo or section heading', () => {
    const document = page()
    const headings = readHeadings(document)
    const moved = article(document)
    expect(findHeadline(headings, moved, ['The Ferry | Ellen Marsh'])).toBe('The Ferry')
    expect(findHeadline(headings, moved, ['Poems by Ellen Marsh, collected in Gazette'])).toBeUndefined()
  })

  it('adds nothing when the article already starts with a title-like line', () => {
    const document = page()
    const headings = readHeadings(document)
    expect(findHeadline(headings, article(document), ['The ferry leaves at seven | Gazette'])).toBeUndefined()
  })
})
