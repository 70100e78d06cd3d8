import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatHtml } from '../../src/report/format-html.ts'
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.ts'
import type { DriftReport } from '../../src/report/health-types.ts'
import { loadHtmlAssets } from '../../src/sinks/write-report.ts'
import { makeReport, makeSite } from './health-fixtures.ts'

const hostile = `<script>alert(1)</script><img src=x onerror="alert(2)">'"&`
const assets = { chartScript: 'window.uPlot = function () {};', chartCss: '.u-legend { color: red; }' }

function hostileReport() {
  const site = makeSite(`evil${hostile}.example`, {
    lines: [{ hash: '00000001', count: 20, error: 0, text: hostile }],
    examples: [{ id: `id"><marquee>${hostile}`, source: `${hostile}.txt`, status: 'rejected', rule: hostile, length: 5, excerpt: hostile, messages: [{ stage: 'x', rule: hostile, severity: 'warn', reason: hostile, line: 3, actual: hostile }], messagesOmitted: 2 }],
  })
  const drift: DriftReport = {
    baseline: { path: hostile, startedAt: hostile, configHash: 'other' },
    compared: 1,
    flags: [{ site: site.site, kind: 'new-line', from: 0, to: 1, message: `${site.site}: a new line is on 100% of kept pages: «${hostile}».`, breach: true, examples: [`id"><marquee>${hostile}`] }],
  }
  return makeReport([site], { drift, breaches: [drift.flags[0]?.message ?? ''], run: { ...makeReport([]).run, input: [hostile] }, stages: [{ name: hostile, in: 1, kept: 1, dropped: 0, milliseconds: 1, byRule: {}, droppedByRule: {} }] })
}

describe('escaping', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&#39;&quot;&amp;')
  })

  it('keeps JSON from closing its script element', () => {
    const json = jsonForScript({ label: '</script><script>alert(1)</script>\u2028' })
    expect(json).not.toMatch(/[<>\u2028]/u)
    expect(JSON.parse(json)).toEqual({ label: '</script><script>alert(1)</script>\u2028' })
  })
})

describe('formatHtml', () => {
  const html = formatHtml(hostileReport(), assets)

  it('never lets document text become markup', () => {
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<marquee>')
    expect(html.match(/<script[\s>]/gu)).toHaveLength(3)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('allows only its own inline scripts, by hash, and no network at all', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((match) => match[1] as string)
    expect(scripts).toHaveLength(2)
    const policy = (/http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1] ?? '').replace(/&#39;/gu, "'")
    expect(policy).toContain("default-src 'none'")
    for (const script of scripts) expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    expect(html).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//u)
  })

  it('links each drift flag to its example document', () => {
    const anchor = /<a href="#(doc-[^"]+)">example 1<\/a>/u.exec(html)?.[1]
    expect(anchor).toBeDefined()
    expect(html).toContain(`<details id="${anchor}">`)
    expect(anchor).toMatch(/^doc-[A-Za-z0-9_-]+$/u)
  })

  it('shows the verdict, the funnel, the sites table and both charts', () => {
    expect(html).toContain('class="verdict fail"')
    expect(html).toContain('id="funnel-chart"')
    expect(html).toContain('id="length-chart"')
    expect(html.match(/<tr class="drifted">/gu)).toHaveLength(1)
  })

  it('is deterministic', () => {
    expect(formatHtml(hostileReport(), assets)).toBe(html)
  })

  it('inlines the real uPlot files', async () => {
    const real = await loadHtmlAssets()
    expect(real.chartScript).toMatch(/uPlot/u)
    expect(real.chartCss).toMatch(/\.uplot/u)
  })

  it('folds sites after the first 40 under a details element', () => {
    const many = formatHtml(makeReport(Array.from({ length: 45 }, (_, index) => makeSite(`s${index}.example`))), assets)
    const [visible, folded] = many.split('<details id="more-sites">')
    expect(visible?.match(/<tr><td title=/gu)).toHaveLength(40)
    expect(folded).toMatch(/^<summary>5 more sites<\/summary>/u)
    expect(folded?.match(/<tr><td title=/gu)).toHaveLength(5)
  })
})
