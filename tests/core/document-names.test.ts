import { describe, expect, it } from 'vitest'
import { createDoc, sourceLabel } from '../../src/core/doc.ts'
import type { DocSource } from '../../src/core/doc.ts'
import { addDocumentName, createDocumentNames, documentName } from '../../src/core/document-names.ts'

describe('document names', () => {
  const sources: DocSource[] = [
    { path: 'a/page.html', format: 'html' },
    { path: 'dump.jsonl', format: 'jsonl', index: 1, line: 1 },
    { path: 'dump.jsonl', format: 'jsonl', index: 2, line: 7 },
    { path: 'site.zip', entry: 'news/a.txt', format: 'txt' },
    { path: 'feeds.zip', entry: 'rss/b.xml', index: 3, line: 0, format: 'xml' },
  ]

  it('gives back each document id, source label and line as they were', () => {
    const names = createDocumentNames()
    const docs = sources.map((source, sequence) => createDoc({ source, text: `text ${sequence}` }, sequence))
    const numbers = docs.map((doc) => addDocumentName(names, doc))
    expect(numbers).toEqual([0, 1, 2, 3, 4])
    for (const [at, doc] of docs.entries()) {
      const source = sources[at] as DocSource
      expect(documentName(names, at)).toEqual({ id: doc.id, source: sourceLabel(source), ...(source.line === undefined ? {} : { line: source.line }) })
    }
    expect(names.paths).toEqual(['a/page.html', 'dump.jsonl', 'site.zip', 'feeds.zip'])
  })

  it('stores a path again when another came between, and still names every document right', () => {
    const names = createDocumentNames()
    const order: DocSource[] = [
      { path: 'a.jsonl', format: 'jsonl', index: 0, line: 0 },
      { path: 'a.jsonl', format: 'jsonl', index: 1, line: 1 },
      { path: 'b.txt', format: 'txt' },
      { path: 'a.jsonl', format: 'jsonl', index: 2, line: 2 },
    ]
    const docs = order.map((source, sequence) => createDoc({ source, text: `text ${sequence}` }, sequence))
    for (const doc of docs) addDocumentName(names, doc)
    expect(names.paths).toEqual(['a.jsonl', 'b.txt', 'a.jsonl'])
    expect(docs.map((_, at) => documentName(names, at).source)).toEqual(order.map((source) => sourceLabel(source)))
  })

  it('keeps an id that is not sluice\'s own hex form as it is', () => {
    const names = createDocumentNames()
    addDocumentName(names, { id: 'Article-42', source: { path: 'x.json', format: 'json' } })
    expect(documentName(names, 0)).toEqual({ id: 'Article-42', source: 'x.json' })
  })
})
