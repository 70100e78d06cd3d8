import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { newestInHistory, readReportFile, saveToHistory } from '../../src/sinks/report-history.ts'

describe('report history', () => {
  it('keeps the newest N reports, named by start time', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-history-'))
    const report = path.join(root, 'report.json')
    await writeFile(report, '{}')
    const history = path.join(root, 'history')
    expect(await newestInHistory(history)).toBeUndefined()
    for (const day of ['01', '03', '02', '04']) await saveToHistory(history, report, `2025-01-${day}T06:00:00.000Z`, 3)
    await writeFile(path.join(history, 'notes.txt'), 'not a report')
    expect((await readdir(history)).sort()).toEqual(['notes.txt', 'report-2025-01-02T06-00-00-000Z.json', 'report-2025-01-03T06-00-00-000Z.json', 'report-2025-01-04T06-00-00-000Z.json'])
    expect(await newestInHistory(history)).toBe(path.join(history, 'report-2025-01-04T06-00-00-000Z.json'))
  })

  it('explains a missing or broken baseline file', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-history-'))
    const missing = await readReportFile(path.join(root, 'nope.json'))
    expect(missing).toMatchObject({ ok: false, reason: expect.stringMatching(/^Cannot read the baseline report .*nope.json \(ENOENT\)/u) })
    await writeFile(path.join(root, 'bad.json'), '{')
    expect(await readReportFile(path.join(root, 'bad.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/is not valid JSON/u) })
  })
})
