/** Spy streams for running the CLI in-process (unified-engine style). */
import type { CliIo } from '../../src/cli/io.ts'

/** An io object whose output is collected into strings. */
export function spyIo(stdinLines: string[] = []): CliIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {
      yield stdinLines.map((line) => `${line}\n`).join('')
    })(),
    out: () => out,
    err: () => err,
  }
}
