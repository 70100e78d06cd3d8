/** `sluice run`: the batch job. Prints a short summary; the details are in the report. */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { RunRefusedError } from '../core/checkpoint.ts'
import { runPipeline } from '../core/run.ts'
import type { SessionOptions } from '../core/run-session.ts'
import { configFromFlags, configOrigin } from './config.ts'
import type { ConfigFlags } from './config.ts'
import { breachSummary } from '../report/thresholds.ts'
import { driftLines, judgeRun, loadBaseline } from './run-verdict.ts'
import type { DriftOptions } from './run-verdict.ts'
import { EXIT } from './io.ts'
import type { CliIo } from './io.ts'
import { createProgress } from './progress.ts'
import type { DistributedFlags } from './run-distributed.ts'
import { createShardProgress } from './shard-progress.ts'

/**
 * A sentence for each input path that does not exist, and for an input folder that is also the
 * output folder, and for an output that is a file. A typo in a nightly job's path must fail the
 * job (exit 2), not pass as a run with one unreadable input; an output folder inside an input
 * folder is skipped by the walk.
 */
async function inputProblems(input: string | readonly string[], output: string): Promise<string[]> {
  const paths = typeof input === 'string' ? [input] : input
  const exists = await Promise.all(paths.map((entry) => stat(entry).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT')))
  const missing = paths.filter((_, at) => !exists[at]).map((entry) => `Input ${entry} does not exist (looked for ${path.resolve(entry)}); check the path given with --input or as \`input\` in the config.`)
  // Real paths: a symbolic link must not hide that the two are one folder.
  const real = (entry: string): Promise<string> => realpath(entry).catch(() => path.resolve(entry))
  const [outputReal, ...inputReals] = await Promise.all([output, ...paths].map(real))
  const same = paths.filter((_, at) => inputReals[at] === outputReal).map((entry) => `Input ${entry} is also the output folder; give an output folder outside it with --output, or the run would read its own outputs.`)
  const outputIsFile = await stat(output).then((info) => !info.isDirectory(), () => false)
  return [...missing, ...same, ...(outputIsFile ? [`Output ${output} is a file, not a folder; give a folder (new or existing) with --output or as \`output\` in the config.`] : [])]
}

type RunFlags = ConfigFlags & DriftOptions & SessionOptions & DistributedFlags
type Loaded = Extract<Awaited<ReturnType<typeof configFromFlags>>, { ok: true }>
type Outcome = Awaited<ReturnType<typeof runPipeline>>

/** The config, after every check that can refuse the run before it starts; or the sentences saying why not. */
async function prepare(flags: RunFlags): Promise<{ loaded: Loaded; baseline: Awaited<ReturnType<typeof loadBaseline>> } | { problems: string[] }> {
  const loaded = await configFromFlags(flags)
  if (!loaded.ok) return { problems: loaded.issues }
  const problems = await inputProblems(loaded.config.input, loaded.config.output)
  if (problems.length > 0) return { problems }
  const baseline = await loadBaseline(flags)
  return baseline.error === undefined ? { loaded, baseline } : { problems: [baseline.error] }
}

/** Runs locally or through the queue; a refusal or an output that cannot be written becomes a sentence. */
async function execute(flags: RunFlags, loaded: Loaded, io: CliIo): Promise<Outcome | string> {
  const progress = flags.queue === undefined ? await createProgress(io.stderr) : await createShardProgress(io.stderr)
  try {
    return flags.queue === undefined
      ? await runPipeline(loaded.config, progress.hooks, { configFile: configOrigin(flags), resume: flags.resume, incremental: flags.incremental })
      : await (await import('./run-distributed.ts')).runDistributedFromFlags(loaded.config, flags, progress, (line) => io.stderr.write(`${line}\n`))
  } catch (error) {
    if (error instanceof RunRefusedError) return error.message
    if ((error as NodeJS.ErrnoException).code === undefined) throw error
    return `Cannot write the outputs to ${loaded.config.output}: ${(error as Error).message.replace(/\.$/u, '')}. Check that the folder is writable and the disk has room; no output file was replaced by a partial one.`
  } finally {
    progress.stop()
  }
}

/** The summary on stdout: counts and the files written. */
function summaryLines(result: Outcome, counts: Outcome['report']['run']['counts']): string[] {
  return [
    `sluice: ${counts.documents} documents from ${counts.inputs} inputs in ${(result.report.run.durationMs / 1000).toFixed(1)} s`,
    `  kept ${counts.kept} (${counts.warned} with warnings), rejected ${counts.rejected}, unreadable ${counts.errors}, skipped files ${counts.skipped}`,
    ...(result.report.run.cleanFiles ?? [result.outputs.clean]).map((file) => `  ${path.isAbsolute(file) ? file : path.join(result.report.run.output, file)}`),
    `  ${result.outputs.rejects}`,
    `  ${result.outputs.reportMarkdown} (and report.json, report.html)`,
  ]
}

/** Runs the pipeline and returns the exit code (0 ok, 1 strict and rejected or a threshold breached, 2 failure). */
export async function runCommand(flags: RunFlags, io: CliIo): Promise<number> {
  const prepared = await prepare(flags)
  if ('problems' in prepared) {
    io.stderr.write(`${prepared.problems.join('\n')}\n`)
    return EXIT.failure
  }
  const { loaded, baseline } = prepared
  const result = await execute(flags, loaded, io)
  if (typeof result === 'string') {
    io.stderr.write(`${result}\n`)
    return EXIT.failure
  }
  const report = await judgeRun(result, loaded.config, baseline, flags)
  const { counts } = report.run
  io.stdout.write([...summaryLines(result, counts), ...driftLines(report, baseline), ''].join('\n'))
  if (result.execution.note !== undefined) io.stderr.write(`${result.execution.note}\n`)
  for (const note of result.notes ?? []) io.stderr.write(`${note}\n`)
  if (result.exitCode === EXIT.rejected) io.stderr.write(`--strict: ${counts.rejected} documents were rejected; see ${result.outputs.rejects}.\n`)
  if (report.breaches.length === 0) return result.exitCode
  io.stderr.write(`${breachSummary(report.breaches)}\n`)
  return EXIT.rejected
}
