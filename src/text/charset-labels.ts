/**
 * Charset labels as browsers read them (WHATWG Encoding Standard, the labels that matter on the
 * scraped web). Pages that say `iso-8859-1` or `us-ascii` are decoded as windows-1252 because
 * that is what their authors' tools wrote and what every browser shows.
 */
import iconv from 'iconv-lite'

const ALIASES: Readonly<Record<string, string>> = {
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  'ascii': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso88591': 'windows-1252',
  'iso-ir-100': 'windows-1252',
  'latin1': 'windows-1252',
  'l1': 'windows-1252',
  'cp819': 'windows-1252',
  'ibm819': 'windows-1252',
  'csisolatin1': 'windows-1252',
  'cp1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'latin5': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'x-gbk': 'gb18030',
  'chinese': 'gb18030',
  'csgb2312': 'gb18030',
  'sjis': 'shift_jis',
  'x-sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  'x-mac-roman': 'macintosh',
}

/** Encodings whose declaration cannot be true in a file we could read the declaration from. */
const WIDE = /^(utf-?16|utf-?32|ucs-?2|ucs-?4|unicode)(le|be|-le|-be)?$/

/**
 * Maps a declared label to the encoding name sluice decodes with, or `undefined` when the label
 * is unknown or cannot be right (a UTF-16 declaration readable as ASCII is not UTF-16).
 */
export function canonicalEncoding(label: string): string | undefined {
  const key = label.trim().toLowerCase()
  if (key === '' || WIDE.test(key)) return undefined
  const name = ALIASES[key] ?? key
  return iconv.encodingExists(name) ? name : undefined
}

/** Single-byte encodings: every byte decodes to one character, so any byte sequence "fits". */
export function isSingleByte(encoding: string): boolean {
  return /^(windows-12\d\d|windows-874|iso-8859-\d+|koi8-[ru]|macintosh|ibm866|cp\d{3,4})$/.test(encoding)
}
