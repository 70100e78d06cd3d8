/**
 * The worker pool end to end: the same bytes whatever the worker count, a per-document timeout
 * and a dying worker that reject one document and let the batch go on, and the fallback to the
 * main thread for stages that cannot be rebuilt in a worker.
 */
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load-config.ts'
import { runPipeline, splitStages } from '../../src/core/run.ts'
import { createDoc } from '../../src/core/doc.ts'
import { stageRecipe } from '../../src/core/stage-recipe.ts'
import { createWorkerPool } from '../../src/core/worker-pool.ts'
import type { Stage } from '../../src/core/stage.ts'
import { decode, defaultStages, dropChrome, nearDedupe, segment, siteChrome } from '../../src/stages/index.ts'

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const WORDS = ['river', 'council', 'budget', 'the', 'of', 'and', 'school', 'a', 'to', 'is', 'new', 'plan', 'in', 'for', 'city', 'water']

function paragraph(seed: number, sentences: number): string {
  const out: string[] = []
  for (let s = 0; s < sentences; s += 1) {
    const words = Array.from({ length: 12 + ((seed + s) % 7) }, (_unused, w) => WORDS[(seed * 7 + s * 3 + w * 5) % WORDS.length] as string)
    out.push(`${(words[0] as string).charAt(0).toUpperCase()}${words.join(' ').slice(1)} number ${seed}-${s}.`)
  }
  return out.join(' ')
}

function dump(seed: number): string {
  const body = [paragraph(seed, 3), paragraph(seed + 1, 4), paragraph(seed + 2, 2)]
  return ['Home', 'News', 'Sport', `Council story ${seed}`, 'Share on Facebook', '', ...body.flatMap((text) => [text, '']), '© 2024 Example Media. All rights reserved.', ''].join('\n')
}

function page(seed: number): string {
  return `<!doctype html><html lang="en"><head><title>Page ${seed} | Example</title></head><body><nav><a href="/">Home</a></nav><article><h1>Page ${seed}</h1><p>${paragraph(seed, 4)}</p><p>${paragraph(seed + 3, 3)}</p></article><footer>© Example</footer></body></html>`
}

/** A small mixed tree: dumps (one exact duplicate, one too short), pages, a JSONL and a gz. */
async function makeTree(root: string): Promise<string> {
  const input = path.join(root, 'input')
  await mkdir(path.join(input, 'dumps'), { recursive: true })
  for (let index = 0; index < 14; index += 1) await writeFile(path.join(input, 'dumps', `d${index}.txt`), dump(index))
  await writeFile(path.join(input, 'dumps', 'copy.txt'), dump(3))
  await writeFile(path.join(input, 'dumps', 'short.txt'), 'Too short.\n')
  for (let index = 0; index < 5; index += 1) await writeFile(path.join(input, `p${index}.html`), page(index + 20))
  const records = Array.from({ length: 6 }, (_unused, index) => JSON.stringify({ id: `r${index}`, text: index === 2 ? `HANG-HERE ${dump(42)}` : dump(40 + index) }))
  await writeFile(path.join(input, 'batch.jsonl'), `${records.join('\n')}\n{broken\n`)
  await writeFile(path.join(input, 'more.txt.gz'), gzipSync(dump(60)))
  return input
}

/** A config with a `trap` stage after decode: it spins on "HANG-HERE" and kills its thread on "Page 22". */
async function trapConfig(file: string): Promise<string> {
  const stages = `${pathUrl(path.join(repo, 'src/stages/index.ts'))}`
  const code = [
    `import { defaultStages } from ${JSON.stringify(stages)}`,
    `const trap = { name: 'trap', rules: ['trap/never'], run(doc) {`,
    `  const body = doc.text + (doc.html ?? '')`,
    `  if (body.includes('HANG-HERE')) { const end = Date.now() + 60000; while (Date.now() < end) {} }`,
    `  if (body.includes('Page 22')) process.exit(3)`,
    `  return doc } }`,
    `const stages = defaultStages()`,
    `stages.splice(stages.findIndex((stage) => stage.name === 'decode') + 1, 0, trap)`,
    `export default { stages }`,
  ]
  await writeFile(file, code.join('\n'))
  return file
}

let root = ''
let input = ''
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sluice-workers-'))
  input = await makeTree(root)
})

async function outputs(dir: string): Promise<string[]> {
  return Promise.all(['clean.jsonl', 'rejects.jsonl'].map((name) => readFile(path.join(dir, name), 'utf8')))
}

describe('worker pool', () => {
  it('writes the same bytes on the main thread, one worker and two workers', async () => {
    const results = []
    for (const workers of [0, 1, 2]) {
      const output = path.join(root, `out-${workers}`)
      const result = await runPipeline({ input, output, workers, concurrency: 2 })
      expect(result.execution.mode).toBe(workers === 0 ? 'main-thread' : 'workers')
      results.push(await outputs(output))
    }
    const [inProcess, one, two] = results
    expect(inProcess?.[0]?.split('\n').length).toBeGreaterThan(15)
    expect(inProcess?.[1]).toContain('dedupe-docs/duplicate')
    expect(one).toEqual(inProcess)
    expect(two).toEqual(inProcess)
  })

  it('rejects a document past the timeout and one whose worker dies, and goes on', async () => {
    const configFile = await trapConfig(path.join(root, 'slow.config.mts'))
    const overrides = { input, output: path.join(root, 'out-slow'), workers: 2, documentTimeoutMs: 4000 }
    const loaded = await loadConfig(configFile, overrides)
    if (!loaded.ok) throw new Error(loaded.issues.join('\n'))
    const result = await runPipeline(loaded.config, {}, { configFile: { file: configFile, overrides } })
    expect(result.execution).toEqual({ mode: 'workers', workers: 2 })
    const rejects = (await readFile(result.outputs.rejects, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { source: string; rule: string })
    expect(rejects).toContainEqual(expect.objectContaining({ source: 'batch.jsonl#3', rule: 'runner/timeout' }))
    expect(rejects).toContainEqual(expect.objectContaining({ source: 'p2.html', rule: 'runner/worker-failed' }))
    const [clean] = await outputs(path.join(root, 'out-0'))
    const kept = (await readFile(result.outputs.clean, 'utf8')).split('\n').length
    expect(kept).toBe((clean as string).split('\n').length - 2)
  }, 90_000)

  it('posts the document held behind a timed-out one again, bytes and all', async () => {
    // The held page is over 4 KiB, so it owns its buffer, which a worker starting it would take.
    const held = path.join(root, 'held')
    await mkdir(held, { recursive: true })
    await writeFile(path.join(held, 'a-hang.txt'), `HANG-HERE\n${dump(70)}`)
    await writeFile(path.join(held, 'b-page.html'), page(71).replace('</article>', `<p>${paragraph(72, 40)}</p></article>`))
    const configFile = await trapConfig(path.join(root, 'held.config.mts'))
    const overrides = { input: held, output: path.join(root, 'out-held'), workers: 1, documentTimeoutMs: 2500 }
    const loaded = await loadConfig(configFile, overrides)
    if (!loaded.ok) throw new Error(loaded.issues.join('\n'))
    const result = await runPipeline(loaded.config, {}, { configFile: { file: configFile, overrides } })
    const [clean, rejects] = await outputs(path.join(root, 'out-held'))
    expect(rejects).toContain('runner/timeout')
    expect(clean?.trim().split('\n').map((line) => (JSON.parse(line) as { source: string }).source)).toEqual(['b-page.html'])
    expect(result.execution).toEqual({ mode: 'workers', workers: 1 })
  }, 60_000)

  it('keeps stages built in memory on the main thread, and says why', async () => {
    const custom: Stage = { name: 'shout', rules: ['shout/loud'], run: (doc) => doc }
    const result = await runPipeline({ input: path.join(input, 'dumps'), output: path.join(root, 'out-custom'), workers: 2, stages: [...defaultStages().slice(0, 2), custom] })
    expect(result.execution.mode).toBe('main-thread')
    expect(result.execution.note).toContain('shout')
  })
})

describe('worker pool start-up', () => {
  it("times the ordered stages' prepare steps it runs, so the report can count them", async () => {
    const built = (stages: Stage[]) => {
      const recipe = stageRecipe(stages)
      if (!recipe.ok) throw new Error(recipe.reason)
      return recipe.recipe
    }
    const pool = createWorkerPool({ size: 1, recipe: built([decode(), segment()]), prepare: built([nearDedupe(), siteChrome()]), timeoutMs: 30_000 })
    const doc = createDoc({ source: { path: 'site/a.txt', format: 'txt' }, raw: new TextEncoder().encode('A river ran through the town.\n\nThe bridge held.') }, 0)
    const outcome = await pool.process(doc)
    await pool.close()
    if (outcome.kind !== 'done') throw new Error(`expected a result, got ${outcome.kind}`)
    expect(Object.keys(outcome.result.doc.prepared ?? {}).sort()).toEqual(['near-dedupe', 'site-chrome'])
    expect(Object.keys(outcome.result.prepareMilliseconds ?? {}).sort()).toEqual(['near-dedupe', 'site-chrome'])
    expect(Object.values(outcome.result.prepareMilliseconds ?? {}).every((milliseconds) => milliseconds >= 0)).toBe(true)
  }, 60_000)

  it('fails the run with a sentence when a worker cannot build the same stages', async () => {
    const pool = createWorkerPool({ size: 1, recipe: { kind: 'config', origin: { overrides: {} }, names: ['no-such-stage'] }, timeoutMs: 5000 })
    const doc = createDoc({ source: { path: 'a.txt', format: 'txt' }, text: 'Hello.' }, 0)
    await expect(pool.process(doc)).rejects.toThrow(/Cannot start a worker thread: Worker built stages .* but the run has no-such-stage/)
    await pool.close()
  }, 60_000)
})

describe('stage recipes', () => {
  it('rebuilds built-in stages from their names and options', () => {
    const recipe = stageRecipe([decode(), dropChrome({ knownChrome: ['Weiterlesen'] }), segment()])
    expect(recipe.ok && recipe.recipe.kind).toBe('builtin')
    if (recipe.ok && recipe.recipe.kind === 'builtin') expect(recipe.recipe.stages.find((stage) => stage.name === 'drop-chrome')?.options).toMatchObject({ knownChrome: ['Weiterlesen'] })
  })

  it('rebuilds the default preset with options, including stages whose options are descriptions', () => {
    const recipe = stageRecipe(splitStages(defaultStages({ normalizeQuotes: { mode: 'smart' } })).free)
    expect(recipe.ok && recipe.recipe.kind).toBe('builtin')
  })

  it('does not take a look-alike for the built-in stage', () => {
    const lookalike = { ...dropChrome(), run: (doc: never) => doc }
    expect(stageRecipe([lookalike]).ok).toBe(false)
    expect(stageRecipe([lookalike], { file: '/x/pipeline.config.ts', overrides: {} })).toMatchObject({ ok: true, recipe: { kind: 'config' } })
  })
})

function pathUrl(file: string): string {
  return new URL(`file://${file}`).href
}
