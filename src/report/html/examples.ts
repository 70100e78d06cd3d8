/**
 * Example documents per site with their explain trace: every message in stage order with its
 * line and excerpt. Anchored by document id so drift flags link to them; all text escaped.
 */
import type { SiteExample, SiteReport } from '../health-types.ts'
import type { RunReport } from '../types.ts'
import { anchorId, escapeHtml } from './escape.ts'

/** Sites whose examples are listed (the worst ones, and every site with a drift flag). */
const SITES_WITH_EXAMPLES = 30

const MARK = { info: '·', warn: '!', fatal: '✗' } as const

function traceItem(message: SiteExample['messages'][number]): string {
  const line = message.line === undefined ? '' : ` line ${message.line}`
  const actual = message.actual === undefined ? '' : ` <span class="muted">«${escapeHtml(message.actual)}»</span>`
  return `<li><span class="sev-${message.severity}">${MARK[message.severity]} ${escapeHtml(message.rule)}</span>${escapeHtml(line)}: ${escapeHtml(message.reason)}${actual}</li>`
}

function exampleBlock(example: SiteExample): string {
  const status = `<span class="badge ${example.status}">${example.status}</span>`
  const rule = example.rule === undefined ? '' : ` by <code>${escapeHtml(example.rule)}</code>`
  const more = example.messagesOmitted > 0 ? `<li class="muted">…and ${example.messagesOmitted} more messages (run <code>sluice explain</code> on the input).</li>` : ''
  return [
    `<details id="${anchorId(example.id)}"><summary>${status}<code>${escapeHtml(example.source)}</code>${rule} <span class="muted">(${example.length} chars, id ${escapeHtml(example.id)})</span></summary>`,
    `<div class="excerpt">${escapeHtml(example.excerpt === '' ? '(empty)' : example.excerpt)}</div>`,
    `<ul class="trace">${example.messages.map(traceItem).join('')}${more}</ul></details>`,
  ].join('')
}

function siteBlock(site: SiteReport): string {
  return `<h3>${escapeHtml(site.site)}</h3>${site.examples.map(exampleBlock).join('\n')}`
}

/** The examples of the worst sites and of every flagged site. */
export function examplesSection(report: RunReport): string {
  const flagged = new Set((report.drift?.flags ?? []).map((flag) => flag.site))
  const shown = report.sites.filter((site, index) => site.examples.length > 0 && (index < SITES_WITH_EXAMPLES || flagged.has(site.site)))
  return `<section id="examples"><h2>Example documents</h2><p class="muted">Each with its explain trace: what every stage changed (·), suspected (!) or dropped (✗).</p>${shown.map(siteBlock).join('\n')}</section>`
}
