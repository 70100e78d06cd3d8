/**
 * Python's `random.Random(seed)` for integer seeds (Mersenne Twister MT19937 seeded through
 * `init_by_array`), with `randrange(n)` as Python 3 draws it. Only so that our bootstrap resamples
 * the same pages as score.py and the ± columns agree; not for anything that needs security.
 */

const N = 624
const M = 397

/** A seeded generator with Python's `getrandbits(k ≤ 32)` and `randrange(n)`. */
export interface PythonRandom {
  getrandbits(k: number): number
  randrange(n: number): number
}

function initGenrand(state: Uint32Array, seed: number): void {
  state[0] = seed >>> 0
  for (let i = 1; i < N; i++) {
    const prev = (state[i - 1] as number) ^ ((state[i - 1] as number) >>> 30)
    state[i] = (Math.imul(1812433253, prev) + i) >>> 0
  }
}

function initByArray(state: Uint32Array, key: readonly number[]): void {
  initGenrand(state, 19650218)
  let i = 1
  let j = 0
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = (state[i - 1] as number) ^ ((state[i - 1] as number) >>> 30)
    state[i] = (((state[i] as number) ^ Math.imul(prev, 1664525)) + (key[j] as number) + j) >>> 0
    i++
    j++
    if (i >= N) { state[0] = state[N - 1] as number; i = 1 }
    if (j >= key.length) j = 0
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = (state[i - 1] as number) ^ ((state[i - 1] as number) >>> 30)
    state[i] = (((state[i] as number) ^ Math.imul(prev, 1566083941)) - i) >>> 0
    i++
    if (i >= N) { state[0] = state[N - 1] as number; i = 1 }
  }
  state[0] = 0x80000000
}

function twist(state: Uint32Array): void {
  for (let k = 0; k < N; k++) {
    const y = ((state[k] as number) & 0x80000000) | ((state[(k + 1) % N] as number) & 0x7fffffff)
    state[k] = ((state[(k + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0
  }
}

/** Splits a non-negative integer seed into 32-bit words, least significant first (Python's key). */
function seedKey(seed: number): number[] {
  let rest = BigInt(Math.abs(Math.trunc(seed)))
  const key: number[] = []
  while (rest > 0n) {
    key.push(Number(rest & 0xffffffffn))
    rest >>= 32n
  }
  return key.length === 0 ? [0] : key
}

/** `random.Random(seed)` of CPython, for integer seeds. */
export function createMt19937(seed: number): PythonRandom {
  const state = new Uint32Array(N)
  initByArray(state, seedKey(seed))
  let index = N
  const next = (): number => {
    if (index >= N) { twist(state); index = 0 }
    let y = state[index++] as number
    y ^= y >>> 11
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0
    return (y ^ (y >>> 18)) >>> 0
  }
  const getrandbits = (k: number): number => {
    if (k < 0 || k > 32) throw new RangeError(`getrandbits supports 0..32 bits here, got ${k}`)
    return k === 0 ? 0 : next() >>> (32 - k)
  }
  const randrange = (n: number): number => {
    if (!(n > 0)) throw new RangeError(`randrange needs a positive bound, got ${n}`)
    const k = Math.trunc(n).toString(2).length
    let r = getrandbits(k)
    while (r >= n) r = getrandbits(k)
    return r
  }
  return { getrandbits, randrange }
}
