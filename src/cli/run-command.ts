/** `sluice run`: the batch job. Prints a short summary; the details are in the report. */
import { stat } from 'node:fs/promises'
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
  const same = paths.filter((entry) => path.resolve(entry) === path.resolve(output)).map((entry) => `Input ${entry} is also the output folder; give an output folder outside it with --output, or the run would read its own outputs.`)
  const outputIsFile = await stat(output).then((info) => !info.isDirectory(), () => false)
  return [...missing, ...same, ...(outputIsFile ? [`Output ${output} is a file, not a folder; give a folder (new or existing) with --output or as \`output\` in the config.`] : [])]
}

/** Runs the pipeline and returns the exit code (0 ok, 1 strict and rejected or a threshold breached, 2 failure). */
export async function runCommand(flags: ConfigFlags & DriftOptions & SessionOptions & DistributedFlags, io: CliIo): Promise<number> {
  const loaded = await configFromFlags(flags)
  if (!loaded.ok) {
    io.stderr.write(`${loaded.issues.join('\n')}\n`)
    return EXIT.failure
  }
  const problems = await inputProblems(loaded.config.input, loaded.config.output)
  if (problems.length > 0) {
    io.stderr.write(`${problems.join('\n')}\n`)
    return EXIT.failure
  }
  const baseline = await loadBaseline(flags)
  if (baseline.error !== undefined) {
    io.stderr.write(`${baseline.error}\n`)
    return EXIT.failure
  }
  const progress = flags.queue === undefined ? await createProgress(io.stderr) : await createShardProgress(io.stderr)
  let result
  try {
    result =
      flags.queue === undefined
        ? await runPipeline(loaded.config, progress.hooks, { configFile: configOrigin(flags), resume: flags.resume, incremental: flags.incremental })
        : await (await import('./run-distributed.ts')).runDistributedFromFlags(loaded.config, flags, progress, (line) => io.stderr.write(`${line}\n`))
  } catch (error) {
    if (error instanceof RunRefusedError) {
      io.stderr.write(`${error.message}\n`)
      return EXIT.failure
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) throw error
    io.stderr.write(`Cannot write the outputs to ${loaded.config.output}: ${(error as Error).message.replace(/\.$/u, '')}. Check that the folder is writable and the disk has room; no output file was replaced by a partial one.\n`)
    return EXIT.failure
  } finally {
    progress.stop()
  }
  const report = await judgeRun(result, loaded.config, baseline, flags)
  const { counts } = report.run
  io.stdout.write(
    [
      `sluice: ${counts.documents} documents from ${counts.inputs} inputs in ${(result.report.run.durationMs / 1000).toFixed(1)} s`,
      `  kept ${counts.kept} (${counts.warned} with warnings), rejected ${counts.rejected}, unreadable ${counts.errors}, skipped files ${counts.skipped}`,
      ...(result.report.run.cleanFiles ?? [result.outputs.clean]).map((file) => `  ${path.isAbsolute(file) ? file : path.join(result.report.run.output, file)}`),
      `  ${result.outputs.rejects}`,
      `  ${result.outputs.reportMarkdown} (and report.json, report.html)`,
      ...driftLines(report, baseline),
      '',
    ].join('\n'),
  )
  if (result.execution.note !== undefined) io.stderr.write(`${result.execution.note}\n`)
  for (const note of result.notes ?? []) io.stderr.write(`${note}\n`)
  if (result.exitCode === EXIT.rejected) io.stderr.write(`--strict: ${counts.rejected} documents were rejected; see ${result.outputs.rejects}.\n`)
  if (report.breaches.length > 0) {
    io.stderr.write(`${breachSummary(report.breaches)}\n`)
    return EXIT.rejected
  }
  return result.exitCode
}
