import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { loadNgramModel, shareNgramModel } from '../../src/text/ngram-load.ts'
import { decodeModel } from '../../src/text/ngram-model.ts'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const NAME = 'garble-classes.bin.gz'

/** Runs `body` in a new worker thread and returns what it posts back. */
function inWorker(body: string): Promise<unknown> {
  const worker = new Worker(`const { parentPort, getEnvironmentData } = require('node:worker_threads');\n${body}`, { eval: true })
  return new Promise((resolve, reject) => {
    worker.once('message', (value) => void worker.terminate().then(() => resolve(value)))
    worker.once('error', reject)
  })
}

describe('shared n-gram models', () => {
  it('hands worker threads the same memory, not a copy', async () => {
    shareNgramModel(NAME)
    const seen = await inWorker(`
      const { arrays } = getEnvironmentData('sluice.ngram-model:${NAME}');
      const shared = arrays.triProb.buffer instanceof SharedArrayBuffer;
      const before = arrays.triProb[0];
      arrays.triProb[0] = (before + 1) % 256;
      parentPort.postMessage({ shared, before });`)
    const model = loadNgramModel(NAME)
    expect(seen).toMatchObject({ shared: true })
    // The worker's write is visible here: one buffer. Put the byte back.
    const { before } = seen as { before: number }
    const { getEnvironmentData } = await import('node:worker_threads')
    const parts = getEnvironmentData(`sluice.ngram-model:${NAME}`) as { arrays: { triProb: Uint8Array } }
    expect(parts.arrays.triProb[0]).toBe((before + 1) % 256)
    parts.arrays.triProb[0] = before
    expect(model.size).toBeGreaterThan(0)
  })

  it('answers exactly like a model decoded from the file', () => {
    shareNgramModel(NAME)
    const shared = loadNgramModel(NAME)
    const fromFile = decodeModel(gunzipSync(readFileSync(new URL(`../../src/text/data/${NAME}`, import.meta.url))))
    for (let u = 0; u < 40; u += 1) for (let v = 0; v < 40; v += 3) for (let w = 0; w < 40; w += 7) expect(shared.logProb(u, v, w)).toBe(fromFile.logProb(u, v, w))
  })
})
