/** The streams a command talks to; tests pass spies, the binary passes the process's own. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean }
  stderr: { write(chunk: string): unknown; isTTY?: boolean }
  stdin: AsyncIterable<string | Buffer>
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, rejected: 1, failure: 2 } as const
