/**
 * Whether the next line of a paragraph continues the sentence a line leaves unfinished, and
 * which paragraphs are lists whose lines stand apart (verse: verse.ts): the evidence
 * garble-lines.ts joins broken lines on. Pure string checks, plus the word lists and the
 * general English model when the text is English.
 */
import { dateContinues, endsInAside, endsSentence, lastCharIs, lastWord, possessiveEnd, quotedWordEnds, reachesStop, SPACED_DASH_END, terminal, unfinishedSentence } from './line-ends.ts'
import { wordRuns } from './word-runs.ts'
import { lowercaseWords, looksLikeTitle, NOT_PROSE, proseLine } from './prose-line.ts'
import { bracketContinues, dashContinues, goesOnAfterAside } from './line-asides.ts'
import { NEVER_FINAL_DOTTED, PREPOSITIVE, SENTENCE_STARTERS } from './abbreviations.ts'
import { AUXILIARIES, CONTINUES_LINE, DATELINE_VERBS, CONTINUES_PROSE, MAY_END_PROSE, PREPOSITIONS, QUESTION_WORDS, SUBJECT_PRONOUNS } from './english.ts'
import type { CaseCounts } from './garble-case.ts'
import { continuationGain } from './garble-cmu.ts'
import type { GarbleModels } from './garble-lm.ts'
import type { Lexicon } from './lexicon.ts'

/** What the joins consult in English text: the lexicon, the case list (garble-case.ts) and the models, of which the general English one (garble-cmu.ts). */
export interface JoinWords {
  lexicon: Lexicon
  caseCounts: ReadonlyMap<string, CaseCounts>
  models: Pick<GarbleModels, 'general'>
}

/** A list item's marker: a dash or bullet, a number or a letter with a stop or bracket; a decimal ("1.22%", "1.3 million") is no marker. */
const LIST_START = /^(?:[-*•▪◦‣⁃–—]|\d{1,3}[.)](?!\d)|\p{L}[.)]\s)/u

/**
 * An acronym, then a preposition and a lowercase word: a name going on ("HSA for another
 * year"), not a sentence's subject ("US troops will", "NASA on Friday launched").
 */
const ACRONYM_THEN_LINK = /^\p{Lu}{2,}\s+(\p{Ll}+)\s+\p{Ll}/u

/** Prepositions that {@link PREPOSITIONS} leaves out (they may be a particle: "log in"). */
const LINKS: ReadonlySet<string> = new Set(['in', 'on'])

/** The acronym of {@link ACRONYM_THEN_LINK}: linked by a preposition or conjunction to the rest of the line. */
function acronymGoesOn(text: string): boolean {
  const link = ACRONYM_THEN_LINK.exec(text)?.[1]
  return link !== undefined && (PREPOSITIONS.has(link) || LINKS.has(link))
}

/**
 * A capitalised word that is a name, not a common word or a usual sentence opener, or an
 * acronym. The word list alone takes a word mostly seen capitalised for a name, which sentence
 * openers such as "According" also are; the case list knows them in lowercase inside sentences.
 */
function startsWithName(text: string, words: JoinWords | undefined): boolean {
  if (words === undefined) return false
  if (acronymGoesOn(text)) return true
  const word = /^\p{Lu}[\p{Ll}'’]+/u.exec(text)?.[0]
  const lower = word?.toLowerCase()
  if (word === undefined || lower === undefined || SENTENCE_STARTERS.has(lower) || words.caseCounts.has(lower)) return false
  return !words.lexicon.isCommonLowercase(word)
}

/** Abbreviations a lowercase phrase may follow ("press vs.⏎what gets written"); "St." or "Dr." are followed by a name. */
const BEFORE_PHRASE = new Set(['vs', 'viz', 'cf', 'incl', 'excl', 'resp', ...NEVER_FINAL_DOTTED])

/** The abbreviation the line ends in when a name or phrase must follow it ("Mr.", "i.e."), else undefined. */
function endsInPrepositive(text: string): string | undefined {
  if (!text.endsWith('.')) return undefined
  const word = /(?:^|\s)\(?([\p{L}.]+)\.$/u.exec(text)?.[1]?.toLowerCase()
  return word !== undefined && (PREPOSITIVE.has(word) || NEVER_FINAL_DOTTED.has(word)) ? word : undefined
}

/** How `lower` starts: a lowercase word, a capital, a number, a dash or bracket. */
function startKind(lower: string): 'lower' | 'upper' | 'number' | 'dash' | 'other' {
  if (/^\p{Ll}/u.test(lower)) return 'lower'
  if (/^\p{Lu}/u.test(lower)) return 'upper'
  if (/^[$€£¥]?\d/u.test(lower)) return 'number'
  if (/^[–—(]/u.test(lower)) return 'dash'
  return 'other'
}

/**
 * Lines that stand alone even in lowercase: bylines ("By The Associated Press"; lowercase "by
 * the number of …" is no byline, nor "bypass" or "by-election"), datelines ("Posted by",
 * "updated yesterday at 10:42"), addresses, a site's domain ("guardian.co.uk, Monday 29
 * October"; "e.g." is no domain).
 */
const STANDS_ALONE = new RegExp(String.raw`^(?:By\s|by\b(?!\s+(?:the|a|an|this|that|these|those|their|his|her|its|our|my|your|far|now|then|way)\b|-)|(?:${DATELINE_VERBS.map((verb) => `[${verb.charAt(0).toUpperCase()}${verb.charAt(0)}]${verb.slice(1)}`).join('|')})\b|https?:|www\.|[\p{Ll}\d-]{3,}(?:\.[\p{Ll}]{2,})+(?![\p{L}\d]))`, 'u')

/** A passive verb ("is marketed", "was quickly written") at a line's end. */
const PASSIVE_END = /\b(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}{2,}ed$/u

/**
 * A lowercase "by" after a passive verb names the doer ("is marketed⏎by New York-based Pfizer
 * Inc."), when it goes on to a stop with no date, handle or separator: under a sentence-case
 * headline a byline looks the same ("Account was hacked⏎by mike_77 » Mon Mar 05, 2012").
 */
function agentAfterPassive(top: string, lower: string): boolean {
  return lower.startsWith('by ') && PASSIVE_END.test(top) && reachesStop(lower.trimEnd()) && !/[\d|»@#(]/u.test(lower)
}

/** "by" or a dateline's verb, then a lowercase word that is no dateline's preposition ("written for new products"). */
const SENTENCE_AFTER_DATELINE_WORD = new RegExp(String.raw`^(?:by|${DATELINE_VERBS.join('|')}) (?!(?:by|on|at|in|under)\b)\p{Ll}`, 'u')

/**
 * A line that {@link STANDS_ALONE}, unless it is "by" or a dateline's verb in lowercase, then a
 * lowercase word running on to a sentence's stop ("by swiping from the lock screen.", "written
 * for new products."): a byline names someone and a dateline gives a time, neither with a stop.
 */
function standsAlone(lower: string): boolean {
  return STANDS_ALONE.test(lower) && !(SENTENCE_AFTER_DATELINE_WORD.test(lower) && terminal(lower.trimEnd()))
}

/**
 * A capitalised continuation: a long unfinished line, then a name and more lowercase words. A
 * line that stops on a capitalised word ("the Dodd-Frank Wall Street") is a name cut in two when
 * the next starts with one more capitalised word that no sentence starts with ("Reform and
 * Consumer Protection Act …") and goes on as a sentence to its stop.
 */
function nameContinues(top: string, lower: string, words: JoinWords | undefined): boolean {
  const sentence = unfinishedSentence(top)
  if (!lastCharIs(top, /\p{Ll}$/u) || wordRuns(top) < 8 || !opensSentence(sentence) || looksLikeTitle(top)) return false
  if (startsWithName(lower, words)) return lowercaseWords(lower) >= 3 && endsSentence(lower)
  const first = /^\p{Lu}[\p{L}'’]*/u.exec(lower)?.[0]
  const nameCut = /(?:^|\s)\p{Lu}[\p{L}'’-]*$/u.test(top)
  if (!nameCut || first === undefined || SENTENCE_STARTERS.has(first.toLowerCase()) || words === undefined) return false
  if (lowercaseWords(lower) >= 2) return terminal(lower.trimEnd()) && secondHalf(top, lower, first, words)
  // After "the" and a capital ("the Eastern⏎District of Virginia."), one lowercase word will do for a plain word the model expects there, in a line of one sentence.
  return lowercaseWords(lower) === 1 && /\bthe\s+\p{Lu}[\p{L}'’-]*$/u.test(top) && /^\p{Lu}\p{Ll}+\s[^.!?…]*\.$/u.test(lower.trimEnd()) && modelExpects(top, lower, words)
}

/**
 * The unfinished part of a line is a sentence's start: two words or more, not a number ("… else?
 * 3 hours ago"), no label before a colon (three words or fewer: "Photo: Jane"; a clause may come
 * before one: "… on such promises: when the …") and no separator bar (a list of links).
 */
function opensSentence(sentence: string): boolean {
  const colon = sentence.indexOf(':')
  return wordRuns(sentence) >= 2 && !/^\p{N}/u.test(sentence) && (colon < 0 || wordRuns(sentence.slice(0, colon)) >= 4) && !NOT_PROSE.test(sentence)
}

/** How much likelier the second half's first two words must be after the name's start than at a sentence start (log10, general model). */
const NAME_READS_ON = 2

/**
 * The second half of a name cut in two: a word that is no common word (nor one the case list
 * knows in lowercase: "Well done guys!", "Detective Jones was injured.") nor an acronym (newswire
 * opens with one: "… in China⏎IBM on Tuesday reported"), or a common one the general model
 * expects right after the first half ("the latest version of Ice⏎Cream Sandwich") far more than
 * at a sentence start. A common word the model does not expect there opens the sentence after a
 * caption ("… in Washington⏎Officials said").
 */
function secondHalf(top: string, lower: string, first: string, words: JoinWords): boolean {
  if (/^\p{Lu}{2,}$/u.test(first)) return false
  return (!words.lexicon.isCommonLowercase(first) && !words.caseCounts.has(first.toLowerCase())) || modelExpects(top, lower, words)
}

/** The general model expects the next line's first two words after the line's last two far more than at a sentence start. */
function modelExpects(top: string, lower: string, words: JoinWords): boolean {
  const [before, last] = top.match(/[\p{L}\p{N}'’]+/gu)?.slice(-2) ?? []
  const [next, after] = lower.match(/[\p{L}\p{N}'’]+/gu)?.slice(0, 2) ?? []
  if (before === undefined || last === undefined || next === undefined || after === undefined) return false
  return continuationGain(words.models.general, [before, last], [next, after]) > NAME_READS_ON
}

/** An unfinished line of prose that ends in a number or a percentage, not a date, year or time ("There are about 45,000⏎nurse…", "to 27.8%⏎last month."). */
function endsInQuantity(top: string): boolean {
  if (!lastCharIs(top, /[\p{N}%]$/u) || /(?:\b(?:19|20)\d\d|\d[/.-]\d+[/.-]\d+|\d:\d\d)$/u.test(top)) return false
  return proseLine(top)
}

/**
 * A number inside a sentence: an unfinished line of prose (no separator bar, no URL), then a
 * number, lowercase words and the sentence's end ("since age⏎9 with keeping his cattle safe.").
 */
function numberContinues(top: string, lower: string): boolean {
  if (!lastCharIs(top, /\p{Ll}$/u) || !proseLine(top)) return false
  return /^\S+ \p{Ll}/u.test(lower) && lowercaseWords(lower) >= 3 && terminal(lower.trimEnd())
}

/**
 * What marks a paragraph as a list: two or more lines opening with a number or a dash, ending
 * in a semicolon, or notes: lines that open in lowercase and end no sentence (bullet points
 * whose bullets were lost: "we still act as if we do⏎education isn’t bound to institutions").
 */
export interface ParagraphShape {
  numbered: boolean
  dashed: boolean
  semicolons: boolean
  notes: boolean
}

/** The list marks of a paragraph's lines (their texts). */
export function paragraphShape(lines: readonly string[]): ParagraphShape {
  const count = (test: (text: string) => boolean): number => lines.filter(test).length
  return {
    numbered: count((text) => startKind(text) === 'number') >= 2,
    dashed: count((text) => /^[-–—]\s/u.test(text)) >= 2,
    semicolons: count((text) => text.trimEnd().endsWith(';')) >= 2,
    notes: count((text) => startKind(text) === 'lower' && !terminal(text.trimEnd())) >= 2,
  }
}

/**
 * A short opening phrase of time or place before its comma ("In the statement,", "Last June,").
 * Sign-offs open so too ("In Christ,⏎Pastor John", "Until next time,⏎Sarah"), so the next line must
 * be a sentence of {@link INTRODUCED_WORDS} or more; "By Jane Doe," is a byline.
 */
const INTRODUCTORY = /^(?:In|On|At|After|Before|During|Since|Until|Under|Over|Last|This|Earlier|Later)\s+\S+(?:\s+\S+)?,$/u
/** Words the sentence after an {@link INTRODUCTORY} phrase has at least. */
const INTRODUCED_WORDS = 5

/** The next line is the sentence an {@link INTRODUCTORY} phrase opens. */
function introduces(top: string, lower: string): boolean {
  return INTRODUCTORY.test(top) && wordRuns(lower) >= INTRODUCED_WORDS && reachesStop(lower.trimEnd())
}

/** Conjunctions of {@link MAY_END_PROSE} that open a clause ("… since⏎I wrote"); "that⏎I" or "a while⏎I" may be two sentences. */
const BEFORE_CLAUSE: ReadonlySet<string> = new Set(['since', 'though', 'otherwise'])

/** "… but otherwise⏎I won't": a clause follows; "unless stated otherwise⏎I am an affiliate" ends a disclaimer. */
function opensClause(top: string, last: string): boolean {
  return BEFORE_CLAUSE.has(last) && (last !== 'otherwise' || /(?:,|\b(?:but|or|and))\s+otherwise$/iu.test(top))
}

/**
 * The line stops on a word a sentence cannot end with: one of {@link CONTINUES_LINE}, a comma
 * after four words, or, closing a sentence of prose, one of {@link CONTINUES_PROSE} (then the
 * next line is lowercase or ends a sentence) or of {@link MAY_END_PROSE} (then it is lowercase
 * or a name: "… street in⏎New York last week.", not "… in a while⏎Hope everyone is well.").
 * The next line may end in an aside after its stop, such as a caption's credit ("… in⏎Reno,
 * Nev., July 23, 2012. (Photo by Pete Souza)").
 */
function cannotEndThere(top: string, lower: string, words: JoinWords | undefined): boolean {
  const last = lastWord(top)
  if (CONTINUES_LINE.has(last) || (top.endsWith(',') && (wordRuns(top) >= 4 || introduces(top, lower)))) return true
  if ((!CONTINUES_PROSE.has(last) && !MAY_END_PROSE.has(last)) || !proseLine(unfinishedSentence(top))) return false
  const stops = reachesStop(lower.trimEnd()) || endsInAside(lower)
  if (startKind(lower) === 'lower') return stops || wordRuns(lower) >= 3
  if (!stops) return false
  return CONTINUES_PROSE.has(last) || startsWithName(lower, words) || /^\p{Lu}\S*\s+\p{Lu}/u.test(lower) || (opensClause(top, last) && /^I\s+\p{Ll}/u.test(lower))
}

/** True when `lower` continues the sentence that `upper` leaves unfinished, in a paragraph of `shape`. */
export function continuesSentence(upper: string, lower: string, words: JoinWords | undefined, shape: ParagraphShape): boolean {
  const top = upper.trimEnd()
  if (/^\s/u.test(lower)) return false
  if (!shape.dashed && dashContinues(top, lower)) return true
  if (lastCharIs(top, /[-–—]$/u) || LIST_START.test(lower) || (standsAlone(lower) && !agentAfterPassive(top, lower))) return false
  if (bracketContinues(top, lower)) return true
  const kind = startKind(lower)
  const abbreviation = endsInPrepositive(top)
  if (abbreviation !== undefined) return kind === 'upper' || (kind === 'lower' && BEFORE_PHRASE.has(abbreviation))
  if (top.endsWith(':') || (top.endsWith(';') && !shape.semicolons)) return kind === 'lower' && terminal(lower.trimEnd()) && wordRuns(lower) >= 3
  if (terminal(top)) return goesOnAfterAside(top, lower)
  if (kind === 'number' && dateContinues(top, lower)) return true
  const strong = cannotEndThere(top, lower, words) || questionBroken(top, lower)
  // After "the", "of" and the like, a quoted word goes on too ("is called the⏎'reloading hypothesis'").
  if (strong) return kind !== 'other' || /^["'“‘«]\p{L}/u.test(lower)
  if (possessiveEnd(top)) return kind === 'lower' && reachesStop(lower.trimEnd())
  // A comma inside a closing quote, then its attribution ("… after that,"⏎Hauck says."), not a title.
  if (/,["'”’»]+$/u.test(top) && wordRuns(top) >= 4) return kind === 'lower' || (kind === 'upper' && /^\S+\s+\p{Ll}/u.test(lower))
  // Two lowercase lines without a stop are list items ("you will understand them⏎they will understand you").
  if (kind === 'lower' && shape.notes && startKind(top) === 'lower') return false
  if (kind === 'lower') return (lastCharIs(top, /[\p{L},)]$/u) || quotedWordEnds(top) ? wordRuns(top) >= 2 : endsInQuantity(top)) && (terminal(lower.trimEnd()) || (wordRuns(lower) >= 5 && !/^\p{Ll}/u.test(top)))
  if (kind === 'number') return !shape.numbered && numberContinues(top, lower)
  if (kind === 'dash') return lastCharIs(top, /[\p{Ll},]$/u) && wordRuns(top) >= 4 && !looksLikeTitle(top)
  return kind === 'upper' && nameContinues(top, lower, words)
}

/** Every personal pronoun that can be a subject ({@link SUBJECT_PRONOUNS} leaves out those that are also objects). */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, 'we', 'you', 'it'])

/** Auxiliaries that are also nouns or names ("in May", "a Tin Can", "from Will"): never alone on a line as a question's start. */
const AUXILIARY_NOUNS: ReadonlySet<string> = new Set(['may', 'will', 'can', 'must'])

/**
 * A question title broken after its auxiliary ("What Can⏎You Do With It?", "POLL: Has⏎India lost
 * its compass?"): a title-cased line without digits or a menu bar, whose last clause is the
 * auxiliary alone after a colon (not one that is also a noun) or a question word, at most one
 * more word and the auxiliary ("How Much Can", not "What to Do" nor "Who We Are"); then a line
 * whose first sentence ends in a question mark.
 */
function questionBroken(top: string, lower: string): boolean {
  // Checked first: most lines hold no question mark.
  if (!lower.includes('?') || !/^[^.!?]*\?/u.test(lower) || !looksLikeTitle(top) || NOT_PROSE.test(top) || /\p{N}/u.test(top)) return false
  const parts = top.split(':')
  const clause = (parts[parts.length - 1] as string).match(/\p{L}+/gu) ?? []
  const auxiliary = clause[clause.length - 1] ?? ''
  if (!/^\p{Lu}/u.test(auxiliary) || !AUXILIARIES.has(auxiliary.toLowerCase())) return false
  if (clause.length === 1) return parts.length > 1 && !AUXILIARY_NOUNS.has(auxiliary.toLowerCase())
  const before = (clause[clause.length - 2] as string).toLowerCase()
  return clause.length <= 4 && QUESTION_WORDS.has((clause[0] as string).toLowerCase()) && before !== 'to' && !PERSONAL_PRONOUNS.has(before)
}
