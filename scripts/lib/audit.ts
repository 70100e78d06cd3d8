/**
 * "No silent loss" (issue 4): every line of the raw dump that carries article text and is missing
 * from sluice's output must be on record as a message, so `sluice explain` shows why it went.
 * Scored figures come from `runPipeline`; the messages of kept documents come from `explainFile`
 * (the same sources and stages), run only on pages that lost something.
 */
import { readFile } from 'node:fs/promises'
import { explainFile, resolveConfig } from '../../src/index.ts'
import type { ResolvedConfig, Stage } from '../../src/index.ts'
import { inputFile } from './corpus.ts'
import type { Corpus } from './corpus.ts'
import { clip } from './reasons.ts'
import { lostLines, mentions } from './loss.ts'
import type { SystemRun } from './systems.ts'

/** What the audit found on one track. */
export interface AuditResult {
  /** Raw lines with article text that are (mostly) missing from the output. */
  lost: number
  /** …of which no message mentions. */
  silent: number
  pagesWithSilentLoss: number
  /** Which rule's message covers the lost lines (the first that mentions each line; `rejected` for rejected pages). */
  byRule: Record<string, number>
  examples: { id: string; line: string }[]
}

async function keptMessages(file: string, config: ResolvedConfig): Promise<{ rule: string; actual?: string }[]> {
  const explanation = await explainFile(file, config)
  return explanation.documents.flatMap((document) => document.doc.messages)
}

/** Audits the txt track of a sluice run: lost article lines and whether a message covers each. */
export async function auditLosses(corpus: Corpus, run: SystemRun, stages: Stage[]): Promise<AuditResult> {
  const resolved = resolveConfig({ stages })
  if (!resolved.ok) throw new Error(`The eval's stage list is not a valid config: ${JSON.stringify(resolved.issues)}`)
  const result: AuditResult = { lost: 0, silent: 0, pagesWithSilentLoss: 0, byRule: {}, examples: [] }
  const tally = (rule: string, n = 1) => { result.byRule[rule] = (result.byRule[rule] ?? 0) + n }
  for (const id of corpus.ids) {
    const file = inputFile(corpus, 'txt', id)
    const lost = lostLines(await readFile(file, 'utf8'), corpus.truth.get(id) ?? '', run.predictions.get(id) ?? '')
    result.lost += lost.length
    if (lost.length === 0) continue
    // A rejected page is on record as a whole: its reject says why every line went.
    if (run.rejected.has(id)) { tally('rejected', lost.length); continue }
    const messages = await keptMessages(file, resolved.config)
    const silent = lost.filter((line) => {
      const message = messages.find((candidate) => mentions(candidate.actual, line.tokens, line.line))
      if (message !== undefined) tally(message.rule)
      return message === undefined
    })
    result.silent += silent.length
    if (silent.length > 0) result.pagesWithSilentLoss += 1
    for (const line of silent.slice(0, 2)) if (result.examples.length < 10) result.examples.push({ id, line: clip(line.line, 90) })
  }
  return result
}
