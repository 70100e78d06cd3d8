import { describe, expect, it } from 'vitest'
import { createReorder } from '../../src/core/reorder.ts'

describe('createReorder', () => {
  it('emits in sequence order whatever the arrival order', async () => {
    const emitted: number[] = []
    const reorder = createReorder<number>(16, async (value) => {
      emitted.push(value)
    })
    for (const sequence of [3, 1, 0, 4, 2]) reorder.push(sequence, sequence)
    await reorder.drain(5)
    expect(emitted).toEqual([0, 1, 2, 3, 4])
  })

  it('blocks readers until the window has room', async () => {
    const reorder = createReorder<number>(2, async () => undefined)
    let ready = false
    const waiting = reorder.waitForRoom(2).then(() => {
      ready = true
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(ready).toBe(false)
    reorder.push(0, 0)
    await waiting
    expect(ready).toBe(true)
  })

  it('surfaces an emit failure from drain', async () => {
    const reorder = createReorder<number>(4, async () => {
      throw new Error('disk full')
    })
    reorder.push(0, 0)
    await expect(reorder.drain(1)).rejects.toThrow('disk full')
  })

  it('rejects pending and later waits with the first failure it is given', async () => {
    const reorder = createReorder<number>(1, async () => undefined)
    const pending = reorder.waitForRoom(1)
    reorder.fail(new Error('workers could not start'))
    reorder.fail(new Error('a later error'))
    await expect(pending).rejects.toThrow('workers could not start')
    await expect(reorder.waitForRoom(0)).rejects.toThrow('workers could not start')
    await expect(reorder.drain(0)).rejects.toThrow('workers could not start')
  })

  it('fails the waits even when the failure carries no error value', async () => {
    const reorder = createReorder<number>(1, async () => undefined)
    const pending = reorder.waitForRoom(1)
    reorder.fail(undefined)
    await expect(pending).rejects.toBeUndefined()
    await expect(reorder.drain(1)).rejects.toBeUndefined()
  })
})
