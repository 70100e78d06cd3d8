/**
 * Fast, deterministic 32-bit hashing for near-duplicate detection: MurmurHash3 (x86, 32-bit,
 * Austin Appleby's public-domain algorithm) over UTF-16 code units, its `fmix32` finaliser as a
 * cheap bijective mixer, and a seed sequence. Not for security: only spread and speed matter.
 */

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** One MurmurHash3 block step: folds `block` into `hash`; order-sensitive, for combining hashes. */
export function mixBlock(hash: number, block: number): number {
  let k = Math.imul(block, C1)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, C2)
  let h = hash ^ k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/**
 * MurmurHash3 x86_32 of a string's UTF-16 code units, two units per 32-bit block. Hashing code
 * units (not UTF-8 bytes) skips an encoding pass; the result is stable across runs and machines.
 */
export function murmur3(text: string, seed = 0): number {
  return murmur3Range(text, 0, text.length, seed)
}

/** {@link murmur3} of `text.slice(start, end)`, without making the slice. */
export function murmur3Range(text: string, start: number, end: number, seed = 0): number {
  let h = seed | 0
  const length = end - start
  const pairs = start + (length & ~1)
  for (let index = start; index < pairs; index += 2) {
    h = mixBlock(h, text.charCodeAt(index) | (text.charCodeAt(index + 1) << 16))
  }
  if (pairs < end) {
    let k = Math.imul(text.charCodeAt(pairs), C1)
    k = (k << 15) | (k >>> 17)
    h ^= Math.imul(k, C2)
  }
  return fmix32(h ^ (length * 2))
}

/**
 * `count` distinct-looking 32-bit seeds from one integer (SplitMix32-style steps through
 * `fmix32`), so a signature's permutations are fixed by the `seed` option alone.
 */
export function seedSequence(seed: number, count: number): Uint32Array {
  const seeds = new Uint32Array(count)
  let state = seed >>> 0
  for (let index = 0; index < count; index += 1) {
    state = (state + 0x9e3779b9) >>> 0
    seeds[index] = fmix32(state)
  }
  return seeds
}
