/** `--queue` parsing: Redis URLs only, a numeric database, passwords hidden wherever the URL is shown. */
import { describe, expect, it } from 'vitest'
import { parseQueueUrl, runKeys, shardJobId } from '../../src/distributed/queue-url.ts'

describe('parseQueueUrl', () => {
  it.each([
    { input: 'redis://127.0.0.1:6379/0', display: 'redis://127.0.0.1:6379/0' },
    { input: 'redis://queue.internal:6380', display: 'redis://queue.internal:6380' },
    { input: 'rediss://user:secret@queue.internal:6380/2', display: 'rediss://user:***@queue.internal:6380/2' },
  ])('accepts $input', ({ input, display }) => {
    expect(parseQueueUrl(input)).toEqual({ url: new URL(input).href, display })
  })

  it.each([
    { input: 'localhost:6379', error: /Expected `--queue` to start with redis:\/\/ or rediss:\/\// },
    { input: '127.0.0.1:6379', error: /Expected `--queue` to be a Redis URL like/ },
    { input: 'not a url', error: /Expected `--queue` to be a Redis URL like redis:\/\/127\.0\.0\.1:6379\/0/ },
    { input: 'http://127.0.0.1:6379/0', error: /start with redis:\/\// },
    { input: 'redis://127.0.0.1:6379/queue', error: /database in `--queue` to be a number/ },
  ])('refuses $input', ({ input, error }) => {
    expect(() => parseQueueUrl(input)).toThrow(error)
  })
})

describe('run keys', () => {
  it('keeps every key of a run under one prefix, and job ids without colons', () => {
    const keys = runKeys('abc')
    for (const key of [keys.setup, keys.result(3), keys.done, keys.signal]) expect(key.startsWith('sluice:run:abc:')).toBe(true)
    expect(keys.pattern).toBe('sluice:run:abc:*')
    expect(shardJobId('abc', 3)).toBe('abc-3')
  })
})
