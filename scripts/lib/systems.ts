/**
 * The systems the eval compares on one machine in one run: sluice through the real library API
 * (`runPipeline`, so the figures are what users get), the raw dump as is, and Readability.js on
 * linkedom for HTML.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { defaultStages, runPipeline } from '../../src/index.ts'
import type { DefaultStagesOptions } from '../../src/index.ts'
import { inputFile, matchId } from './corpus.ts'
import type { Corpus, Track } from './corpus.ts'

/** Why sluice rejected a page, from rejects.jsonl. */
export interface Rejection {
  stage: string
  rule: string
  reason: string
  /** Every message on the rejected document (the whole story, for the loss audit). */
  messages: { rule: string; actual?: string }[]
}

/** What one system produced on one track. */
export interface SystemRun {
  name: string
  predictions: Map<string, string>
  rejected: Map<string, Rejection>
  seconds: number
  /** clean.jsonl of a sluice run (for the cross-check with score.py). */
  cleanJsonl?: string
  /** The title sluice gave each page, kept or rejected. */
  titles?: Map<string, string>
}

async function readJsonl(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** The extract methods `--extract` can compare. */
export const EXTRACT_METHODS = ['readability', 'fast'] as const
/** One extract method (the stage's `method` option). */
export type ExtractMethod = (typeof EXTRACT_METHODS)[number]

/** Builds the stage list with drop-chrome rules switched off (`--ablate`) and an extract method (`--extract`). */
export function buildStages(disable: readonly string[], method?: ExtractMethod): ReturnType<typeof defaultStages> {
  const options: DefaultStagesOptions = disable.length === 0 ? {} : { dropChrome: { disable: [...disable] } }
  if (method !== undefined) options.extract = { method }
  return defaultStages(options)
}

/** Runs sluice on the pages of a track into a temp folder and reads back what it wrote. */
export async function runSluice(corpus: Corpus, track: Track, name: string, disable: readonly string[], keep: string, method?: ExtractMethod): Promise<SystemRun> {
  const output = await mkdtemp(path.join(tmpdir(), `sluice-eval-${track}-`))
  const started = performance.now()
  await runPipeline({ input: corpus.ids.map((id) => inputFile(corpus, track, id)), output, concurrency: availableParallelism(), stages: buildStages(disable, method) })
  const seconds = (performance.now() - started) / 1000
  const ids = new Set(corpus.ids)
  const predictions = new Map<string, string>()
  const rejected = new Map<string, Rejection>()
  const titles = new Map<string, string>()
  for (const [file, kept] of [['clean.jsonl', true], ['rejects.jsonl', false]] as const) {
    for (const record of await readJsonl(path.join(output, file))) {
      const id = matchId(String(record.source), ids)
      if (id === undefined) continue
      if (!titles.has(id)) titles.set(id, typeof record.title === 'string' ? record.title : '')
      if (kept) predictions.set(id, String(record.text ?? ''))
      else if (!predictions.has(id)) rejected.set(id, record as unknown as Rejection)
    }
  }
  const cleanJsonl = path.join(keep, `${track}-${name.replace(/[^\w.-]+/g, '_')}.jsonl`)
  await copyFile(path.join(output, 'clean.jsonl'), cleanJsonl)
  await rm(output, { recursive: true, force: true })
  return { name, predictions, rejected, seconds, cleanJsonl, titles }
}

/** The raw text dump as the prediction: what users have before cleaning. */
export async function runRaw(corpus: Corpus): Promise<SystemRun> {
  const started = performance.now()
  const predictions = new Map<string, string>()
  for (const id of corpus.ids) predictions.set(id, await readFile(inputFile(corpus, 'txt', id), 'utf8'))
  return { name: 'raw dump', predictions, rejected: new Map(), seconds: (performance.now() - started) / 1000 }
}

/** Readability.js on linkedom's DOM, the usual Node extractor; a throw counts as an empty output. */
export async function runReadability(corpus: Corpus): Promise<SystemRun> {
  const started = performance.now()
  const predictions = new Map<string, string>()
  for (const id of corpus.ids) {
    const html = await readFile(inputFile(corpus, 'html', id), 'utf8')
    let text = ''
    try {
      const { document } = parseHTML(html)
      text = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? ''
    } catch {
      text = ''
    }
    predictions.set(id, text)
  }
  return { name: 'readability+linkedom', predictions, rejected: new Map(), seconds: (performance.now() - started) / 1000 }
}
