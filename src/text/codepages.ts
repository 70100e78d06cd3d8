/**
 * The single-byte code pages that UTF-8 text is most often mis-decoded with, as reverse tables
 * (character → byte) built from iconv-lite's own tables, so nothing is typed in by hand.
 *
 * The tables are "sloppy": a byte the code page leaves undefined (0x81 in windows-1252) comes
 * back from its C1 control character (U+0081), which is what lenient decoders produce. The
 * windows-1252 table takes every C1 control, because Latin-1 decoders turn all of 0x80–0x9F
 * into C1 controls and real dumps mix Latin-1 and windows-1252 readings in one string. Other
 * code pages do not: a U+0099 can't come from windows-1250, where 0x99 is "™", and that is how
 * ISO-8859-2 mojibake is told from windows-1250 mojibake.
 */
import iconv from 'iconv-lite'

/** A code page as the repair needs it: which byte each of its high-half characters came from. */
export interface CodePage {
  readonly name: string
  /** Bit of this code page in {@link LEAD_MASK} and {@link CONTINUATION_MASK}. */
  readonly bit: number
  readonly byteOf: ReadonlyMap<number, number>
  /** The same as {@link byteOf} as a table over BMP code units, -1 where there is no byte. */
  readonly byteTable: Int16Array
  /** Continuation bytes this code page has no character for: lossy decoders drop them. */
  readonly lostBytes: readonly number[]
}

/** Most common first: on equal evidence the earlier code page wins. */
const NAMES = ['windows-1252', 'windows-1251', 'windows-1250', 'iso-8859-2', 'windows-1257', 'macintosh', 'cp437'] as const

/**
 * Second readings of a byte that other decoders use: Apple's own MacRoman table (and the
 * WHATWG one browsers use) has the euro sign at 0xDB since 1998 where older tables have the
 * currency sign, Greek Omega at 0xBD where iconv-lite has the Ohm sign U+2126, and the Apple
 * logo (U+F8FF) at 0xF0.
 */
const EXTRA: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {
  macintosh: [
    [0x20ac, 0xdb],
    [0x03a9, 0xbd],
    [0xf8ff, 0xf0],
  ],
}

function buildCodePage(name: string, bit: number): CodePage {
  const byteOf = new Map<number, number>()
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const code = iconv.decode(Buffer.from([byte]), name).codePointAt(0) ?? 0xfffd
    if (code !== 0xfffd && !byteOf.has(code)) byteOf.set(code, byte)
  }
  const defined = new Set(byteOf.values())
  const lostBytes = Array.from({ length: 0x40 }, (_, offset) => 0x80 + offset).filter((byte) => !defined.has(byte))
  for (let byte = 0x80; byte <= 0x9f; byte += 1) {
    if (!byteOf.has(byte) && (name === 'windows-1252' || !defined.has(byte))) byteOf.set(byte, byte)
  }
  for (const [code, byte] of EXTRA[name] ?? []) byteOf.set(code, byte)
  const byteTable = new Int16Array(0x10000).fill(-1)
  for (const [code, byte] of byteOf) byteTable[code] = byte
  return { name, bit: 1 << bit, byteOf, byteTable, lostBytes }
}

/** The code pages tried by the repair, most common first. */
export const CODE_PAGES: readonly CodePage[] = NAMES.map((name, index) => buildCodePage(name, index))

/** UTF-8 lead bytes that can start a valid sequence (C0, C1 and F5–FF never can). */
export function isLeadByte(byte: number): boolean {
  return byte >= 0xc2 && byte <= 0xf4
}

/** UTF-8 continuation bytes. */
export function isContinuationByte(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf
}

function buildMask(test: (byte: number) => boolean): Uint8Array {
  const mask = new Uint8Array(0x10000)
  for (const page of CODE_PAGES) for (const [code, byte] of page.byteOf) if (test(byte)) mask[code] = (mask[code] ?? 0) | page.bit
  return mask
}

/**
 * Per BMP code unit, the code pages in which that character is a UTF-8 lead byte. Together
 * with {@link CONTINUATION_MASK} it makes the "could this be mojibake at all" check a pair of
 * typed-array lookups per character.
 */
export const LEAD_MASK: Uint8Array = buildMask(isLeadByte)

/** Per BMP code unit, the code pages in which that character is a UTF-8 continuation byte. */
export const CONTINUATION_MASK: Uint8Array = (() => {
  const mask = buildMask(isContinuationByte)
  mask[0xfffd] = 0xff
  return mask
})()
