/**
 * The parts of report.html above the examples: summary cards, the verdict (threshold
 * breaches), drift flags linking to example documents, the stage funnel and the per-site
 * table. Every value that came from a document or a path goes through `escapeHtml`.
 */
import type { DriftFlag, SiteReport } from '../health-types.ts'
import { RECURRING_LINE_SHARE, recurringLines } from '../site-lines.ts'
import type { RunReport } from '../types.ts'
import { anchorId, escapeHtml } from './escape.ts'

/** Sites shown before the rest fold away under “N more sites”. */
const SITE_ROWS = 40

const percent = (value: number): string => `${Math.round(100 * value)}%`
const number = (value: number): string => value.toLocaleString('en-US')

function card(label: string, value: string | number): string {
  return `<div class="card"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`
}

/** Title, when and how the run went, and the headline counts. */
export function summarySection(report: RunReport): string {
  const { run } = report
  const { counts } = run
  return [
    '<header><h1>sluice run report</h1>',
    `<p class="muted">Started ${escapeHtml(run.startedAt)}, took ${escapeHtml((run.durationMs / 1000).toFixed(1))} s; config <code>${escapeHtml(run.configHash)}</code>; input ${run.input.map((input) => `<code>${escapeHtml(input)}</code>`).join(', ')}.</p></header>`,
    '<div class="cards">',
    card('documents', number(counts.documents)),
    card('kept', number(counts.kept)),
    card('rejected', number(counts.rejected)),
    card('kept with warnings', number(counts.warned)),
    card('unreadable inputs', number(counts.errors)),
    card('sites', number(report.sites.length)),
    '</div>',
  ].join('\n')
}

/** Green when no threshold was breached, red with every reason otherwise. */
export function verdictSection(report: RunReport): string {
  if (report.breaches.length === 0) {
    const compared = report.drift === undefined ? 'no baseline given, so no drift check' : `drift checked against ${escapeHtml(report.drift.baseline.startedAt)}`
    return `<section id="verdict" class="verdict ok"><b>No threshold breached</b> (${compared}).</section>`
  }
  const items = report.breaches.map((breach) => `<li>${escapeHtml(breach)}</li>`).join('')
  return `<section id="verdict" class="verdict fail"><b>${report.breaches.length} threshold breach${report.breaches.length === 1 ? '' : 'es'}: the run exits 1.</b><ul>${items}</ul></section>`
}

function flagItem(flag: DriftFlag): string {
  const links = flag.examples.map((id, index) => `<a href="#${anchorId(id)}">example ${index + 1}</a>`).join(' · ')
  const badge = `<span class="badge${flag.breach ? ' breach' : ''}">${escapeHtml(flag.kind)}</span>`
  return `<li>${badge}${escapeHtml(flag.message)}${links === '' ? '' : ` <span class="muted">(${links})</span>`}</li>`
}

/** The drift flags, or why there are none. */
export function driftSection(report: RunReport): string {
  const { drift } = report
  if (drift === undefined) return '<section id="drift"><h2>Drift</h2><p class="muted">No baseline: run with <code>--baseline previous/report.json</code> or <code>--history DIR</code> to compare runs.</p></section>'
  const configNote = drift.baseline.configHash === report.run.configHash ? '' : ' The config changed since the baseline, which may explain some of the drift.'
  const head = `<p class="muted">Compared ${drift.compared} site${drift.compared === 1 ? '' : 's'} with <code>${escapeHtml(drift.baseline.path)}</code> (run of ${escapeHtml(drift.baseline.startedAt)}).${configNote}</p>`
  const body = drift.flags.length === 0 ? '<p>Nothing moved beyond the thresholds.</p>' : `<ul class="flags">${drift.flags.map(flagItem).join('')}</ul>`
  return `<section id="drift"><h2>Drift</h2>${head}${body}</section>`
}

/** The funnel chart with a table of the same numbers under it (readable without scripts). */
export function funnelSection(report: RunReport): string {
  const rows = report.stages.map((stage) => `<tr><td>${escapeHtml(stage.name)}</td><td>${number(stage.in)}</td><td>${number(stage.kept)}</td><td>${number(stage.dropped)}</td></tr>`)
  return [
    '<section id="funnel"><h2>Stage funnel</h2><div id="funnel-chart" class="chart"></div>',
    '<div class="scroll"><table id="funnel-table"><thead><tr><th>stage</th><th>in</th><th>kept</th><th>dropped</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div></section>`,
  ].join('\n')
}

function bar(value: number, kind = ''): string {
  const width = Math.max(0, Math.min(100, Math.round(100 * value)))
  return `<span class="bar${kind}"><span style="width:${width}%"></span></span>${percent(value)}`
}

function siteRow(site: SiteReport, drifted: boolean): string {
  const share = (part: number, whole: number): string => (whole === 0 ? '–' : percent(part / whole))
  const cells = [
    `<td title="${escapeHtml(site.site)}">${escapeHtml(site.site)}</td>`,
    `<td>${site.trouble.toFixed(2)}</td>`,
    `<td>${number(site.documents)}</td>`,
    `<td>${bar(site.documents === 0 ? 0 : site.kept / site.documents)}</td>`,
    `<td>${number(site.medianLength)} / ${number(site.p10Length)}</td>`,
    `<td>${bar(site.chromeShare, ' chrome')}</td>`,
    `<td>${share(site.garbled, site.kept)}</td>`,
    `<td>${share(site.nearEmpty, site.documents)}</td>`,
    `<td>${site.missing.title} / ${site.missing.published} / ${site.missing.author}</td>`,
    `<td>${site.encodingRepairs}</td>`,
    `<td>${share(site.duplicates, site.documents)}</td>`,
    `<td>${site.recordIssues}</td>`,
  ]
  return `<tr${drifted ? ' class="drifted"' : ''}>${cells.join('')}</tr>`
}

/** One row per site, worst first, with bars for the kept ratio and the chrome share. */
export function sitesSection(report: RunReport): string {
  const drifted = new Set((report.drift?.flags ?? []).filter((flag) => flag.breach).map((flag) => flag.site))
  const header = ['site', 'trouble', 'docs', 'kept', 'median / p10 chars', 'chrome lines', 'garbled', 'near-empty', 'no title / date / author', 'encoding fixes', 'duplicates', 'record issues']
  const rows = report.sites.map((site) => siteRow(site, drifted.has(site.site)))
  const head = `<thead><tr>${header.map((name) => `<th>${name}</th>`).join('')}</tr></thead>`
  const rest = rows.slice(SITE_ROWS)
  return [
    '<section id="sites"><h2>Sites, worst first</h2>',
    '<p class="muted">Trouble = (rejected − ½ duplicates + ½ kept with warnings) / (documents + 5), plus 1 per drift breach. Garbled is a share of kept documents; near-empty means under 200 characters.</p>',
    `<div class="scroll"><table id="sites-table">${head}<tbody>${rows.slice(0, SITE_ROWS).join('')}</tbody></table></div>`,
    rest.length === 0 ? '' : `<details id="more-sites"><summary>${rest.length} more sites</summary><div class="scroll"><table>${head}<tbody>${rest.join('')}</tbody></table></div></details>`,
    recurringSection(report),
    report.sitesOmitted > 0 ? `<p class="muted">${report.sitesOmitted} more sites are counted together as “(other sites)”.</p>` : '',
    '</section>',
  ].join('\n')
}

/** Lines on most of a site's kept pages: leftover chrome to teach drop-chrome, or a layout change. */
function recurringSection(report: RunReport): string {
  const items = report.sites.flatMap((site) =>
    recurringLines(site).map((line) => `<li><b>${escapeHtml(site.site)}</b>: «${escapeHtml(line.text)}» <span class="muted">on ${line.count - line.error}–${line.count} of ${site.linePages} kept pages</span></li>`),
  )
  if (items.length === 0) return ''
  return `<h3>Lines on most pages of a site</h3><p class="muted">On at least ${Math.round(100 * RECURRING_LINE_SHARE)}% of the kept pages: chrome that survived cleaning, or a layout change.</p><ul class="flags">${items.slice(0, 40).join('')}</ul>`
}
