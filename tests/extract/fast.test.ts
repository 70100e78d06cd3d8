/**
 * The fast extract method: HTML → innerText-like text from one htmlparser2 pass, landmark
 * chrome left out, and metadata chosen from the same facts as the Readability method.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract } from '../../src/stages/extract.ts'
import type { ExtractOptions } from '../../src/stages/extract.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

async function fastText(body: string, options: ExtractOptions = {}, head = ''): Promise<{ text: string | undefined; rules: string[] }> {
  const html = `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`
  const { doc, rules } = await runStage(extract({ method: 'fast', ...options }), makeDoc({ html, source: { path: 'page.html', format: 'html' } }))
  return { text: doc.text, rules }
}

describe('extract fast: HTML → paragraphs', () => {
  const cases: { name: string; html: string; text: string }[] = [
    { name: 'a p is set apart by a blank line, other blocks by a line break (innerText)', html: '<p>One</p><div>Two</div><section><h2>Three</h2></section>', text: 'One\n\nTwo\nThree' },
    { name: 'breaks between nested blocks collapse to the largest', html: '<div><div><p>a</p></div></div><div><div>b</div></div><div>c</div>', text: 'a\n\nb\nc' },
    { name: 'list items are lines', html: '<ul><li>x</li><li>y</li></ul>', text: 'x\ny' },
    { name: 'a br between blocks makes a blank line', html: '<div>a</div><br><div>b</div>', text: 'a\n\nb' },
    { name: 'br is a line break', html: '<p>Roses are red<br>violets are blue</p>', text: 'Roses are red\nviolets are blue' },
    { name: 'whitespace collapses, inline elements glue', html: '<p>  a \n\t <b>bold</b>er  <i> c </i></p>', text: 'a bolder c' },
    { name: 'entities are decoded', html: '<p>Fish &amp; chips&nbsp;&#8212; &lt;tasty&gt;</p>', text: 'Fish & chips — <tasty>' },
    { name: 'unclosed p and li close as a browser does', html: '<p>a<p>b<ul><li>x<li>y</ul>', text: 'a\n\nb\n\nx\ny' },
    { name: 'table rows are lines, cells are kept apart', html: '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>', text: 'a b\nc' },
    { name: 'pre keeps its lines and indentation', html: '<pre>line 1\n  line 2\n</pre><p>after</p>', text: 'line 1\n  line 2\n\nafter' },
    { name: 'script, style, template, noscript and svg vanish', html: '<p>a<script>x()</script><style>p{}</style>b</p><template><p>t</p></template><noscript>n</noscript><svg><text>s</text></svg><p>c</p>', text: 'ab\n\nc' },
    { name: 'hidden elements vanish', html: '<p>a</p><p hidden>h</p><div style="color:red; display: none">d</div><span style="visibility:hidden">v</span><p>b</p>', text: 'a\n\nb' },
    { name: 'form controls and media vanish', html: '<p>Name <input value="x"><button>Go</button><img alt="pic"> end</p>', text: 'Name end' },
    { name: 'nav, aside and dialog are chrome', html: '<nav><a>Home</a></nav><p>Body</p><aside>Related</aside><dialog>Cookies</dialog>', text: 'Body' },
    { name: 'chrome ARIA roles are chrome', html: '<div role="navigation">Menu</div><p>Body</p><div role="contentinfo">© 2024</div>', text: 'Body' },
    { name: 'page header and footer are chrome', html: '<header>Site name</header><p>Body</p><footer>Contact</footer>', text: 'Body' },
    { name: 'header and footer inside an article are kept', html: '<article><header>Byline</header><p>Body</p><footer>Notes</footer></article>', text: 'Byline\n\nBody\n\nNotes' },
    { name: 'header inside role=main is kept', html: '<div role="main"><header>Kicker</header><p>Body</p></div>', text: 'Kicker\n\nBody' },
    { name: 'a small form is chrome', html: `<p>${'Body text. '.repeat(5)}</p><form><label>Search</label></form>`, text: 'Body text. '.repeat(5).trim() },
    { name: 'a form wrapping the page is kept', html: `<form><p>${'Body text. '.repeat(5)}</p></form><p>x</p>`, text: `${'Body text. '.repeat(5).trim()}\n\nx` },
    { name: 'text around removed chrome keeps its order', html: '<p>a</p><nav>n</nav><p>b</p><aside>s</aside><p>c</p>', text: 'a\n\nb\n\nc' },
  ]
  it.each(cases)('$name', async ({ html, text }) => {
    expect((await fastText(html)).text).toBe(text)
  })

  it('aria-hidden elements are left out unless ariaHidden is false', async () => {
    const html = '<p>a<span aria-hidden="true">icon</span>b</p>'
    expect((await fastText(html)).text).toBe('ab')
    expect((await fastText(html, { ariaHidden: false })).text).toBe('aiconb')
  })

  it('is the default method', async () => {
    const { rules } = await runStage(extract(), makeDoc({ html: '<p>a</p>', source: { path: 'a.html', format: 'html' } }))
    expect(rules).toContain('extract/fast')
  })

  it('uses the whole body when everything is chrome', async () => {
    const { text, rules } = await fastText('<header><p>Only header text</p></header><nav>Menu</nav>')
    expect(text).toBe('Only header text\n\nMenu')
    expect(rules).toContain('extract/fallback-body')
  })

  it('keeps a page header whole when it holds the headline (the article header)', async () => {
    const head = '<title>Weir to be rebuilt | Gazette</title>'
    const { text, rules } = await fastText('<header><span>May 4</span><h1>Weir to be rebuilt</h1><address>By Ann Lee</address></header><p>The weir will be rebuilt.</p>', {}, head)
    expect(text).toBe('May 4\nWeir to be rebuilt\nBy Ann Lee\n\nThe weir will be rebuilt.')
    expect(rules).toContain('extract/headline-restored')
  })

  it('keeps only the headline from other chrome', async () => {
    const head = '<title>Weir to be rebuilt | Gazette</title>'
    const { text } = await fastText('<aside><a>Gazette</a><h2>Weir to be rebuilt</h2></aside><p>The weir will be rebuilt.</p>', {}, head)
    expect(text).toBe('Weir to be rebuilt\n\nThe weir will be rebuilt.')
  })

  it('leaves a page header without the headline out', async () => {
    const head = '<title>Weir to be rebuilt | Gazette</title>'
    const { text } = await fastText('<header><h1>Gazette</h1></header><p>The weir will be rebuilt.</p>', {}, head)
    expect(text).toBe('The weir will be rebuilt.')
  })

  it('does not repeat a headline the body already has', async () => {
    const head = '<title>Weir to be rebuilt</title>'
    const { text } = await fastText('<header><h1>Weir to be rebuilt</h1></header><article><h1>Weir to be rebuilt</h1><p>Body.</p></article>', {}, head)
    expect(text).toBe('Weir to be rebuilt\n\nBody.')
  })

  it('flattens a page nested deeper than maxDepth and keeps its text', async () => {
    const { text, rules } = await fastText(`${'<div>'.repeat(40)}deep${'</div>'.repeat(40)}<p>after</p>`, { maxDepth: 20 })
    expect(text).toBe('deep\n\nafter')
    expect(rules).toContain('extract/flattened')
  })

  it('reports the method', async () => {
    expect((await fastText('<p>a</p>')).rules).toContain('extract/fast')
  })
})

describe('extract fast: metadata is read as the Readability method reads it', () => {
  const pages = readdirSync(new URL('pages/', import.meta.url)).filter((name) => name.endsWith('.html'))
  const fields = ['title', 'author', 'published', 'url', 'lang'] as const
  it.each(pages)('%s', async (page) => {
    const html = readFileSync(new URL(`pages/${page}`, import.meta.url), 'utf8')
    const input = makeDoc({ html, source: { path: page, format: 'html' } })
    const fast = (await runStage(extract({ method: 'fast' }), input)).doc
    const readability = (await runStage(extract({ method: 'readability' }), input)).doc
    for (const field of fields) if (fast[field] !== undefined) expect(fast[field], field).toBe(readability[field])
    expect(fast.meta.extract).toMatchObject({ method: 'fast', sources: (readability.meta.extract as { sources?: object } | undefined)?.sources ?? {} })
  })
})
