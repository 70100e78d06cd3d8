/**
 * One fuzz target in its own process, so the parent can stop a hung case (SIGKILL) and a case
 * that exhausts memory takes down only this process. Reports each case before running it and
 * the summary at the end, over the IPC channel.
 * Usage (by scripts/fuzz.ts): child.ts TARGET SEED START COUNT
 */
import { describeInput } from './inputs.ts'
import { allTargets, runCases } from './targets.ts'

const [name, seed, start, count] = process.argv.slice(2)
const target = allTargets().find((candidate) => candidate.name === name)
if (target === undefined || process.send === undefined) {
  process.stderr.write(`Unknown fuzz target ${name ?? '(none)'}, or no IPC channel.\n`)
  process.exit(2)
}
const send = process.send.bind(process)
const summary = await runCases(target, {
  seed: Number(seed),
  start: Number(start),
  count: Number(count),
  onCase: (index, input) => send({ type: 'case', index, input: describeInput(input) }),
})
send({ type: 'done', summary }, () => process.exit(0))
