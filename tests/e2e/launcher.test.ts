/**
 * bin/sluice.js on glibc Linux: the CLI runs in a child started with a fixed malloc mmap
 * threshold and V8 flags (bin/launcher.mjs says why); the launcher keeps the user's own flags,
 * mirrors the child's exit code and signals, passes SIGTERM on, takes the child with it when
 * killed outright, and leaves the variable to a user who set it.
 */
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sluice.js')
const glibc = process.platform === 'linux' && typeof (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime === 'string'

/** Starts `sluice clean-text` with stdin held open; resolves once the first record came back. */
async function cleanText(env: NodeJS.ProcessEnv = process.env, nodeFlags: string[] = []): Promise<{ launcher: ChildProcessWithoutNullStreams; closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const launcher = spawn(process.execPath, [...nodeFlags, bin, 'clean-text', '--stages', 'decode'], { env })
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.on('close', (code, signal) => resolve({ code, signal })))
  launcher.stdin.write('{"id":1,"text":"Hello   there."}\n')
  await new Promise((resolve) => launcher.stdout.once('data', resolve))
  return { launcher, closed }
}

/** Child processes running sluice (the config loader's esbuild service is another child). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/u)
    .filter((child) => child !== '' && readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('sluice.js'))
    .map(Number)

async function gone(pid: number): Promise<boolean> {
  for (let waited = 0; waited < 10_000 && existsSync(`/proc/${pid}`); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
  return !existsSync(`/proc/${pid}`)
}

describe.skipIf(!glibc)('launcher', () => {
  it('runs the CLI in a child with the fixed threshold and mirrors its exit code', async () => {
    const { launcher, closed } = await cleanText()
    const [child] = childrenOf(launcher.pid as number)
    expect(readFileSync(`/proc/${child}/environ`, 'utf8').split('\0')).toContain('MALLOC_MMAP_THRESHOLD_=131072')
    const flags = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')
    expect(flags).toContain('--max-semi-space-size=4')
    expect(flags).toContain('--max-inlined-bytecode-size-cumulative=460')
    expect(flags).toContain('--heap-growing-percent=50')
    launcher.stdin.end()
    expect(await closed).toEqual({ code: 0, signal: null })
    const unknown = spawn(process.execPath, [bin, 'no-such-command'], { stdio: 'ignore' })
    expect(await new Promise((resolve) => unknown.on('close', resolve))).toBe(2)
  }, 60_000)

  it("keeps the user's own V8 flags, however spelt, instead of its defaults", async () => {
    const { launcher, closed } = await cleanText(process.env, ['--heap_growing_percent=60'])
    const [child] = childrenOf(launcher.pid as number)
    const flags = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')
    expect(flags).toContain('--heap_growing_percent=60')
    expect(flags).not.toContain('--heap-growing-percent=50')
    expect(flags).toContain('--max-semi-space-size=4')
    launcher.stdin.end()
    expect((await closed).code).toBe(0)
  }, 60_000)

  it('passes SIGTERM on, and takes the child along when killed outright', async () => {
    const terminated = await cleanText()
    const [first] = childrenOf(terminated.launcher.pid as number)
    terminated.launcher.kill('SIGTERM')
    expect(await terminated.closed).toEqual({ code: null, signal: 'SIGTERM' })
    expect(await gone(first as number)).toBe(true)
    const killed = await cleanText()
    const [second] = childrenOf(killed.launcher.pid as number)
    killed.launcher.kill('SIGKILL')
    await killed.closed
    expect(await gone(second as number)).toBe(true)
  }, 60_000)

  it('runs in one process when the user set the variable', async () => {
    const { launcher, closed } = await cleanText({ ...process.env, MALLOC_MMAP_THRESHOLD_: '65536' })
    expect(childrenOf(launcher.pid as number)).toEqual([])
    launcher.stdin.end()
    expect((await closed).code).toBe(0)
  }, 60_000)
})
