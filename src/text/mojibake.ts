/**
 * Mojibake repair: text that was UTF-8, was decoded with a single-byte code page (windows-1252,
 * Latin-1, windows-1250/1251/1257, ISO-8859-2, MacRoman, cp437), sometimes more than once, and
 * was saved that way ("cafÃ©", "â€™", "Ã¢â‚¬â„¢", "РїСЂРёРІРµС‚"). The repair maps the
 * characters back to the bytes they came from and decodes those as UTF-8, but only where the
 * result is clearly more plausible than what is there (mojibake-plan.ts, mojibake-cost.ts):
 * correct text in any language must come back unchanged.
 *
 * Works line by line and word by word, because the usual case is a document that is partly
 * correct and partly broken. Repeats while something improves (double and triple mojibake).
 * Also: a lone "Ã" before a word is "à" whose no-break space became a space ("Ã la" → "à la",
 * "Ã s" → "às" in Portuguese), and C1 control characters left over are the windows-1252
 * characters a Latin-1 decoder mistook them for ("\u0085" → "…").
 */
import iconv from 'iconv-lite'
import { CODE_PAGES, CONTINUATION_MASK, LEAD_MASK } from './codepages.ts'
import { applyPlan, planLine } from './mojibake-plan.ts'
import type { LinePlan } from './mojibake-plan.ts'

/** One repaired line: where, what it was, what it became and which code pages undid it. */
export interface MojibakeRepair {
  /** 0-based line index in the text. */
  line: number
  before: string
  after: string
  encodings: string[]
}

/** The repaired text and what was repaired. */
export interface MojibakeResult {
  text: string
  repairs: MojibakeRepair[]
}

/** A {@link MojibakeResult} that also says whether the text had anything to look at. */
export interface CheckedMojibakeResult extends MojibakeResult {
  /** False when the text had nothing the repair could act on ({@link mayContainMojibake}). */
  candidates: boolean
}

/** Enough for a fourfold mix-up; real text never needs more. */
const MAX_ROUNDS = 5

const C1 = /[\u0080-\u009F]/

/**
 * Two non-ASCII characters in a row. Every lead and continuation character of every code page
 * is non-ASCII, so a text without such a pair (nearly all text in Latin script) has no
 * candidate, and one regex scan (far faster than a loop over every character) says so.
 */
const NON_ASCII_PAIR = /[^\x00-\x7F]{2}/

/** The characters that byte 0xC3 (the lead of "à") shows as in windows-1252, -1251 and -1250. */
const A_GRAVE_LEADS: Readonly<Record<string, string>> = { 'windows-1252': 'Ã', 'windows-1251': 'Г', 'windows-1250': 'Ă' }

/**
 * True when `line` has anything the repair could act on: a lead character followed by a
 * continuation character in some code page, a C1 control, or "Ã ". Two typed-array lookups per
 * character, so clean text, including clean Cyrillic or Greek, costs almost nothing.
 */
export function mayContainMojibake(line: string): boolean {
  if (!NON_ASCII_PAIR.test(line)) return C1.test(line) || line.includes('Ã ')
  for (let index = 0; index < line.length; index += 1) {
    const lead = LEAD_MASK[line.charCodeAt(index)] ?? 0
    if (lead !== 0 && (lead & (CONTINUATION_MASK[line.charCodeAt(index + 1)] ?? 0)) !== 0) return true
  }
  return C1.test(line) || line.includes('Ã ')
}

/** Bit set of the code pages in which `line` has a lead character followed by a continuation. */
function pagesWithPairs(line: string): number {
  let pages = 0
  for (let index = 0; index < line.length; index += 1) {
    const lead = LEAD_MASK[line.charCodeAt(index)] ?? 0
    if (lead !== 0) pages |= lead & (CONTINUATION_MASK[line.charCodeAt(index + 1)] ?? 0)
  }
  return pages
}

/**
 * The code page whose repairs gain most. When windows-1252 (by far the most common) leaves
 * the line flawless, no other code page can do better and the rest are not tried.
 */
function bestPlan(line: string, repairedBefore: boolean): LinePlan | undefined {
  const pages = pagesWithPairs(line)
  let best: LinePlan | undefined
  for (const page of CODE_PAGES) {
    if ((pages & page.bit) === 0) continue
    const plan = planLine(line, page, repairedBefore)
    if (plan !== undefined && plan.gain > (best?.gain ?? 0)) best = plan
    if (best?.complete === true) break
  }
  return best
}

/**
 * "Ã " before a lower-case word → "à " ("Ã la" → "à la"; "Ã  la" → "à la" when the no-break
 * space became a space next to a real one), or "à" with no space before Portuguese contractions
 * ("Ã s" → "às", "Ã quele" → "àquele"). "Ã" as a word of its own is not a word in any language,
 * so this needs no other evidence; "Г" and "Ă" (the same byte in windows-1251 and -1250) need
 * the line to have been repaired in that code page.
 */
function repairSpacedAGrave(line: string, encodings: readonly string[]): string {
  let result = line
  for (const [encoding, lead] of Object.entries(A_GRAVE_LEADS)) {
    if (encoding !== 'windows-1252' && !encodings.includes(encoding)) continue
    if (!result.includes(`${lead} `)) continue
    const pattern = new RegExp(`(?<=^|[\\s'’"(«„“]|\\p{Ll})${lead} ( ?)(?=\\p{Ll})`, 'gu')
    result = result.replace(pattern, (_match, extra: string, offset: number, whole: string) => {
      const rest = whole.slice(offset + 2 + extra.length, offset + 10)
      return extra === '' && /^(?:s(?![\p{L}'’])|qu[ei]l)/u.test(rest) ? 'à' : 'à '
    })
  }
  return result
}

/** C1 controls that windows-1252 defines → its characters; the five it leaves undefined stay. */
function repairC1(line: string): string {
  if (!C1.test(line)) return line
  return line.replace(/[\u0080-\u009F]/g, (char) => {
    const mapped = iconv.decode(Buffer.from([char.charCodeAt(0)]), 'windows-1252')
    return mapped === '\uFFFD' ? char : mapped
  })
}

/** Repairs one line; returns it unchanged (same string) when nothing applies. */
export function repairLine(line: string): { text: string; encodings: string[] } {
  let text = line
  const encodings: string[] = []
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const plan = bestPlan(text, encodings.length > 0)
    if (plan === undefined) break
    text = applyPlan(text, plan)
    if (!encodings.includes(plan.page.name)) encodings.push(plan.page.name)
  }
  const spaced = repairSpacedAGrave(text, encodings)
  if (spaced !== text && !encodings.includes('windows-1252')) encodings.push('windows-1252')
  const controls = repairC1(spaced)
  if (controls !== spaced && !encodings.includes('latin-1')) encodings.push('latin-1')
  return { text: controls, encodings }
}

/** Repairs mojibake in `text`, line by line; lines without candidates are not touched. */
export function repairMojibake(text: string): MojibakeResult {
  const { text: repaired, repairs } = repairMojibakeChecked(text)
  return { text: repaired, repairs }
}

/** {@link repairMojibake}, saying whether there was any candidate (clean-text's fixed point uses it). */
export function repairMojibakeChecked(text: string): CheckedMojibakeResult {
  if (!mayContainMojibake(text)) return { text, repairs: [], candidates: false }
  const lines = text.split('\n')
  const repairs: MojibakeRepair[] = []
  lines.forEach((line, index) => {
    if (!mayContainMojibake(line)) return
    const { text: after, encodings } = repairLine(line)
    if (after === line) return
    repairs.push({ line: index, before: line, after, encodings })
    lines[index] = after
  })
  return repairs.length === 0 ? { text, repairs, candidates: true } : { text: lines.join('\n'), repairs, candidates: true }
}
