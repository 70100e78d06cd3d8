/** Writes report.json, report.md and report.html atomically (temporary name, then rename). */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { formatHtml } from '../report/format-html.ts'
import type { HtmlAssets } from '../report/format-html.ts'
import { formatJson } from '../report/format-json.ts'
import { formatMarkdown } from '../report/format-md.ts'
import type { RunReport } from '../report/types.ts'

async function writeAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`
  await writeFile(temporary, content, 'utf8')
  await rename(temporary, file)
}

/** uPlot's minified script and stylesheet from node_modules, inlined so report.html needs no network. */
export async function loadHtmlAssets(): Promise<HtmlAssets> {
  const require = createRequire(import.meta.url)
  const [chartScript, chartCss] = await Promise.all([
    readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  ])
  return { chartScript, chartCss }
}

/** Writes the three report files into `directory`. */
export async function writeReport(directory: string, report: RunReport): Promise<void> {
  await writeAtomic(path.join(directory, 'report.json'), formatJson(report))
  await writeAtomic(path.join(directory, 'report.md'), formatMarkdown(report))
  await writeAtomic(path.join(directory, 'report.html'), formatHtml(report, await loadHtmlAssets()))
}
