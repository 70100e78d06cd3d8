/**
 * One bench row, run in its own process so its peak RSS is its own:
 * `tsx scripts/bench/row.ts '{"system":"sluice","input":"…","output":"…","workers":2}'`.
 * Systems: `sluice` (the CLI in a child process, as users run it), `io` (the I/O ceiling: the same
 * sources, bytes decoded as UTF-8, one JSONL line per document, no stages) and `readability`
 * (Readability.js on linkedom alone, one thread, HTML files). Prints one JSON line: seconds,
 * documents, kept, peak RSS (process.resourceUsage, worker threads included) and stage times.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { RunReport } from '../../src/report/types.ts'
import { createDoc } from '../../src/core/doc.ts'
import { resolveConfig } from '../../src/config/load-config.ts'
import { createJsonlWriter } from '../../src/sinks/jsonl-writer.ts'
import { readInputs } from '../../src/sources/index.ts'

/** What the parent asks for. */
export interface RowSpec {
  system: 'sluice' | 'io' | 'readability'
  input: string
  output: string
  workers?: number
}

/** What the row measured. */
export interface RowMeasure {
  seconds: number
  /** CPU time of the whole process, all threads: less sensitive than `seconds` to a shared machine. */
  cpuSeconds: number
  documents: number
  kept: number
  maxRssMiB: number
  stages: { name: string; milliseconds: number }[]
}

type Counted = Omit<RowMeasure, 'seconds' | 'cpuSeconds' | 'maxRssMiB'>

/**
 * sluice as users run it: the CLI (`node bin/sluice.js run`, the repo's pipeline.config.ts), in
 * its own process. CPU time and peak RSS come from the run's report.json (`run.resources`).
 */
async function sluice(spec: RowSpec): Promise<Counted & Partial<RowMeasure>> {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sluice.js')
  const child = spawnSync(process.execPath, [cli, 'run', '--input', spec.input, '--output', spec.output, '--workers', String(spec.workers ?? 1)], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] })
  if (child.status !== 0) throw new Error(`sluice run exited with ${child.status} on ${spec.input}; its error is printed above.`)
  const report = JSON.parse(await readFile(path.join(spec.output, 'report.json'), 'utf8')) as RunReport
  const { counts, resources } = report.run
  if (resources === undefined) throw new Error('report.json has no run.resources: the CLI is older than this bench script.')
  return {
    documents: counts.documents,
    kept: counts.kept,
    stages: report.stages.map(({ name, milliseconds }) => ({ name, milliseconds })),
    cpuSeconds: resources.cpuSeconds,
    maxRssMiB: resources.peakRssMiB,
  }
}

async function ioCeiling(spec: RowSpec): Promise<Counted> {
  const settings = resolveConfig({ input: spec.input, output: spec.output, stages: [] })
  if (!settings.ok) throw new Error(settings.issues.join(' '))
  await mkdir(spec.output, { recursive: true })
  const writer = createJsonlWriter(path.join(spec.output, 'clean.jsonl'))
  const decoder = new TextDecoder()
  let documents = 0
  for await (const item of readInputs([spec.input], { fields: settings.config.fields, limits: settings.config.limits })) {
    if (item.kind === 'skipped') continue
    const doc = createDoc(item.init, documents)
    const text = doc.raw === undefined ? (doc.text || doc.html || '') : decoder.decode(doc.raw)
    await writer.write({ id: doc.id, source: doc.source.path, text })
    documents += 1
  }
  await writer.commit()
  return { documents, kept: documents, stages: [] }
}

async function readability(spec: RowSpec): Promise<Counted> {
  const files = readdirSync(spec.input, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
  let kept = 0
  for (const file of files) {
    try {
      const { document } = parseHTML(await readFile(file, 'utf8'))
      const text = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? ''
      if (text.length > 0) kept += 1
    } catch {
      // a throw counts as an empty result, as in `npm run eval`
    }
  }
  return { documents: files.length, kept, stages: [] }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as RowSpec
const systems = { sluice, io: ioCeiling, readability }
const started = performance.now()
const cpuBefore = process.cpuUsage()
const measured = await systems[spec.system](spec)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const own = { cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMiB: process.resourceUsage().maxRSS / 1024 }
process.stdout.write(`${JSON.stringify({ ...own, ...measured, seconds } satisfies RowMeasure)}\n`)
