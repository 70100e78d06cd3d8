/**
 * Why the CLI may start itself twice: settings that only take effect when a process starts.
 *
 * glibc's malloc raises its mmap threshold every time a large block is freed (up to 32 MiB);
 * after that, freed buffers (models decoded at start-up, messages between threads, files read)
 * stay in the process for reuse instead of going back to the system. A fixed threshold turns
 * that off: a two-worker run's peak RSS drops by about 90 MiB (txt-10mb: 458 → 365 MiB).
 *
 * V8 gives a thread's young generation 16 MiB semi-spaces; 4 MiB is enough for every thread
 * here (the flag overrides the workers' own limit in worker-pool.ts): what a document
 * allocates is short-lived, so scavenges stay cheap. With the growing factor below, peak RSS on
 * html-10k with two workers went 301–302 → 274 MiB (two runs each), and paired runs of html-1k
 * (two workers) and txt-10mb (one worker) took no longer (9.2–11.5 s against 9.8–12.0 s, 8.1–9.7
 * s against 10.2 s).
 *
 * V8 lets each heap grow to up to 4 times what its last full collection left until it has
 * timed a few collections, then settles near 1.75 times: on txt-100mb each worker's heap went
 * from 15 to 63 MiB in its first 14 seconds, until the worker's own heap cap (48 MiB of
 * garbage, src/core/heap-cap.ts) forced a collection, then stayed under 35. A fixed factor of
 * 1.75 from the start removes that first swell (paired runs, two workers: peak RSS 307–331 →
 * 288 MiB on txt-100mb, 290–312 → 270 MiB on html-1k, same time); 1.5 holds less garbage
 * still (html-10k: 287 and 291 MiB alone, against 301–302).
 *
 * Every thread compiles the whole pipeline for itself with TurboFan, again after each
 * deoptimisation: on html-1k with one worker that took 5.5 s of background compile time in a
 * 13 s run, 4.2 s with half the inlining budget.
 *
 * V8 flags are per process, so the workers get them too. So on glibc systems the CLI runs once
 * more as a child with `MALLOC_MMAP_THRESHOLD_` set and the flags in {@link V8_DEFAULTS},
 * unless `MALLOC_MMAP_THRESHOLD_` is already set (any value, so users can choose their own).
 * A flag the user gave on node's command line, or in NODE_OPTIONS (which accepts only the
 * semi-space size of the three), is kept. `sluice worker` is left alone, so distributed
 * workers run with V8's defaults: its first SIGINT means "finish the shards in hand", and a
 * relaunch would deliver a terminal's Ctrl-C twice. Without glibc, or with the variable set,
 * the CLI runs in one process with V8's defaults.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SETTING = 'MALLOC_MMAP_THRESHOLD_'
const THRESHOLD = '131072'
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP']
/** V8 flags the child gets unless the user gave them (see the module comment). */
const V8_DEFAULTS = [
  ['--max-semi-space-size', '4'],
  ['--max-inlined-bytecode-size-cumulative', '460'],
  ['--heap-growing-percent', '50'],
]
/** Names the launcher's pid in the child, so the child knows its IPC channel is the launcher's. */
const LAUNCHER = 'SLUICE_LAUNCHER_PID'

/** The names of node flags as V8 reads them: `--max_semi_space_size=4` is `--max-semi-space-size`. */
function flagNames(flags) {
  return new Set(flags.filter((flag) => flag.startsWith('--')).map((flag) => flag.split('=')[0].replaceAll('_', '-')))
}

function usesGlibc() {
  if (process.platform !== 'linux') return false
  return typeof process.report?.getReport().header.glibcVersionRuntime === 'string'
}

/**
 * Runs the CLI as a child process with those settings and mirrors its exit (code or
 * signal); returns false, doing nothing, when this process should run the CLI itself.
 * `runHere` is the fallback should the child fail to start.
 */
export function relaunchWithSettings(args, runHere) {
  if (process.env[SETTING] !== undefined || args[0] === 'worker' || !usesGlibc()) return false
  const script = fileURLToPath(new URL('./sluice.js', import.meta.url))
  const env = { ...process.env, [SETTING]: THRESHOLD, [LAUNCHER]: String(process.pid) }
  const given = flagNames([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/u)])
  const defaults = V8_DEFAULTS.filter(([flag]) => !given.has(flag)).map(([flag, value]) => `${flag}=${value}`)
  const stdio = ['inherit', 'inherit', 'inherit', 'ipc']
  const child = spawn(process.execPath, [...defaults, ...process.execArgv, script, ...args], { stdio, env })
  const forward = (signal) => child.kill(signal)
  const stopForwarding = () => {
    for (const signal of FORWARDED) process.off(signal, forward)
  }
  for (const signal of FORWARDED) process.on(signal, forward)
  child.on('error', () => {
    stopForwarding()
    runHere()
  })
  child.on('exit', (code, signal) => {
    stopForwarding()
    if (signal === null) process.exitCode = code ?? 1
    else process.kill(process.pid, signal)
  })
  return true
}

/**
 * In the relaunched child: dies with the launcher. Killed with SIGKILL (a supervisor's timeout,
 * the OOM killer), the launcher cannot pass the signal on; its IPC channel closing is the sign,
 * and the child ends the same abrupt way (the checkpoint stays, so `--resume` goes on).
 */
export function followLauncher() {
  if (process.env[LAUNCHER] !== String(process.ppid) || process.channel === undefined) return
  delete process.env[LAUNCHER]
  process.channel.unref()
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))
}
