/** `sluice explain FILE`: every change and drop in one input, stage by stage. */
import { existsSync } from 'node:fs'
import { explainFile } from '../core/explain.ts'
import { formatExplanation } from '../report/format-explain.ts'
import { configFromFlags } from './config.ts'
import type { ConfigFlags } from './config.ts'
import { EXIT } from './io.ts'
import type { CliIo } from './io.ts'

/** Explains `file`; exit 0 when it could be read, 2 when it does not exist or the config is bad. */
export async function explainCommand(file: string, flags: ConfigFlags & { text?: boolean }, io: CliIo): Promise<number> {
  if (!existsSync(file)) {
    io.stderr.write(`Cannot find ${file}: pass the path of an input file to explain.\n`)
    return EXIT.failure
  }
  const loaded = await configFromFlags(flags)
  if (!loaded.ok) {
    io.stderr.write(`${loaded.issues.join('\n')}\n`)
    return EXIT.failure
  }
  const explanation = await explainFile(file, loaded.config)
  io.stdout.write(formatExplanation(explanation, flags.text === true))
  return EXIT.ok
}
