/**
 * The fuzz targets of `npm run fuzz` at a small count (`npm run fuzz` runs 10,000 cases per
 * target): every stage and every source reader, generated and mutated inputs, no throw and
 * every input accounted for. A failure names the case to rerun with `npm run fuzz`.
 */
import { describe, expect, it } from 'vitest'
import { allTargets, runCases } from '../../scripts/fuzz/targets.ts'

const CASES = 25
const SEED = 20_251_126

describe('fuzz targets (small count)', () => {
  it.each(allTargets().map((target) => ({ name: target.name, target })))('$name', async ({ target }) => {
    const summary = await runCases(target, { seed: SEED, start: 0, count: CASES })
    expect(summary.cases).toBe(CASES)
    expect(summary.failures.map((failure) => `#${failure.index} ${failure.problem} (${failure.input}); rerun: npm run fuzz -- --target ${target.name} --seed ${SEED} --start ${failure.index} --runs 1`)).toEqual([])
  })
})
