import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { collect, labels, seeds, tempFolder, writeTree } from './helpers.ts'

async function readFeedText(name: string, content: string | Uint8Array) {
  const folder = tempFolder()
  writeTree(folder, { [name]: content })
  return collect([folder])
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>City Desk</title>
  <language>en-GB</language>
  <item>
    <title>Night buses &amp; trams return</title>
    <link>https://example.net/night-buses</link>
    <dc:creator><![CDATA[Jonas Weber]]></dc:creator>
    <pubDate>Tue, 18 Mar 2025 07:00:00 +0000</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Three lines are back.</p><p>More &amp; more riders.</p>]]></content:encoded>
    <guid isPermaLink="false">tag:example.net,2025:1</guid>
  </item>
  <item>
    <title>It&#8217;s back</title>
    <guid>https://example.net/its-back</guid>
    <author>desk@example.net (Amara Osei)</author>
    <description>&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</description>
  </item>
  <item>
    <title>Plain description</title>
    <description>Just words, no markup, AT&amp;T.</description>
  </item>
</channel>
</rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Atom feed</title>
  <author><name>Feed Author</name></author>
  <entry>
    <title type="html">&lt;b&gt;Bold&lt;/b&gt; title</title>
    <link rel="edit" href="https://example.org/edit/1"/>
    <link rel="alternate" href="https://example.org/1"/>
    <author><name>Ann</name></author>
    <author><name>Bob</name></author>
    <published>2025-01-02T03:04:05Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para one.</p></div></content>
  </entry>
  <entry xml:lang="fr">
    <title>Second</title>
    <link href="https://example.org/2"/>
    <updated>2025-02-01T00:00:00+01:00</updated>
    <summary type="text">Only a summary.</summary>
  </entry>
</feed>`

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.com/"><title>RDF</title></channel>
  <item rdf:about="https://example.com/a">
    <title>RDF item</title>
    <dc:date>2024-05-06T07:08:09Z</dc:date>
    <dc:creator>Carla</dc:creator>
    <description>RDF body text.</description>
  </item>
</rdf:RDF>`

describe('feeds', () => {
  it('RSS 2.0: one seed per item, with metadata, HTML content and item lines', async () => {
    const items = await readFeedText('city.rss', RSS)
    expect(labels(items)).toEqual(['city.rss#1', 'city.rss#2', 'city.rss#3'])
    const [first, second, third] = seeds(items)
    expect(first).toMatchObject({
      title: 'Night buses & trams return',
      url: 'https://example.net/night-buses',
      author: 'Jonas Weber',
      published: '2025-03-18T07:00:00Z',
      lang: 'en-GB',
      html: '<p>Three lines are back.</p><p>More &amp; more riders.</p>',
      source: { path: 'city.rss', format: 'xml', index: 1, line: 6 },
      meta: { recordId: 'tag:example.net,2025:1' },
    })
    expect(first?.text).toBeUndefined()
    expect(second).toMatchObject({ title: 'It’s back', url: 'https://example.net/its-back', author: 'Amara Osei', html: '<p>Escaped &amp; HTML</p>', source: { line: 15 } })
    expect(third).toMatchObject({ text: 'Just words, no markup, AT&T.' })
    expect(third?.html).toBeUndefined()
  })

  it('Atom: alternate link, joined authors, xhtml content, text summary, xml:lang', async () => {
    const [first, second] = seeds(await readFeedText('feed.atom', ATOM))
    expect(first).toMatchObject({
      title: 'Bold title',
      url: 'https://example.org/1',
      author: 'Ann, Bob',
      published: '2025-01-02T03:04:05Z',
      lang: 'de',
      html: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Para one.</p></div>',
    })
    expect(second).toMatchObject({ url: 'https://example.org/2', author: 'Feed Author', lang: 'fr', text: 'Only a summary.', published: '2025-02-01T00:00:00+01:00' })
  })

  it('RSS 1.0 (RDF)', async () => {
    const [item] = seeds(await readFeedText('news.xml', RDF))
    expect(item).toMatchObject({ title: 'RDF item', url: 'https://example.com/a', author: 'Carla', published: '2024-05-06T07:08:09Z', text: 'RDF body text.' })
  })

  it('decodes a feed by its XML declaration', async () => {
    const xml = RSS.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace('Short teaser.', 'Café “crème”')
    const items = seeds(await readFeedText('cp.xml', iconv.encode(xml.replace(/<content:encoded>.*<\/content:encoded>/, ''), 'windows-1252')))
    expect(items[0]?.text).toBe('Café “crème”')
  })

  it('malformed XML with every item read: the item nearest the error carries it as a warning, nothing is rejected', async () => {
    const broken = RSS.replace('<title>Plain description</title>', '<title>Plain description</titel>')
    const items = await readFeedText('broken.xml', broken)
    expect(labels(items)).toEqual(['broken.xml#1', 'broken.xml#2', 'broken.xml#3'])
    const warned = seeds(items).filter((item) => (item.messages ?? []).length > 0)
    expect(warned.map((item) => item.source.index)).toEqual([3])
    expect((warned[0]?.source.line ?? 99) <= 22).toBe(true)
    const message = warned[0]?.messages?.[0]
    expect(message).toMatchObject({ rule: 'source/malformed-xml', severity: 'warn', place: { line: 22 } })
    expect(message?.reason).toMatch(/broken\.xml is malformed XML at line 22, column \d+ .*; all 3 of its items were still read, this one nearest the error/)
  })

  it('a bare & in a title: all items kept, one warning', async () => {
    const xml = '<rss><channel>\n<item><title>A & B</title><description>First.</description></item>\n<item><title>C</title><description>Second.</description></item>\n</channel></rss>'
    const items = seeds(await readFeedText('amp.xml', xml))
    expect(items.map((item) => item.text)).toEqual(['First.', 'Second.'])
    expect(items.flatMap((item) => item.messages ?? []).map((message) => [message.severity, message.place?.line])).toEqual([['warn', 2]])
  })

  it('a feed cut off: the items before the cut are kept, and the file is reported as cut off at its last line', async () => {
    const xml = '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>T</title>\n<entry><title>E1</title><content>First entry.</content></entry>\n<entry><title>E2</title>'
    const items = await readFeedText('cut.atom', xml)
    expect(labels(items)[0]).toBe('cut.atom !source/malformed-xml')
    const message = seeds(items)[0]?.messages?.[0]
    expect(message?.place).toEqual({ line: 5 })
    expect(message?.reason).toMatch(/cut\.atom is malformed XML at line 5 \(the file ends before <feed> and <entry> are closed: it looks cut off\)/)
    expect(seeds(items).slice(1).map((item) => item.text)).toContain('First entry.')
  })

  it('a feed cut off between entries (one tag open, a final newline): reported on the file at its last line', async () => {
    const xml = '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>T</title>\n<entry><title>E1</title><content>First entry.</content></entry>\n'
    const items = await readFeedText('cut.atom', xml)
    expect(labels(items)).toEqual(['cut.atom !source/malformed-xml', 'cut.atom#1'])
    expect(seeds(items)[0]?.messages?.[0]).toMatchObject({ severity: 'fatal', place: { line: 4 } })
    expect(seeds(items)[0]?.messages?.[0]?.reason).toContain('(the file ends before <feed> is closed: it looks cut off)')
    expect(seeds(items)[1]?.messages ?? []).toEqual([])
  })

  it('billion laughs: entities the document defines are never expanded', async () => {
    const levels = Array.from({ length: 10 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('\n')
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<rss><channel><item><title>&lol10;</title><description>Body &lol10; end</description></item></channel></rss>`
    const started = performance.now()
    const [item] = seeds(await readFeedText('laughs.xml', xml))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(item?.text).toBe('Body &lol10; end')
    expect((item?.title ?? '').length).toBeLessThan(20)
  })

  it('many predefined entities are fine (limits apply to document-defined entities only)', async () => {
    const body = 'Q&amp;A '.repeat(5000)
    const [item] = seeds(await readFeedText('many.xml', `<rss><channel><item><title>${'&amp;'.repeat(3000)}</title><description>${body}</description></item></channel></rss>`))
    expect(item?.title).toBe('&'.repeat(3000))
    expect(item?.text?.startsWith('Q&A Q&A')).toBe(true)
  })

  const rejects = [
    { name: 'XML that is not a feed', file: 'sitemap.xml', xml: '<urlset><url><loc>https://a</loc></url></urlset>', label: 'sitemap.xml !source/not-a-feed', reason: /not an RSS, Atom or RDF feed \(root element <urlset>\)/ },
    { name: 'a feed without items', file: 'empty.rss', xml: '<rss><channel><title>x</title></channel></rss>', label: 'empty.rss !source/no-records', reason: /RSS feed with no items/ },
    { name: 'garbage that is not XML', file: 'junk.xml', xml: 'this is not <xml at all', label: 'junk.xml !source/malformed-xml', reason: /malformed XML/ },
    { name: 'an item without content', file: 'bare.rss', xml: '<rss><channel><item><title>Only a title</title></item></channel></rss>', label: 'bare.rss#1 !source/no-text-field', reason: /item 1 \(line 1\) has no content/ },
  ]

  it.each(rejects)('$name', async ({ file, xml, label, reason }) => {
    const items = await readFeedText(file, xml)
    expect(labels(items)).toEqual([label])
    expect(seeds(items)[0]?.messages?.[0]?.reason).toMatch(reason)
  })
})
