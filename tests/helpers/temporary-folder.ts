/**
 * Vitest global setup: every temporary folder the tests make (`mkdtemp(os.tmpdir() …)`, and the
 * CLI runs they spawn) goes under one folder for this test run, removed when the run ends, so
 * repeated runs do not fill the system's temporary folder. Set through `TMPDIR`, which
 * `os.tmpdir()` reads on every call and the forked test workers inherit.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Points TMPDIR at a fresh folder; the returned teardown removes it. */
export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const folder = mkdtempSync(path.join(tmpdir(), 'sluice-tests-'))
  process.env.TMPDIR = folder
  return () => {
    rmSync(folder, { recursive: true, force: true })
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
  }
}
