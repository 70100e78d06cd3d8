/**
 * The MinHash inner loop in WebAssembly SIMD: four permutations at once (`i32x4` lanes), so a
 * signature costs a quarter of the scalar mixer calls. Same arithmetic as `fmix32(x ^ seed)` and
 * an unsigned minimum, so signatures are bit-identical to the scalar ones in minhash.ts.
 *
 * The module is assembled here from named opcodes (no toolchain, no binary blob). Its one
 * function, in WebAssembly text format:
 *
 *   (func $minhash (param $shingles i32) (param $count i32) (param $seeds i32) (param $groups i32) (param $out i32)
 *     for $g below $groups:
 *       $seed = v128.load($seeds + 16 * $g); $min = all ones
 *       for $i below $count:
 *         $h = i32x4.splat(i32.load($shingles + 4 * $i)) xor $seed
 *         $h ^= $h >>> 16; $h *= 0x85ebca6b; $h ^= $h >>> 13; $h *= 0xc2b2ae35; $h ^= $h >>> 16
 *         $min = i32x4.min_u($min, $h)
 *       v128.store($out + 16 * $g, $min))
 */

const I32 = 0x7f
const V128 = 0x7b
const SIMD = 0xfd

/** Unsigned LEB128. */
function unsigned(value: number): number[] {
  const bytes: number[] = []
  let rest = value >>> 0
  do {
    const byte = rest & 0x7f
    rest >>>= 7
    bytes.push(rest === 0 ? byte : byte | 0x80)
  } while (rest !== 0)
  return bytes
}

/** Signed LEB128 of a 32-bit integer. */
function signed(value: number): number[] {
  const bytes: number[] = []
  let rest = value | 0
  for (;;) {
    const byte = rest & 0x7f
    rest >>= 7
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)
    bytes.push(done ? byte : byte | 0x80)
    if (done) return bytes
  }
}

const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  i32Load: [0x28, 2, 0],
  i32Const: (value: number) => [0x41, ...signed(value)],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Shl: [0x74],
  v128Load: [SIMD, 0x00, 4, 0],
  v128Store: [SIMD, 0x0b, 4, 0],
  v128AllOnes: [SIMD, 0x0c, ...new Array<number>(16).fill(0xff)],
  splat: [SIMD, 0x11],
  xor: [SIMD, 0x51],
  shrU: [SIMD, ...unsigned(0xad)],
  mul: [SIMD, ...unsigned(0xb5)],
  minU: [SIMD, ...unsigned(0xb7)],
}

// Locals: parameters 0–4, then $g $i (i32), $seed $min $h $c1 $c2 (v128).
const [SHINGLES, COUNT, SEEDS, GROUPS, OUT, G, I, SEED, MIN, H, C1, C2] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]

/** `$h ^= $h >>> shift`. */
const xorShift = (shift: number): number[] => [...op.get(H), ...op.get(H), ...op.i32Const(shift), ...op.shrU, ...op.xor, ...op.set(H)]
/** `$h *= constant`. */
const multiply = (constant: number): number[] => [...op.get(H), ...op.get(constant), ...op.mul, ...op.set(H)]
/** `base + (index << shift)`. */
const address = (base: number, index: number, shift: number): number[] => [...op.get(base), ...op.get(index), ...op.i32Const(shift), ...op.i32Shl, ...op.i32Add]

const INNER: number[] = [
  ...op.i32Const(0), ...op.set(I),
  ...op.block, ...op.loop,
  ...op.get(I), ...op.get(COUNT), ...op.i32GeU, ...op.brIf(1),
  ...address(SHINGLES, I, 2), ...op.i32Load, ...op.splat, ...op.get(SEED), ...op.xor, ...op.set(H),
  ...xorShift(16), ...multiply(C1), ...xorShift(13), ...multiply(C2), ...xorShift(16),
  ...op.get(MIN), ...op.get(H), ...op.minU, ...op.set(MIN),
  ...op.get(I), ...op.i32Const(1), ...op.i32Add, ...op.set(I), ...op.br(0),
  ...op.end, ...op.end,
]

const BODY: number[] = [
  ...[2, 2, I32, 5, V128], // local declarations: 2 × i32, 5 × v128
  ...op.i32Const(0x85ebca6b), ...op.splat, ...op.set(C1),
  ...op.i32Const(0xc2b2ae35), ...op.splat, ...op.set(C2),
  ...op.i32Const(0), ...op.set(G),
  ...op.block, ...op.loop,
  ...op.get(G), ...op.get(GROUPS), ...op.i32GeU, ...op.brIf(1),
  ...address(SEEDS, G, 4), ...op.v128Load, ...op.set(SEED),
  ...op.v128AllOnes, ...op.set(MIN),
  ...INNER,
  ...address(OUT, G, 4), ...op.get(MIN), ...op.v128Store,
  ...op.get(G), ...op.i32Const(1), ...op.i32Add, ...op.set(G), ...op.br(0),
  ...op.end, ...op.end,
  ...op.end,
]

function section(id: number, contents: number[]): number[] {
  return [id, ...unsigned(contents.length), ...contents]
}

function name(text: string): number[] {
  return [...unsigned(text.length), ...[...text].map((char) => char.charCodeAt(0))]
}

const BYTES = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
  ...section(3, [1, 0]),
  ...section(5, [1, 0, 1]),
  ...section(7, [2, ...name('minhash'), 0, 0, ...name('memory'), 2, 0]),
  ...section(10, [1, ...unsigned(BODY.length), ...BODY]),
])

/** The compiled module, or undefined where WebAssembly SIMD is not available. */
const MODULE: WebAssembly.Module | undefined = WebAssembly.validate(BYTES) ? new WebAssembly.Module(BYTES) : undefined

/** Computes signatures for one seed list; owns its WebAssembly memory (create one per stage). */
export type SimdMinHasher = (shingles: Uint32Array) => Uint32Array

const PAGE = 65536

/**
 * A MinHash signer for `seeds` using SIMD for the first `4 × floor(k / 4)` permutations, or
 * undefined when WebAssembly SIMD is unavailable. `rest` computes the remaining positions.
 */
export function createSimdMinHasher(seeds: Uint32Array, rest: (shingles: Uint32Array, signature: Uint32Array, from: number) => void): SimdMinHasher | undefined {
  if (MODULE === undefined) return undefined
  const instance = new WebAssembly.Instance(MODULE)
  const minhash = instance.exports.minhash as (shingles: number, count: number, seeds: number, groups: number, out: number) => void
  const memory = instance.exports.memory as WebAssembly.Memory
  const groups = Math.floor(seeds.length / 4)
  const seedBytes = groups * 16
  new Uint32Array(memory.buffer, 0, groups * 4).set(seeds.subarray(0, groups * 4))
  return (shingles) => {
    const needed = 2 * seedBytes + shingles.length * 4
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE))
    new Uint32Array(memory.buffer, 2 * seedBytes, shingles.length).set(shingles)
    minhash(2 * seedBytes, shingles.length, 0, groups, seedBytes)
    const signature = new Uint32Array(seeds.length).fill(0xffffffff)
    signature.set(new Uint32Array(memory.buffer, seedBytes, groups * 4))
    rest(shingles, signature, groups * 4)
    return signature
  }
}
