/**
 * Runs of removed lines: stages that remove lines one by one (drop-chrome, quality-filter's C4
 * rules) report one message per run of lines removed for the same reason, not one per line, so
 * a dump's hundreds of comment lines do not become hundreds of messages in rejects.jsonl, in
 * the report and in every message passed between threads.
 */

/** Lines `first`..`last` (0-based, blank lines inside included) removed by `rule`; `count` non-blank lines. */
export interface LineRun<Rule extends string> {
  rule: Rule
  first: number
  last: number
  count: number
}

/** Groups per-line decisions (a rule, or undefined for a kept or blank line) into runs; a kept non-blank line or another rule ends a run. */
export function lineRuns<Rule extends string>(lines: readonly string[], decisions: readonly (Rule | undefined)[]): LineRun<Rule>[] {
  const runs: LineRun<Rule>[] = []
  let run: LineRun<Rule> | undefined
  decisions.forEach((rule, index) => {
    if (rule === undefined) {
      if ((lines[index] ?? '').trim() !== '') run = undefined
    } else if (run?.rule === rule) {
      run.last = index
      run.count += 1
    } else {
      run = { rule, first: index, last: index, count: 1 }
      runs.push(run)
    }
  })
  return runs
}
