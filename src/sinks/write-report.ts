/** Writes report.json and report.md atomically (temporary name, then rename). */
import { rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatJson } from '../report/format-json.ts'
import { formatMarkdown } from '../report/format-md.ts'
import type { RunReport } from '../report/types.ts'

async function writeAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`
  await writeFile(temporary, content, 'utf8')
  await rename(temporary, file)
}

/** Writes both report files into `directory`. */
export async function writeReport(directory: string, report: RunReport): Promise<void> {
  await writeAtomic(path.join(directory, 'report.json'), formatJson(report))
  await writeAtomic(path.join(directory, 'report.md'), formatMarkdown(report))
}
