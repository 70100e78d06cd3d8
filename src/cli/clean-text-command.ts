/** `sluice clean-text`: JSON lines on stdin → cleaned JSON lines on stdout. */
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { cleanTextLines } from '../core/clean-text.ts'
import type { Stage } from '../core/stage.ts'
import { splitSentences } from '../text/sentences.ts'
import { configFromFlags } from './config.ts'
import type { ConfigFlags } from './config.ts'
import { EXIT } from './io.ts'
import type { CliIo } from './io.ts'

function selectStages(stages: readonly Stage[], names: string | undefined): Stage[] | string {
  if (names === undefined) return [...stages]
  const wanted = names.split(',').map((name) => name.trim()).filter((name) => name.length > 0)
  const known = new Set(stages.map((stage) => stage.name))
  const unknown = wanted.filter((name) => !known.has(name))
  if (unknown.length > 0) return `Unknown stage ${unknown.map((name) => `\`${name}\``).join(', ')} in --stages: choose from ${[...known].join(', ')}.`
  return stages.filter((stage) => wanted.includes(stage.name))
}

/** Streams answers in input order; exit 0 unless the config or flags are wrong. */
export async function cleanTextCommand(flags: ConfigFlags & { stages?: string; sentences?: boolean }, io: CliIo): Promise<number> {
  const loaded = await configFromFlags(flags)
  if (!loaded.ok) {
    io.stderr.write(`${loaded.issues.join('\n')}\n`)
    return EXIT.failure
  }
  const stages = selectStages(loaded.config.stages, flags.stages)
  if (typeof stages === 'string') {
    io.stderr.write(`${stages}\n`)
    return EXIT.failure
  }
  const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Infinity })
  for await (const answer of cleanTextLines(lines, stages, flags.sentences === true ? splitSentences : undefined)) {
    io.stdout.write(`${JSON.stringify(answer)}\n`)
  }
  return EXIT.ok
}
