/**
 * Baselines for drift: reads a previous report.json (`--baseline FILE`) or the newest report
 * in a history folder (`--history DIR`), and after a run stores the new report there, keeping
 * the last `historySize`. History files are named by their run's start time, so the newest
 * sorts last and a rerun of the same night never overwrites another night.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'

const HISTORY_FILE = /^report-\d{4}-\d{2}-\d{2}T[\d-]+Z\.json$/u

/** Reads and parses a report file; errors are sentences naming the file and what to do. */
export async function readReportFile(file: string): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return { ok: false, reason: `Cannot read the baseline report ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): pass the report.json of an earlier run.` }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, reason: `The baseline ${file} is not valid JSON: pass the report.json of an earlier run.` }
  }
}

async function historyFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).filter((name) => HISTORY_FILE.test(name)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** The newest report in the history folder, or undefined when it is empty or missing. */
export async function newestInHistory(directory: string): Promise<string | undefined> {
  const files = await historyFiles(directory)
  const newest = files.at(-1)
  return newest === undefined ? undefined : path.join(directory, newest)
}

/** Copies `reportFile` into the history as `report-<startedAt>.json` and keeps only the newest `keep`. */
export async function saveToHistory(directory: string, reportFile: string, startedAt: string, keep: number): Promise<string> {
  await mkdir(directory, { recursive: true })
  const target = path.join(directory, `report-${startedAt.replace(/[:.]/gu, '-')}.json`)
  const temporary = `${target}.tmp-${process.pid}`
  await copyFile(reportFile, temporary)
  await rename(temporary, target)
  const files = await historyFiles(directory)
  await Promise.all(files.slice(0, Math.max(0, files.length - keep)).map((name) => rm(path.join(directory, name))))
  return target
}
