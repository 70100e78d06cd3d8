/**
 * Byte statistics behind charset detection: UTF-16 by its NUL pattern or its code units, UTF-8 by its sequence
 * structure, and the legacy charsets by chardet's n-gram models, trusted only where they beat
 * the windows-1252 default by a clear margin (short Western text fools every model).
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** Counts of well-formed multi-byte UTF-8 sequences and of bytes that break UTF-8. */
export interface Utf8Statistics {
  multiByte: number
  invalid: number
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/** Whether the bytes after `lead` at `at` continue a legal sequence (no overlongs or surrogates). */
function continues(bytes: Uint8Array, at: number, length: number): boolean {
  const lead = bytes[at] ?? 0
  const second = bytes[at + 1] ?? 0
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
  if (second < low || second > high) return false
  for (let offset = 2; offset < length; offset += 1) {
    const byte = bytes[at + offset] ?? 0
    if (byte < 0x80 || byte > 0xbf) return false
  }
  return true
}

/** Scans `bytes` as UTF-8; a sequence cut by the end of the sample is not counted either way. */
export function utf8Statistics(bytes: Uint8Array): Utf8Statistics {
  let multiByte = 0
  let invalid = 0
  let at = 0
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0
    if (lead < 0x80) {
      at += 1
      continue
    }
    const length = sequenceLength(lead)
    if (length > 0 && at + length > bytes.length) break
    if (length > 0 && continues(bytes, at, length)) {
      multiByte += 1
      at += length
    } else {
      invalid += 1
      at += 1
    }
  }
  return { multiByte, invalid }
}

/**
 * UTF-16 without a BOM: text in Latin scripts has a NUL in every other byte. Needs a clear
 * majority so that a binary file with scattered NULs is not taken for UTF-16.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2)
  if (pairs < 2) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let pair = 0; pair < pairs; pair += 1) {
    if (bytes[pair * 2] === 0) evenNul += 1
    if (bytes[pair * 2 + 1] === 0) oddNul += 1
  }
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.02) return 'utf-16le'
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.02) return 'utf-16be'
  return undefined
}

/** Code unit ranges of text in the common scripts, for {@link sniffWideText}. */
const PLAUSIBLE_UNITS: readonly (readonly [number, number])[] = [
  [0x09, 0x0a], [0x0d, 0x0d], [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x52f], [0x590, 0x6ff], [0x900, 0xdff], [0xe00, 0xe7f],
  [0x2000, 0x206f], [0x3000, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef],
]

function isPlausibleUnit(unit: number): boolean {
  return PLAUSIBLE_UNITS.some(([low, high]) => unit >= low && unit <= high)
}

/** How `bytes` read as UTF-16 of one byte order: shares of plausible units and of units whose low byte is ≥ 0x80, and unpaired surrogates. */
function wideReading(bytes: Uint8Array, littleEndian: boolean): { plausible: number; highLow: number; unpaired: number } {
  const units = Math.floor(bytes.length / 2)
  let plausible = 0
  let highLow = 0
  let unpaired = 0
  for (let at = 0; at < units; at += 1) {
    const [low, high] = littleEndian ? [bytes[at * 2] ?? 0, bytes[at * 2 + 1] ?? 0] : [bytes[at * 2 + 1] ?? 0, bytes[at * 2] ?? 0]
    const unit = (high << 8) | low
    if (low >= 0x80) highLow += 1
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < units) {
      const next = littleEndian ? (bytes[at * 2 + 3] ?? 0) : (bytes[at * 2 + 2] ?? 0)
      if (next >= 0xdc && next <= 0xdf) [plausible, at] = [plausible + 2, at + 1]
      else unpaired += 1
    } else if (unit >= 0xd800 && unit <= 0xdfff) unpaired += 1
    else if (isPlausibleUnit(unit)) plausible += 1
  }
  return { plausible: plausible / units, highLow: highLow / units, unpaired }
}

/**
 * Whether `bytes` are well-formed Shift_JIS (single bytes, and lead bytes each followed by a
 * legal trail byte). Shift_JIS lead bytes 0x81–0x9F read as UTF-16BE land in the Han block, so
 * a Shift_JIS file would pass as UTF-16BE; UTF-16BE text is rarely well-formed Shift_JIS. (Read
 * as UTF-16LE, Shift_JIS puts its trail bytes high and fails the plausibility test by itself.)
 */
function isShiftJis(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at] ?? 0
    if (byte < 0x80 || (byte >= 0xa1 && byte <= 0xdf)) continue
    if (!((byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc))) return false
    const trail = bytes[at + 1]
    if (trail === undefined) return true
    if (trail < 0x40 || trail === 0x7f || trail > 0xfc) return false
    at += 1
  }
  return true
}

/**
 * UTF-16 without a BOM and without the NULs of Latin text: Chinese, Japanese, Korean, Thai…
 * Only for bytes that are not UTF-8. Read in one byte order, at least 95% of the units must be
 * in a common script's block, every surrogate paired, and a fifth of the units must have a low
 * byte of 0x80 or more: text in an 8-bit charset read as UTF-16 gives units made of two ASCII
 * letters, which land in the Han block too ("Bush hid the facts"), but never that share; and
 * well-formed Shift_JIS is never taken for UTF-16BE.
 */
export function sniffWideText(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1)
  if (sample.length < 16) return undefined
  for (const [encoding, littleEndian] of [['utf-16le', true], ['utf-16be', false]] as const) {
    const reading = wideReading(sample, littleEndian)
    if (reading.unpaired === 0 && reading.plausible >= 0.95 && reading.highLow >= 0.2 && (littleEndian || !isShiftJis(sample))) return encoding
  }
  return undefined
}

/** chardet's names mapped to what sluice decodes with (WHATWG: ISO-8859-1 and -9 are windows-*). */
const CHARDET_NAMES: Readonly<Record<string, string>> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-9': 'windows-1254',
  'windows-1252': 'windows-1252',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'KOI8-R': 'koi8-r',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'GB18030': 'gb18030',
  'Big5': 'big5',
}

/** ISO charsets whose windows sibling also has letters and punctuation in 0x80-0x9F. */
const WINDOWS_SIBLING: Readonly<Record<string, string>> = {
  'iso-8859-2': 'windows-1250',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
}

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'gb18030', 'big5'])
/** Scripts with no ASCII letters: a model that recognises them is rarely wrong. */
const NON_LATIN = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'windows-1253', 'iso-8859-7', 'windows-1255', 'iso-8859-8', 'windows-1256', 'iso-8859-6'])

/** Bytes chardet reads: enough for its n-gram statistics at ~5 ms per file. */
const CHARDET_SAMPLE = 32 * 1024
const WESTERN_DEFAULT = 'windows-1252'

/** Fewer accented letters than this cannot tell Latin charsets apart; windows-1252 is likelier. */
const MIN_HIGH_BYTES_FOR_LATIN = 8

function countHighBytes(bytes: Uint8Array): number {
  let count = 0
  for (const byte of bytes) if (byte >= 0x80) count += 1
  return count
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  // The sample may end mid-character; only the last two characters may be replacements.
  return !iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding).slice(0, -2).includes('\uFFFD')
}

/**
 * Picks a legacy charset for bytes that are not UTF-8 or UTF-16. windows-1252 is the default
 * (browsers' Western fallback); chardet overrides it for CJK double-byte text, for non-Latin
 * scripts, and for other Latin charsets only with enough accented letters and a margin of 15 points.
 */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, CHARDET_SAMPLE)
  const matches = chardet.analyse(sample)
  const enoughForLatin = countHighBytes(sample) >= MIN_HIGH_BYTES_FOR_LATIN
  const western = Math.max(0, ...matches.filter((match) => CHARDET_NAMES[match.name] === WESTERN_DEFAULT).map((match) => match.confidence))
  for (const match of matches) {
    const name = CHARDET_NAMES[match.name]
    if (name === undefined) continue
    if (name === WESTERN_DEFAULT) return WESTERN_DEFAULT
    const sibling = WINDOWS_SIBLING[name]
    const encoding = sibling !== undefined && hasC1Bytes(sample) ? sibling : name
    if (MULTI_BYTE.has(encoding) && match.confidence >= 50 && decodesCleanly(sample, encoding)) return encoding
    if (NON_LATIN.has(encoding) && match.confidence >= 30) return encoding
    if (enoughForLatin && !MULTI_BYTE.has(encoding) && !NON_LATIN.has(encoding) && match.confidence >= 40 && match.confidence >= western + 15) return encoding
  }
  return WESTERN_DEFAULT
}
