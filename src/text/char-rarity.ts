/**
 * How unlikely a character is in ordinary text, by Unicode block: 0 for the letters, marks and
 * symbols that living languages and web text use, up to 3 for unassigned, private-use,
 * phonetic and historic characters. Mojibake repair weighs a candidate by what it would
 * produce: text is plausible when it is made of common characters. Ranges are facts from the
 * Unicode block list; the weights are ours.
 */

/** [first, last, weight], sorted and non-overlapping; code points not listed weigh 3. */
const RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0x0000, 0x007f, 0], // ASCII (controls are weighed by the caller)
  [0x0080, 0x009f, 4], // C1 controls: never text, typical of Latin-1 mojibake
  [0x00a0, 0x0137, 0], // Latin-1 supplement, Latin Extended-A
  [0x0138, 0x0138, 3], // kra
  [0x0139, 0x013e, 0],
  [0x013f, 0x0140, 2], // L with middle dot
  [0x0141, 0x0148, 0],
  [0x0149, 0x0149, 2], // 'n (deprecated)
  [0x014a, 0x017e, 0],
  [0x017f, 0x017f, 3], // long s
  [0x0180, 0x0180, 2], // Latin Extended-B: mostly African and historic letters
  [0x0181, 0x0181, 1], // hooked B (Hausa, Fula)
  [0x0182, 0x0185, 2],
  [0x0186, 0x0186, 1], // open O (Akan, Ewe, Lingala)
  [0x0187, 0x0189, 2],
  [0x018a, 0x018a, 1], // hooked D (Hausa)
  [0x018b, 0x018e, 2],
  [0x018f, 0x0190, 1], // schwa (Azerbaijani), open E
  [0x0191, 0x0197, 2],
  [0x0198, 0x0199, 1], // hooked K (Hausa)
  [0x019a, 0x019f, 2],
  [0x01a0, 0x01a1, 0], // O with horn (Vietnamese)
  [0x01a2, 0x01ae, 2],
  [0x01af, 0x01b0, 0], // U with horn (Vietnamese)
  [0x01b1, 0x01c3, 2],
  [0x01c4, 0x01dc, 0], // Croatian digraphs, pinyin tone letters
  [0x01dd, 0x0217, 2],
  [0x0218, 0x021b, 0], // Romanian comma-below letters
  [0x021c, 0x024f, 2],
  [0x0250, 0x0252, 3], // IPA extensions
  [0x0253, 0x0254, 1], // hooked b, open o: letters of West African alphabets
  [0x0255, 0x0256, 3],
  [0x0257, 0x0257, 1], // hooked d
  [0x0258, 0x0258, 3],
  [0x0259, 0x025b, 1], // schwa (Azerbaijani), open e
  [0x025c, 0x02af, 3],
  [0x02b0, 0x02ba, 2], // modifier letters
  [0x02bb, 0x02bc, 0], // okina, modifier apostrophe
  [0x02bd, 0x02c5, 2],
  [0x02c6, 0x02c7, 0], // circumflex, caron
  [0x02c8, 0x02d7, 2],
  [0x02d8, 0x02dd, 0], // breve, dot, ring, ogonek, tilde, double acute
  [0x02de, 0x02ff, 2],
  [0x0300, 0x036f, 0], // combining diacritics (placement is weighed by the caller)
  [0x0370, 0x0385, 2], // Greek signs and archaic letters
  [0x0386, 0x03ce, 0], // Greek
  [0x03cf, 0x03ff, 2], // Greek symbols, Coptic
  [0x0400, 0x045f, 0], // Cyrillic
  [0x0460, 0x048f, 3], // historic Cyrillic, combining Cyrillic
  [0x0490, 0x04ff, 0], // Cyrillic for Ukrainian, Kazakh, Kyrgyz, Tajik, Tatar, Mongolian...
  [0x0500, 0x052f, 3],
  [0x0530, 0x058f, 0], // Armenian
  [0x0590, 0x05ff, 0], // Hebrew
  [0x0600, 0x060f, 2], // Arabic signs
  [0x0610, 0x06ff, 0], // Arabic
  [0x0700, 0x08ff, 2], // Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extended
  [0x0900, 0x0dff, 0], // Indic scripts
  [0x0e00, 0x0e7f, 0], // Thai
  [0x0e80, 0x109f, 1], // Lao, Tibetan, Myanmar
  [0x10a0, 0x10ff, 0], // Georgian
  [0x1100, 0x11ff, 2], // conjoining Hangul jamo
  [0x1200, 0x139f, 1], // Ethiopic
  [0x13a0, 0x177f, 2], // Cherokee, Canadian syllabics, Ogham, Runic, Philippine scripts
  [0x1780, 0x17ff, 1], // Khmer
  [0x1800, 0x1dff, 3], // Mongolian, smaller scripts, phonetic extensions
  [0x1e00, 0x1e9f, 1], // Latin Extended Additional, non-Vietnamese part
  [0x1ea0, 0x1eff, 0], // Vietnamese
  [0x1f00, 0x1fff, 1], // polytonic Greek
  [0x2000, 0x205f, 0], // general punctuation
  [0x2060, 0x206f, 2], // invisible operators
  [0x2070, 0x209f, 1], // super- and subscripts
  [0x20a0, 0x20c0, 0], // currency
  [0x20c1, 0x20ff, 2], // combining marks for symbols
  [0x2100, 0x214f, 0], // letterlike
  [0x2150, 0x218f, 1], // number forms
  [0x2190, 0x23ff, 0], // arrows, maths, technical
  [0x2400, 0x245f, 2], // control pictures, OCR
  [0x2460, 0x27bf, 0], // enclosed, box drawing, shapes, symbols, dingbats
  [0x27c0, 0x27ff, 1], // more maths
  [0x2800, 0x28ff, 0], // Braille (U+2800 is a common blank filler in social media posts)
  [0x2900, 0x2bff, 1], // more arrows and maths
  [0x2c00, 0x2dff, 3], // Glagolitic, Coptic, Tifinagh, extensions
  [0x2e00, 0x2e7f, 1], // supplemental punctuation
  [0x2e80, 0x2fdf, 1], // CJK radicals
  [0x3000, 0x30ff, 0], // CJK punctuation, kana
  [0x3100, 0x33ff, 1], // bopomofo, compatibility jamo, enclosed CJK
  [0x3400, 0x4dbf, 1], // CJK extension A
  [0x4dc0, 0x4dff, 2],
  [0x4e00, 0x9fff, 0], // CJK unified ideographs
  [0xa000, 0xabff, 3], // Yi and smaller scripts
  [0xac00, 0xd7a3, 0], // Hangul syllables
  [0xd7a4, 0xf8ff, 3], // surrogates, private use
  [0xf900, 0xfaff, 1], // CJK compatibility
  [0xfb00, 0xfb06, 1], // Latin ligatures
  [0xfb07, 0xfdff, 2], // presentation forms
  [0xfe00, 0xfe0f, 0], // variation selectors (emoji)
  [0xfe10, 0xfe6f, 1],
  [0xfe70, 0xfefe, 2], // Arabic presentation forms
  [0xfeff, 0xfeff, 1], // byte-order mark
  [0xff00, 0xffef, 0], // full-width forms
  [0xfffd, 0xfffd, 1], // replacement character
  [0x1f000, 0x1f2ff, 1], // game pieces, enclosed supplements
  [0x1f300, 0x1faff, 0], // emoji
  [0x20000, 0x3134f, 1], // CJK extensions
]

/** 0 (common) to 4 (C1 control) for `code`; unlisted code points weigh 3. */
export function charRarity(code: number): number {
  let low = 0
  let high = RANGES.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [first, last, weight] = RANGES[middle] as readonly [number, number, number]
    if (code < first) high = middle - 1
    else if (code > last) low = middle + 1
    else return weight
  }
  return 3
}
