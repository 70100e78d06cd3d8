import { describe, expect, it } from 'vitest'
import type { Doc } from '../../src/core/doc.ts'
import { extract, extractRules } from '../../src/stages/extract.ts'
import type { ExtractOptions } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'
import { ARTICLE_PARAGRAPHS, newsPage } from '../extract/pages.ts'

/** These cases pin the Readability method; the fast method has its own table in tests/extract/fast.test.ts. */
function readabilityExtract(options: ExtractOptions = {}): ReturnType<typeof extract> {
  return extract({ method: 'readability', ...options })
}

function htmlDoc(html: string, init: Partial<Doc> = {}): Doc {
  return makeDoc({ html, source: { path: 'page.html', format: 'html' }, ...init })
}

interface TextCase {
  name: string
  html: string
  /** The whole text, when the case is about exact structure. */
  text?: string
  with?: string[]
  without?: string[]
  rules: string[]
  options?: ExtractOptions
}

const ARTICLE = ARTICLE_PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n')
const READ = ['extract/readability']

const cases: TextCase[] = [
  {
    name: 'an article keeps its paragraphs and loses nav, cookie banner, share links, comments, sidebar and footer',
    html: newsPage(),
    text: ['Millbrook weir to be rebuilt', ...ARTICLE_PARAGRAPHS].join('\n\n'),
    without: ['cookies', 'Accept all', 'Sport', 'Share on Facebook', 'About time', 'Most read', 'All rights reserved', 'dataLayer'],
    rules: [...READ, 'extract/metadata', 'extract/headline-restored'],
  },
  {
    name: 'a poem keeps its <br> lines and its stanzas',
    html: '<article><p>Water over stone,<br>\n  the kingfisher waits,<br>the rowers are gone.<br><br>Spring comes with engines,<br/>and men in bright coats.</p></article>',
    text: 'Water over stone,\nthe kingfisher waits,\nthe rowers are gone.\n\nSpring comes with engines,\nand men in bright coats.',
    rules: READ,
  },
  {
    name: 'list items are paragraphs of their own, closed or not',
    html: '<body><p>Bring:</p><ul><li>Boots</li><li>A <b>warm</b> coat</li></ul><ol><li>one<li>two</ol></body>',
    text: 'Bring:\n\nBoots\n\nA warm coat\n\none\n\ntwo',
    rules: READ,
  },
  {
    name: 'inline elements join with the spacing the HTML had: no glued words, no split words',
    html: '<p><span>Hello</span> <span>world</span><span>wide</span> and <b>W</b>ord<i>s</i>.</p><p>A\n\t<a href="#">link</a>   ,&nbsp;end.</p>',
    text: 'Hello worldwide and Words.\n\nA link , end.',
    rules: READ,
  },
  {
    name: 'blocks inside inline elements still break paragraphs',
    html: '<div><span>first<div>second</div>third</span></div><div>fourth</div>',
    text: 'first\n\nsecond\n\nthird\n\nfourth',
    rules: READ,
  },
  {
    name: 'pre keeps its lines and indentation; table rows are paragraphs with cells apart',
    html: '<body><p>Code:</p><pre>line 1\n  indented\n\nafter blank</pre><table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table></body>',
    text: 'Code:\n\nline 1\n  indented\n\nafter blank\n\na b\n\nc d',
    rules: READ,
  },
  {
    name: 'headings, block quotes, definition lists and figure captions are paragraphs',
    html: '<body><h2>Sub</h2><p>Text.</p><blockquote>Quoted.</blockquote><dl><dt>Term</dt><dd>Meaning</dd></dl><figure><img src="x.jpg" alt="alt text"><figcaption>Caption</figcaption></figure></body>',
    with: ['Text.\n\nQuoted.\n\nTerm\n\nMeaning\n\nCaption'],
    without: ['alt text'],
    rules: READ,
  },
  {
    name: 'scripts, styles, noscript, templates, svg, iframes, form controls and hidden elements are dropped',
    html: '<body><p>Kept.</p><script>var x = "script text"</script><style>p { color: red }</style><noscript>Enable JavaScript</noscript><template><p>template text</p></template><svg><text>svg text</text></svg><iframe src="a.html">iframe text</iframe><select><option>Option text</option></select><button>Button text</button><textarea>area text</textarea><p hidden>hidden text</p><p style="display: none">invisible text</p></body>',
    text: 'Kept.',
    rules: READ,
  },
  {
    name: 'broken HTML: unclosed tags, stray cells, a fragment without html or body, entities',
    html: '<div><p>unclosed <b>bold<p>second para</div><td>cell</td> tail text &amp; more &nbsp; &lt;tag&gt;',
    text: 'unclosed bold\n\nsecond para\n\ncell tail text & more <tag>',
    rules: READ,
  },
  {
    name: 'plain text given as HTML is still text',
    html: 'Just a line of text,   with spaces.',
    text: 'Just a line of text, with spaces.',
    rules: READ,
  },
  {
    name: 'html longer than maxHtmlLength is cut at a tag start and reported',
    html: `<body><p>${'kept words '.repeat(20)}</p><p>${'cut words '.repeat(50)}</p></body>`,
    with: ['kept words'],
    without: ['cut words'],
    options: { maxHtmlLength: 240 },
    rules: [...READ, 'extract/truncated'],
  },
]

describe('extract: text and structure', () => {
  it.each(cases)('$name', async (testCase) => {
    const { doc, dropped } = await runStage(readabilityExtract(testCase.options), htmlDoc(testCase.html), testCase.rules)
    expect(dropped).toBe(false)
    if (testCase.text !== undefined) expect(doc.text).toBe(testCase.text)
    for (const part of testCase.with ?? []) expect(doc.text).toContain(part)
    for (const part of testCase.without ?? []) expect(doc.text).not.toContain(part)
    expect(doc.html).toBeUndefined()
  })
})

describe('extract: when to fall back or drop', () => {
  it('passes documents without html through unchanged', async () => {
    const input = makeDoc({ text: 'Already text.' })
    const { doc } = await runStage(readabilityExtract(), input, [])
    expect(doc).toEqual(input)
  })

  it('drops a page with no visible text (script only)', async () => {
    const html = '<html><head><script>var a = 1</script></head><body><script>document.write("hi")</script><style>p{}</style><noscript>Enable JS</noscript></body></html>'
    const { dropped } = await runStage(readabilityExtract(), htmlDoc(html), ['extract/no-content'])
    expect(dropped).toBe(true)
  })

  it('falls back to the body without landmark chrome when Readability finds too little', async () => {
    // Readability finds 542 of 819 characters here; thresholds above that make it "too little".
    const options = { fallbackMinCharacters: 1000, fallbackRatio: 0.9 }
    const { doc } = await runStage(readabilityExtract(options), htmlDoc(newsPage()), ['extract/fallback-body', 'extract/metadata'])
    for (const paragraph of ['Millbrook weir to be rebuilt', ...ARTICLE_PARAGRAPHS]) expect(doc.text).toContain(paragraph)
    for (const chrome of ['The Valley Gazette', 'Sport', 'Most read', 'All rights reserved']) expect(doc.text).not.toContain(chrome)
    expect(doc.meta.extract).toMatchObject({ method: 'fallback-body' })
  })

  it('keeps Readability\'s text when it is short but not too short', async () => {
    const { doc } = await runStage(readabilityExtract({ fallbackMinCharacters: 500, fallbackRatio: 0.9 }), htmlDoc(newsPage()), [...READ, 'extract/metadata', 'extract/headline-restored'])
    expect(doc.meta.extract).toMatchObject({ method: 'readability' })
  })

  it('keeps an ASP.NET-style page-wrapping form when falling back', async () => {
    const html = `<body><form id="aspnetForm"><nav>Menu</nav><div>${ARTICLE}</div></form></body>`
    const { doc } = await runStage(readabilityExtract({ maxElements: 3 }), htmlDoc(html), ['extract/fallback-body'])
    expect(doc.text).toBe(ARTICLE_PARAGRAPHS.join('\n\n'))
  })

  it('survives 100 000 nested elements: flattened, no stack overflow, text kept', async () => {
    const depth = 100_000
    const html = `<html><body>${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}<p>after</p></body></html>`
    const { doc } = await runStage(readabilityExtract(), htmlDoc(html), ['extract/flattened', 'extract/readability'])
    expect(doc.text).toBe('deep text\n\nafter')
  })

  it('skips Readability on trees deeper than it handles (nested layout tables) and says so', async () => {
    const html = `<body>${'<table><tr><td>'.repeat(40)}<p>nested text</p>${'</td></tr></table>'.repeat(40)}</body>`
    const { doc } = await runStage(readabilityExtract({ maxDepth: 10 }), htmlDoc(html), ['extract/fallback-body', 'extract/flattened'])
    expect(doc.text).toBe('nested text')
  })
})

describe('extract: options', () => {
  it('rejects unknown and invalid options at config time', () => {
    expect(() => extract({ charTreshold: 10 } as ExtractOptions)).toThrow(/charTreshold/)
    expect(() => extract({ fallbackRatio: 2 })).toThrow()
  })

  it('lists every rule it can emit', () => {
    expect(extractRules).toEqual(expect.arrayContaining(['extract/readability', 'extract/fallback-body', 'extract/metadata', 'extract/no-content', 'extract/parse-failed']))
  })

  it('can leave the headline out', async () => {
    const { doc } = await runStage(readabilityExtract({ keepHeadline: false }), htmlDoc(newsPage()), ['extract/readability', 'extract/metadata'])
    expect(doc.text.startsWith(ARTICLE_PARAGRAPHS[0] as string)).toBe(true)
  })
})

interface MetadataCase {
  name: string
  head: string
  init?: Partial<Doc>
  expected: Partial<Pick<Doc, 'title' | 'author' | 'published' | 'url' | 'lang'>>
  sources?: Record<string, string>
}

const graph = JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'WebSite', '@id': 'https://gazette.example/#site', name: 'The Valley Gazette' },
    { '@type': 'Person', '@id': 'https://gazette.example/#ana', name: 'Ana Ribeiro' },
    {
      '@type': ['NewsArticle'],
      headline: 'Weir rebuilt next spring',
      author: [{ '@id': 'https://gazette.example/#ana' }, { '@type': 'Person', name: 'Tom Hale' }, { '@type': 'Organization', name: 'Gazette Staff' }],
      datePublished: '2024-03-05T10:00:00+01:00',
      inLanguage: 'en_GB',
    },
  ],
})

const metadataCases: MetadataCase[] = [
  {
    name: 'Open Graph and meta tags; a URL-valued article:author is skipped',
    head: `<meta property="og:title" content="Weir to be rebuilt"><meta property="og:url" content="https://gazette.example/weir">
      <meta property="og:locale" content="en_GB"><meta property="article:author" content="https://facebook.com/gazette">
      <meta name="author" content="Ana Ribeiro"><meta property="article:published_time" content="2024-03-05">`,
    expected: { title: 'Weir to be rebuilt', author: 'Ana Ribeiro', published: '2024-03-05', url: 'https://gazette.example/weir', lang: 'en-GB' },
    sources: { title: 'og:title', author: 'author', published: 'article:published_time', url: 'og:url', lang: '<html lang>' },
  },
  {
    name: 'JSON-LD @graph: headline, authors by @id and inline (organisations left out), date',
    head: `<script type="application/ld+json">${graph}</script>`,
    expected: { title: 'Weir rebuilt next spring', author: 'Ana Ribeiro, Tom Hale', published: '2024-03-05T10:00:00+01:00' },
    sources: { title: 'json-ld:headline', author: 'json-ld:author', published: 'json-ld:datePublished' },
  },
  {
    name: 'broken JSON-LD is ignored; an array root in a CDATA wrapper still counts',
    head: `<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <script type="application/ld+json">//<![CDATA[
      [{"@type": "BlogPosting", "name": "From the array", "author": "Jo Park", "datePublished": "20240305"}]
      //]]></script>`,
    expected: { title: 'From the array', author: 'Jo Park', published: '2024-03-05' },
  },
  {
    name: 'fields a source already set are kept; a relative canonical URL is resolved against og:url',
    head: '<meta property="og:title" content="Page title"><link rel="canonical" href="/news/weir"><meta property="og:url" content="https://gazette.example/x">',
    init: { title: 'Title from the feed' },
    expected: { title: 'Title from the feed', url: 'https://gazette.example/news/weir' },
    sources: { url: 'link rel=canonical', lang: '<html lang>' },
  },
  {
    name: 'free-text dates with a zone become UTC ISO 8601; "By" is cut from bylines',
    head: '<meta name="date" content="July 24, 2012 4:16 AM PDT"><meta name="dc.creator" content="By: Zack Whittaker">',
    expected: { published: '2012-07-24T11:16:00Z', author: 'Zack Whittaker' },
  },
  {
    name: 'a date that cannot be read is kept as written',
    head: '<meta name="pubdate" content="3. Dezember 2012">',
    expected: { published: '3. Dezember 2012' },
    sources: { published: 'pubdate (as written)' },
  },
]

describe('extract: metadata', () => {
  it.each(metadataCases)('$name', async ({ head, init, expected, sources }) => {
    const { doc } = await runStage(readabilityExtract(), htmlDoc(newsPage(head), init), [...READ, 'extract/metadata', 'extract/headline-restored'])
    expect(doc).toMatchObject(expected)
    if (sources !== undefined) expect((doc.meta.extract as { sources: unknown }).sources).toMatchObject(sources)
  })

  it('reads <time datetime>, rel=author and content-language when nothing better is there', async () => {
    const html = `<html><head><meta http-equiv="content-language" content="de, en"></head><body><article><h1>Wehr</h1>
      <p>Von <a rel="author" href="/a">Jana Berg</a>, <time datetime="2023-11-02T08:30">2. November</time></p>${ARTICLE}</article></body></html>`
    const { doc } = await runStage(readabilityExtract(), htmlDoc(html), [...READ, 'extract/metadata'])
    expect(doc).toMatchObject({ title: 'Wehr', author: 'Jana Berg', published: '2023-11-02T08:30:00', lang: 'de' })
  })
})
