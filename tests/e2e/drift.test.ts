/**
 * Done-when test of issue 8: two nightly runs with `--history`; on the second night one site's
 * layout changes (its pages keep a cookie banner and lose half their text) and another site's
 * scraper returns empty pages. The second report flags both sites, and only them, and the run
 * exits 1 under the default thresholds with the reason as the last line printed.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.ts'
import type { RunReport } from '../../src/report/types.ts'
import { spyIo } from '../helpers/io.ts'
import { writeFeed, writeSiteFolder } from '../report/nightly-fixture.ts'

const PAGES = 12

async function night(root: string, name: string, broken: boolean): Promise<string> {
  const input = path.join(root, name, 'input')
  const seed = broken ? 2000 : 1000
  await writeSiteFolder(input, 'valley-news', { site: 'Valley News', paragraphs: broken ? 5 : 10, cookieBanner: broken }, PAGES, seed + 1)
  await writeSiteFolder(input, 'harbour-times', { site: 'Harbour Times', paragraphs: 10 }, PAGES, seed + 2)
  await writeFeed(path.join(input, 'feeds', 'hill-gazette.jsonl'), 'hill-gazette.example', PAGES, seed + 3, broken)
  return input
}

async function run(root: string, name: string, broken: boolean): Promise<{ code: number; io: ReturnType<typeof spyIo>; report: RunReport }> {
  const input = await night(root, name, broken)
  const output = path.join(root, name, 'output')
  const io = spyIo()
  const code = await main(['run', '--input', input, '--output', output, '--concurrency', '2', '--workers', '0', '--history', path.join(root, 'history')], io)
  return { code, io, report: JSON.parse(await readFile(path.join(output, 'report.json'), 'utf8')) as RunReport }
}

describe('two nightly runs with --history', () => {
  let root: string
  let first: Awaited<ReturnType<typeof run>>
  let second: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sluice-drift-'))
    first = await run(root, 'night-1', false)
    second = await run(root, 'night-2', true)
  }, 60_000)

  it('passes the first night and starts the history', async () => {
    expect(first.code).toBe(0)
    expect(first.io.out()).toContain('this run starts the history')
    expect(first.report.sites.map((site) => site.site).sort()).toEqual(['harbour-times/', 'hill-gazette.example', 'valley-news/'])
    expect(first.report.sites.every((site) => site.kept === PAGES)).toBe(true)
  })

  it('flags the two broken sites, and only them', () => {
    const flags = second.report.drift?.flags ?? []
    expect([...new Set(flags.map((flag) => flag.site))].sort()).toEqual(['hill-gazette.example', 'valley-news/'])
    const kinds = (site: string) => flags.filter((flag) => flag.site === site).map((flag) => flag.kind)
    expect(kinds('hill-gazette.example')).toContain('kept-ratio')
    expect(kinds('valley-news/')).toContain('median-length')
    expect(flags.every((flag) => flag.breach && /from .+ to /u.test(flag.message))).toBe(true)
    expect(second.report.sites.slice(0, 2).map((site) => site.site).sort()).toEqual(['hill-gazette.example', 'valley-news/'])
  })

  it('exits 1 with the reason as the last line printed', () => {
    expect(second.code).toBe(1)
    const last = second.io.err().trimEnd().split('\n').at(-1) ?? ''
    expect(last).toMatch(/^Threshold breached \(exit 1\): /u)
    expect(last).toContain('hill-gazette.example: kept ratio fell from 100% (12 of 12) to 0% (0 of 12)')
    expect(last).toContain('valley-news/: median length fell')
  })

  it('keeps both reports in the history, the newest last', async () => {
    const files = (await readdir(path.join(root, 'history'))).sort()
    expect(files).toHaveLength(2)
    expect(second.report.drift?.baseline.path).toBe(path.join(root, 'history', files[0] as string))
  })

  it('fails fast (exit 2, nothing written) when --baseline cannot be read', async () => {
    const io = spyIo()
    const output = path.join(root, 'never')
    const code = await main(['run', '--input', path.join(root, 'night-1', 'input'), '--output', output, '--baseline', path.join(root, 'missing.json')], io)
    expect(code).toBe(2)
    expect(io.err()).toMatch(/^Cannot read the baseline report .*missing\.json \(ENOENT\): pass the report\.json of an earlier run\./u)
    expect(existsSync(output)).toBe(false)
  })
})
