/**
 * Command-line options of `npm run eval`. Wrong options end the eval with exit code 2 and a
 * sentence saying what to write instead.
 */
import { parseArgs } from 'node:util'
import type { Track } from './corpus.ts'

/** What `npm run eval -- …` asked for. */
export interface EvalOptions {
  tracks: Track[]
  limit?: number
  /** Each entry is one extra sluice system with these drop-chrome rules disabled. */
  ablate: string[][]
  json: string
  compare?: string
  checkPython: boolean
  audit: boolean
  help: boolean
}

/** The `--help` text. */
export const USAGE = `usage: npm run eval -- [options]

Scores sluice on ../shared/corpus/dev (or $SLUICE_SHARED/corpus/dev) with the ScrapingHub
4-token-shingle metric, next to the baselines (raw dump on txt, Readability.js + linkedom on html).

  --track txt|html|both   tracks to run (default both)
  --limit N               only the first N pages (by id)
  --ablate RULE[,RULE…]   also run sluice with these drop-chrome rules disabled (repeatable);
                          "each" adds one run per drop-chrome rule
  --json OUT              write the results as JSON (default .eval/last.json)
  --compare PREV.json     show headline and per-page changes against an earlier --json output
  --check-python          also score every run with ../shared/tools/score.py and check agreement
  --skip-audit            skip the "no silent loss" audit of the txt track
  -h, --help              this text

Exit codes: 0 done, 1 --check-python found a disagreement, 2 usage error or corpus missing.`

/** A usage error: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit needs a whole number of pages of at least 1, got "${value}".`)
  return limit
}

function parseTracks(value: string | undefined): Track[] {
  if (value === undefined || value === 'both') return ['txt', 'html']
  if (value === 'txt' || value === 'html') return [value]
  throw new UsageError(`--track must be txt, html or both, got "${value}".`)
}

/** Parses argv (without node and script) into options. */
export function parseEvalArgs(argv: readonly string[]): EvalOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        track: { type: 'string' },
        limit: { type: 'string' },
        ablate: { type: 'string', multiple: true },
        json: { type: 'string' },
        compare: { type: 'string' },
        'check-python': { type: 'boolean' },
        'skip-audit': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See --help.`)
  }
  return {
    tracks: parseTracks(parsed.track),
    limit: parseLimit(parsed.limit),
    ablate: (parsed.ablate ?? []).map((value) => value.split(',').map((rule) => rule.trim()).filter((rule) => rule !== '')),
    json: parsed.json ?? '.eval/last.json',
    compare: parsed.compare,
    checkPython: parsed['check-python'] ?? false,
    audit: !(parsed['skip-audit'] ?? false),
    help: parsed.help ?? false,
  }
}
