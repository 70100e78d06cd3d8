#!/usr/bin/env node
/**
 * The `sluice` command line. Thin on purpose: it parses flags, calls one command, and maps
 * failures to exit code 2. `main` takes its streams as arguments so tests run it in-process.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { Command, CommanderError } from 'commander'
import { cleanTextCommand } from './cli/clean-text-command.ts'
import { explainCommand } from './cli/explain-command.ts'
import { EXIT } from './cli/io.ts'
import type { CliIo } from './cli/io.ts'
import { runCommand } from './cli/run-command.ts'
import { isConfigError } from './core/errors.ts'
import packageJson from '../package.json' with { type: 'json' }

/** `sluice run`: paths may come as arguments or with -i. */
function addRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value]
  program
    .command('run')
    .description('clean every input into OUTPUT/clean.jsonl, rejects.jsonl, report.json, report.md and report.html')
    .argument('[paths...]', 'files or folders to read, as with --input')
    .option('-i, --input <path>', 'file or folder to read (repeatable; default: config `input`)', collect)
    .option('-o, --output <dir>', 'output folder (default: config `output`)')
    .option('-c, --config <file>', 'config file (default: ./pipeline.config.ts when present)')
    .option('--concurrency <n>', 'documents processed at once (default: number of cores)')
    .option('--workers <n>', 'worker threads for the stages; 0 = main thread only (default: number of cores)')
    .option('--strict', 'exit 1 when any document is rejected')
    .option('--baseline <file>', 'compare per-site health with an earlier report.json; drift beyond config `thresholds` exits 1')
    .option('--history <dir>', 'compare with the newest report in DIR, then keep this one there (the last `historySize`)')
    .option('--resume', 'go on from the checkpoint a killed or failed run left in the output folder (starts over when there is none)')
    .option('--incremental <dir>', 'skip inputs unchanged since the last run with the same config (state kept in DIR) and append the new documents to the outputs')
    .option('--queue <url>', 'distributed run: coordinate `sluice worker`s through Redis at URL (redis://HOST:PORT/N)')
    .option('--shard-size <n>', 'with --queue: at most N files, zip entries or JSONL records per shard (default 100)')
    .action(async (paths: string[], flags) => setExit(await runCommand(paths.length === 0 ? flags : { ...flags, input: [...(flags.input ?? []), ...paths] }, io)))
}

/** Distributed mode (BullMQ) is imported only by the commands that use it, so local runs never load it. */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('sluice').description('Clean scraped articles into corpus-ready JSONL, with a report of every change and drop.')
  program.version(packageJson.version, '-V, --version', 'print the version')
  program.exitOverride().configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
  addRunCommand(program, io, setExit)
  program
    .command('worker')
    .description('process shards of distributed runs (`sluice run --queue`) until stopped')
    .requiredOption('--queue <url>', 'Redis URL the coordinator uses (redis://HOST:PORT/N)')
    .option('--concurrency <n>', 'documents processed at once (default: number of cores)')
    .option('--workers <n>', 'worker threads for the stages; 0 = main thread only (default: number of cores)')
    .option('--stall-ms <ms>', "lock time: a killed worker's shard goes to another worker after this long (default 30000)")
    .action(async (flags) => setExit(await (await import('./cli/worker-command.ts')).workerCommand(flags, io)))
  program
    .command('explain <file>')
    .description('show what each stage changed or dropped in one input, rule by rule')
    .option('-c, --config <file>', 'config file')
    .option('--text', 'print the cleaned text of each kept document too')
    .action(async (file: string, flags) => setExit(await explainCommand(file, flags, io)))
  program
    .command('clean-text')
    .description('read {"id","text"} JSON lines on stdin, write cleaned JSON lines on stdout')
    .option('-c, --config <file>', 'config file')
    .option('--stages <names>', 'comma-separated stage names to run (default: all configured stages)')
    .option('--sentences', 'add a `sentences` array to each answer')
    .action(async (flags) => setExit(await cleanTextCommand(flags, io)))
  return program
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok
  const program = buildProgram(io, (value) => {
    code = value
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure
    if (isConfigError(error)) io.stderr.write(`${error.message}\n`)
    else io.stderr.write(`sluice crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT.failure
  }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
  process.exitCode = code
}
