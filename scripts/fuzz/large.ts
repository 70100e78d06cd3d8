/**
 * The hostile inputs too big for `npm test` (`npm run fuzz -- --large`): a 200 MB HTML page
 * and a 500 MB text file of a single line, next to ordinary documents, through the real CLI
 * with the default config. Passes when the run exits 0, both big files are rejected with a
 * reason (`runner/too-large` under the default `limits.maxDocumentBytes`) and the ordinary
 * documents are kept; then the page alone with the limit raised to 1 GiB, where `extract`
 * cuts it to `maxHtmlLength` and keeps it. Prints the time of each run.
 */
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { dump, paragraph } from '../../tests/reliability/corpus.ts'

const MB = 1024 * 1024
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

async function writeRepeated(file: string, head: string, piece: string, bytes: number, tail: string): Promise<void> {
  const stream = createWriteStream(file)
  stream.write(head)
  const block = piece.repeat(Math.max(1, Math.floor(MB / piece.length)))
  for (let written = 0; written < bytes; written += block.length) if (!stream.write(block)) await once(stream, 'drain')
  stream.end(tail)
  await once(stream, 'close')
}

function cli(args: string[]): Promise<{ code: number | null; seconds: number; stderr: string }> {
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run', ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, seconds: (Date.now() - started) / 1000, stderr })))
}

async function rejectsOf(output: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(output, 'rejects.jsonl'), 'utf8')
  return new Map(text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { source: string; rule: string }).map((record) => [record.source, record.rule]))
}

/** Runs the big inputs; returns the number of failed checks (each printed). */
export async function runLarge(): Promise<number> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-large-'))
  const input = path.join(root, 'input')
  await mkdir(input)
  await writeRepeated(path.join(input, 'page-200mb.html'), '<!doctype html><html><head><title>Huge</title></head><body><article>', `<p>${paragraph(1, 6)}</p>\n`, 200 * MB, '</article></body></html>')
  await writeRepeated(path.join(input, 'line-500mb.txt'), '', 'the council met on tuesday to discuss the river budget ', 500 * MB, '\n')
  for (let index = 0; index < 5; index += 1) await writeFile(path.join(input, `ordinary-${index}.txt`), dump(index))
  let failed = 0
  const fail = (sentence: string): void => {
    failed += 1
    process.stdout.write(`FAIL large: ${sentence}\n`)
  }
  const run = await cli(['-i', input, '-o', path.join(root, 'out')])
  process.stdout.write(`large: 200 MB page + 500 MB line + 5 documents, default config: exit ${run.code} in ${run.seconds.toFixed(1)} s\n`)
  if (run.code !== 0) fail(`the run exited ${run.code}: ${run.stderr.slice(0, 500)}`)
  const rejects = await rejectsOf(path.join(root, 'out')).catch(() => new Map<string, string>())
  for (const name of ['page-200mb.html', 'line-500mb.txt']) if (rejects.get(name) !== 'runner/too-large') fail(`${name} ended as ${rejects.get(name) ?? 'nothing'}, not runner/too-large`)
  if ([...rejects.keys()].some((name) => name.startsWith('ordinary-'))) fail('an ordinary document was rejected')
  await rm(path.join(input, 'line-500mb.txt'))
  // .mts: worker threads cannot load a .ts config outside an ESM package (reported to the workers owner).
  const config = path.join(root, 'big.config.mts')
  await writeFile(config, `export default { limits: { maxDocumentBytes: ${1024 * MB} } }\n`)
  const page = await cli(['-i', input, '-o', path.join(root, 'out-page'), '-c', config])
  process.stdout.write(`large: 200 MB page with maxDocumentBytes 1 GiB: exit ${page.code} in ${page.seconds.toFixed(1)} s\n`)
  if (page.code !== 0) fail(`the raised-limit run exited ${page.code}: ${page.stderr.slice(0, 500)}`)
  else if ((await rejectsOf(path.join(root, 'out-page'))).has('page-200mb.html')) fail('the 200 MB page was rejected with the limit raised; extract should cut it and keep it')
  await rm(root, { recursive: true, force: true })
  return failed
}
