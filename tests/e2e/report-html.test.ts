/**
 * report.html in a real browser: Debian's headless Chromium driven by playwright-core opens the
 * report of a drifted second night (with hostile text in a scraped record), and we check that
 * there are no console errors or network requests, the charts and tables render, script in
 * document text stays text, and a drift flag opens its example. Screenshots (phone and desktop)
 * go to $SLUICE_SCREENSHOT_DIR or <tmp>/sluice-report-html/ for a look by eye.
 * Skips, saying why, only when /usr/bin/chromium is missing; `.ci/run` installs it.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.ts'
import { spyIo } from '../helpers/io.ts'
import { writeFeed, writeSiteFolder } from '../report/nightly-fixture.ts'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const available = existsSync(CHROMIUM)
if (!available) console.warn(`report-html e2e skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this).`)

const HOSTILE_FILE = '<img src=x onerror=window.__xss=3>.jsonl'
const HOSTILE_TEXT = 'The council said &lt;script&gt;window.__xss = 1&lt;/script&gt; and &lt;img src=x onerror="window.__xss=2"&gt; were typed into the form by a visitor.'

async function night(root: string, name: string, broken: boolean): Promise<string> {
  const input = path.join(root, name, 'input')
  const seed = broken ? 2000 : 1000
  await writeSiteFolder(input, 'valley-news', { site: 'Valley News', paragraphs: broken ? 5 : 10, cookieBanner: broken }, 12, seed + 1)
  await writeSiteFolder(input, 'harbour-times', { site: 'Harbour Times', paragraphs: 10 }, 12, seed + 2)
  await writeFeed(path.join(input, 'feeds', 'hill-gazette.jsonl'), 'hill-gazette.example', 12, seed + 3, broken)
  const prose = Array.from({ length: 6 }, () => HOSTILE_TEXT).join(' ')
  await writeFile(path.join(input, 'feeds', HOSTILE_FILE), `${JSON.stringify({ url: 'https://hostile.example/a"<b>', title: '<script>window.__xss=4</script>', text: prose })}\n`)
  return input
}

async function report(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-report-html-'))
  for (const [name, broken] of [['night-1', false], ['night-2', true]] as const) {
    const input = await night(root, name, broken)
    await main(['run', '--input', input, '--output', path.join(root, name, 'output'), '--workers', '0', '--history', path.join(root, 'history')], spyIo())
  }
  return path.join(root, 'night-2', 'output', 'report.html')
}

describe.skipIf(!available)('report.html in headless Chromium', () => {
  let browser: Browser
  let page: Page
  const problems: string[] = []
  const screenshots = process.env.SLUICE_SCREENSHOT_DIR ?? path.join(tmpdir(), 'sluice-report-html')
  beforeAll(async () => {
    const file = await report()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`)
    })
    await page.goto(pathToFileURL(file).href)
    await page.waitForSelector('#length-chart[data-rendered="true"]', { timeout: 10_000 })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('loads with no console errors and no network requests', () => {
    expect(problems).toEqual([])
  })

  it('draws both charts with uPlot', async () => {
    for (const id of ['funnel-chart', 'length-chart']) {
      const box = await page.locator(`#${id} canvas`).first().boundingBox()
      expect(box?.width).toBeGreaterThan(200)
      expect(box?.height).toBeGreaterThan(100)
    }
    expect(await page.locator('.uplot').count()).toBe(2)
  })

  it('fills the tables and fits a phone screen', async () => {
    expect(await page.locator('#sites-table tbody tr').count()).toBe(4)
    expect(await page.locator('#sites-table tbody tr.drifted').count()).toBe(2)
    expect(await page.locator('#funnel-table tbody tr').count()).toBeGreaterThan(5)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, 'report-phone.png'), fullPage: true })
  })

  it('keeps script in scraped text as text', async () => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('#examples').textContent()).toContain('<script>window.__xss = 1</script>')
  })

  it('opens the example document a drift flag links to', async () => {
    const link = page.locator('#drift a').first()
    const target = (await link.getAttribute('href'))?.slice(1) ?? ''
    expect(await page.locator(`details#${target}`).evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false)
    await link.click()
    expect(await page.locator(`details#${target}`).evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true)
    expect(await page.locator(`details#${target} .trace li`).count()).toBeGreaterThan(0)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: path.join(screenshots, 'report-desktop.png'), fullPage: true })
  })
})
