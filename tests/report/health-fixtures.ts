/** Builders for per-site report fixtures shared by the report tests. */
import { createDoc } from '../../src/core/doc.ts'
import type { Doc } from '../../src/core/doc.ts'
import type { DocMessage } from '../../src/core/message.ts'
import type { SiteReport } from '../../src/report/health-types.ts'
import type { RunReport } from '../../src/report/types.ts'

/** A healthy site with `documents` documents; override any field. */
export function makeSite(site: string, overrides: Partial<SiteReport> = {}): SiteReport {
  const documents = overrides.documents ?? 20
  return {
    site, trouble: 0, documents, kept: documents, rejected: 0, rejectedByRule: {}, warnedByRule: {}, medianLength: 2000, p10Length: 900,
    chromeShare: 0.3, chromeLines: 100, garbled: 0, nearEmpty: 0, missing: { title: 0, published: 0, author: 0 }, encodingRepairs: 0,
    duplicates: 0, recordIssues: 0, linePages: documents, lines: [], linesBound: 0,
    examples: [{ id: `${site}-1`, source: `${site}/a.txt`, status: 'kept', length: 2000, excerpt: 'Text.', messages: [], messagesOmitted: 0 }],
    ...overrides,
  }
}

/** A run report holding `sites` and nothing else of note. */
export function makeReport(sites: SiteReport[], overrides: Partial<RunReport> = {}): RunReport {
  const documents = sites.reduce((sum, site) => sum + site.documents, 0)
  const kept = sites.reduce((sum, site) => sum + site.kept, 0)
  return {
    version: 1,
    run: { startedAt: '2025-01-02T03:00:00.000Z', durationMs: 1000, configHash: 'cfg', input: ['input'], output: 'output', concurrency: 2, stages: ['validate'], counts: { inputs: 1, documents, kept, rejected: documents - kept, warned: 0, skipped: 0, errors: 0 } },
    stages: [{ name: 'validate', in: documents, kept, dropped: documents - kept, milliseconds: 1, byRule: {}, droppedByRule: {} }],
    inputs: [], errors: [], skipped: [], documents: [], documentsOmitted: 0,
    sites, sitesOmitted: 0, lengths: { edges: [0, 100], kept: [0, kept], rejected: [documents - kept, 0] }, breaches: [],
    ...overrides,
  }
}

/** A finished document for collector tests. */
export function finishedDoc(init: { path: string; url?: string; text: string; title?: string; messages?: DocMessage[] }, sequence = 0): Doc {
  const { messages = [], path, ...rest } = init
  return { ...createDoc({ source: { path, format: 'txt' }, ...rest }, sequence), messages }
}

/** A message as the runner stamps it. */
export function msg(stage: string, rule: string, severity: DocMessage['severity'] = 'info', line?: number): DocMessage {
  return { stage, rule, severity, reason: `${rule} happened.`, ...(line === undefined ? {} : { place: { line } }) }
}
