/**
 * Renders a `RunReport` as one self-contained report.html: no request leaves the page (a
 * Content-Security-Policy allows no sources at all, and only the two inline scripts by hash),
 * it reads on a phone, and every piece of scraped text is escaped. Charts are drawn by uPlot,
 * whose minified script and stylesheet the caller passes in (`sinks/write-report.ts` reads
 * them from node_modules), so this formatter stays pure and testable.
 */
import { createHash } from 'node:crypto'
import { CLIENT_SCRIPT } from './html/client-script.ts'
import { escapeHtml, jsonForScript, safeInlineScript } from './html/escape.ts'
import { examplesSection } from './html/examples.ts'
import { driftSection, funnelSection, sitesSection, summarySection, verdictSection } from './html/sections.ts'
import { REPORT_CSS } from './html/styles.ts'
import type { RunReport } from './types.ts'

/** The chart library's files, inlined into the page. */
export interface HtmlAssets {
  chartScript: string
  chartCss: string
}

function lengthLabels(edges: readonly number[]): string[] {
  return edges.map((edge, index) => {
    const next = edges[index + 1]
    return next === undefined ? `≥${edge}` : `${edge}–${next - 1}`
  })
}

/** The numbers the charts draw (no document text). */
function chartData(report: RunReport): unknown {
  return {
    funnel: { labels: ['documents', ...report.stages.map((stage) => stage.name)], left: [report.run.counts.documents, ...report.stages.map((stage) => stage.kept)] },
    lengths: { labels: lengthLabels(report.lengths.edges), kept: report.lengths.kept, rejected: report.lengths.rejected },
  }
}

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

function lengthsSection(): string {
  return '<section id="lengths"><h2>Text length (characters)</h2><div id="length-chart" class="chart"></div></section>'
}

/** Renders report.html. Pure: the same report and assets give the same bytes. */
export function formatHtml(report: RunReport, assets: HtmlAssets): string {
  const scripts = [safeInlineScript(assets.chartScript), safeInlineScript(CLIENT_SCRIPT)]
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scripts.map(scriptHash).join(' ')}`
  const title = `sluice report ${report.run.startedAt}${report.breaches.length > 0 ? ' — threshold breached' : ''}`
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${assets.chartCss.replace(/<\/style/giu, '<\\/style')}\n${REPORT_CSS}</style>`,
    '</head><body>',
    summarySection(report),
    verdictSection(report),
    driftSection(report),
    funnelSection(report),
    sitesSection(report),
    lengthsSection(),
    examplesSection(report),
    `<script type="application/json" id="report-data">${jsonForScript(chartData(report))}</script>`,
    ...scripts.map((source) => `<script>${source}</script>`),
    '</body></html>',
    '',
  ].join('\n')
}
