/**
 * A throwaway cluster for the distributed tests: a real `redis-server` on a free loopback port
 * (no persistence), and sluice processes (`node --import tsx src/cli.ts …`, one process each,
 * so a SIGKILL really kills the worker). Everything started is tracked and `stop()` ends it all;
 * a missing or failing redis-server throws, so CI fails loudly instead of skipping.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A spawned process, its stderr lines, and a way to wait for one of them. */
export interface Spawned {
  child: ChildProcess
  lines: string[]
  /** Resolves with the `count`-th stderr line matching `pattern` (counting lines already seen). */
  waitFor(pattern: RegExp, timeoutMs: number, count?: number): Promise<string>
  exited: Promise<number | null>
}

/** A loopback port nothing listens on (at the moment of asking). */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

function track(child: ChildProcess, stream: NodeJS.ReadableStream | null): Spawned {
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let pending = ''
  stream?.setEncoding('utf8')
  stream?.on('data', (chunk: string) => {
    pending += chunk
    const parts = pending.split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const waitFor = (pattern: RegExp, timeoutMs: number, count = 1): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = lines.filter((line) => pattern.test(line))
        if (found.length < count) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve(found[count - 1] as string)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`No line matching ${pattern} (×${count}) within ${timeoutMs} ms; output so far:\n${lines.join('\n')}`))
      }, timeoutMs)
      waiters.add(check)
      check()
    })
  return { child, lines, waitFor, exited }
}

/** Starts Redis and keeps track of every process started through it. */
export async function startCluster(): Promise<{ url(database?: number): string; sluice(args: string[], env?: NodeJS.ProcessEnv): Spawned; stop(): Promise<void> }> {
  const port = await freePort()
  const started: Spawned[] = []
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const redis = track(child, child.stdout)
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Cannot start redis-server (${error.message}): install it (apt-get install redis-server; .ci/run does this).`)))
    void redis.exited.then((code) => reject(new Error(`redis-server exited with code ${code} before it was ready:\n${redis.lines.join('\n')}`)))
  })
  failed.catch(() => {})
  try {
    await Promise.race([redis.waitFor(/Ready to accept connections/, 10_000), failed])
  } catch (error) {
    if (child.pid !== undefined) child.kill('SIGKILL')
    throw error
  }
  started.push(redis)
  return {
    url: (database = 0) => `redis://127.0.0.1:${port}/${database}`,
    sluice(args, env = {}) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
      const spawned = track(child, child.stderr)
      started.push(spawned)
      return spawned
    },
    async stop() {
      for (const running of started.reverse()) {
        if (running.child.pid === undefined) continue
        if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL')
        await running.exited
      }
    },
  }
}
