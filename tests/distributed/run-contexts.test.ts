/**
 * A worker's per-run context: built once from the run setup in Redis, refused for good when
 * the coordinator runs another sluice (fingerprint), and absent once the run is over.
 */
import { UnrecoverableError } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { createDoc } from '../../src/core/doc.ts'
import type { ResultStore } from '../../src/distributed/result-store.ts'
import { createRunContexts } from '../../src/distributed/run-contexts.ts'
import type { RunSetup } from '../../src/distributed/types.ts'
import { resolveConfig } from '../../src/config/load-config.ts'

function setupWith(fingerprint: string): RunSetup {
  const resolved = resolveConfig({})
  if (!resolved.ok) throw new Error(resolved.issues.join(' '))
  const { fields, limits } = resolved.config
  return { version: 1, fingerprint, recipe: { kind: 'builtin', stages: [{ name: 'normalize-quotes', options: { mode: 'ascii' } }] }, sources: { fields, limits }, documentTimeoutMs: 1000 }
}

function storeWith(setup: RunSetup | undefined): { store: ResultStore; loads: () => number } {
  let loads = 0
  const store = {
    loadSetup: async () => {
      loads += 1
      return setup
    },
  } as unknown as ResultStore
  return { store, loads: () => loads }
}

const identity = { workers: 0, concurrency: 2, name: 'host:1', fingerprint: 'same' }

describe('createRunContexts', () => {
  it('builds the stages once per run and runs documents through them', async () => {
    const { store, loads } = storeWith(setupWith('same'))
    const contexts = createRunContexts(store, identity)
    const [first, second] = await Promise.all([contexts.acquire('run-a'), contexts.acquire('run-a')])
    expect(first).toBe(second)
    expect(loads()).toBe(1)
    const result = await first?.executor.process(createDoc({ source: { path: 'a.txt', format: 'txt' }, text: 'It\u2019s \u201Cquoted\u201D.' }, 0))
    expect(result?.doc.text).toBe('It\'s "quoted".')
    contexts.release('run-a')
    contexts.release('run-a')
    await contexts.close()
  })

  it('refuses a run from a coordinator with another fingerprint, without retries', async () => {
    const contexts = createRunContexts(storeWith(setupWith('other')).store, identity)
    const acquired = contexts.acquire('run-b')
    await expect(acquired).rejects.toBeInstanceOf(UnrecoverableError)
    await expect(acquired).rejects.toThrow(/Worker host:1 runs a different sluice \(fingerprint same\) than the coordinator \(other\)/)
  })

  it('gives no context for a run whose setup is gone (the run is over)', async () => {
    const contexts = createRunContexts(storeWith(undefined).store, identity)
    expect(await contexts.acquire('run-c')).toBeUndefined()
  })
})
