/**
 * Closed word classes of English (determiners, pronouns, prepositions, auxiliaries). They are
 * few, very frequent and combine by strict rules, so a pair that breaks those rules ("their
 * to", "the of") is a strong sign that a word was lost or shuffled, and their share of the
 * words tells English prose from other languages cheaply.
 */
import { isAsciiLetter } from './ascii-text.ts'

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/u).filter((word) => word.length > 0))
}

/** Words that are nearly always English and nearly never another language's. */
const ENGLISH_MARKERS = words(`
  the and of to is was that with for are this have from by it he she they you be not but
  which were been has their would there what about will when who them his her its our your
  into than then these those could should also after because only other some such
`)

const LETTER = /\p{L}/u

/** Length in code units of the character at `at` when it is a letter (\p{L}), else 0. */
function letterLength(text: string, at: number): number {
  if (at >= text.length) return 0
  const code = text.charCodeAt(at)
  if (code < 128) return isAsciiLetter(code) ? 1 : 0
  const char = String.fromCodePoint(text.codePointAt(at) as number)
  return LETTER.test(char) ? char.length : 0
}

/**
 * True when at least 15% of the words (runs of letters of the lowercased text) are common
 * English function words (prose is ~40%). Scanned by hand: the markers are ASCII, so only
 * runs of two to seven ASCII letters are looked up.
 */
export function looksEnglish(text: string): boolean {
  const lower = text.toLowerCase()
  let [tokens, hits] = [0, 0]
  for (let at = 0; at < lower.length; ) {
    let end = at
    let ascii = true
    for (let step = letterLength(lower, end); step > 0; step = letterLength(lower, end)) {
      ascii &&= step === 1 && lower.charCodeAt(end) < 128
      end += step
    }
    if (end === at) {
      at += 1
      continue
    }
    tokens += 1
    if (ascii && end - at >= 2 && end - at <= 7 && ENGLISH_MARKERS.has(lower.slice(at, end))) hits += 1
    at = end
  }
  return tokens >= 8 && hits / tokens >= 0.15
}

/**
 * Determiners that must be followed by a noun phrase. ("this", "that", "his", "her" are left
 * out: they also stand alone as pronouns, as in "his to keep".)
 */
export const DETERMINERS = words('the a an my your our their its every')

/**
 * Words that cannot follow a determiner: other determiners, subject pronouns, prepositions,
 * conjunctions, finite auxiliaries and the infinitive "to". ("will", "can", "might", "being"
 * are left out: they are also nouns.)
 */
export const NOT_AFTER_DETERMINER = words(`
  the a an my your our their its his to of is was were are could would should shall does did
  he she they we i and or but if because than from with by at into onto upon who whom whose
  which been am isn't wasn't weren't aren't doesn't didn't couldn't wouldn't shouldn't
`)

/**
 * Adverbs English lets stand on either side of a verb, its subject or an adjective ("really
 * is" / "is really", "he now" / "now he", "can again" / "again can"). "very", "so" and "too"
 * are left out: they stand before what they modify ("very a" is no English).
 */
export const MOVABLE_ADVERBS = words(`
  also only just really still even never ever always now already often however thus perhaps
  maybe quite again once soon later therefore instead indeed actually probably certainly
  simply clearly usually sometimes rather yet
`)

/** Modal verbs: two in a row ("could would") is not English. */
export const MODALS = words('could would should shall must may might can will')

/** Modals and the forms of "be", "do" and "have" that a question puts before its subject ("Can you", "Has India"). */
export const AUXILIARIES: ReadonlySet<string> = new Set([...MODALS, 'is', 'are', 'was', 'were', 'am', 'do', 'does', 'did', 'have', 'has', 'had'])

/** Words that open a question ("What", "How much"). */
export const QUESTION_WORDS = words('what which whose who whom how why where when')

/** Subject pronouns ("we" is left out: "we the people"). */
export const SUBJECT_PRONOUNS = words('i he she they')

/** Words that cannot directly follow a subject pronoun. */
export const NOT_AFTER_SUBJECT = words('the a an of to from with at by my your our their')

/** Prepositions that must take an object. */
export const PREPOSITIONS = words('of from with into onto upon at by for about among between through during without within')

/**
 * Function words that are never doubled in correct text ("the the", "of of"), so a doubled
 * one is a typing or scraping slip that can be removed safely.
 */
export const NEVER_DOUBLED = words(`
  the a an of to in on at for with from by and or but as been its their our your my his these
  those which who into onto than if when
`)

/**
 * Doubled words that are correct English ("that that", "had had", "very very", "bye bye"):
 * a doubled word outside this list is reported, never silently removed.
 */
export const MAY_BE_DOUBLED = words(`
  that had do very really yes ha bye far long many much knock go come tut hush chop now well
  oh hey ever
`)

/**
 * Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries): never a
 * name, so one capitalised in mid-sentence is out of place.
 */
export const FUNCTION_WORDS = words(`
  the a an and or but nor so yet of to in on at by for with from into onto upon about over under
  after before between through during without within against among is are was were be been being
  am has have had do does did will would shall should can could may might must he she it we they
  i me him her us them my your our their its his this that these those which who whom whose what
  not than then there here also very just only
`)

/** Verbs a dateline opens with ("Posted by", "updated yesterday at 10:42", "Filed under: News"). */
export const DATELINE_VERBS: readonly string[] = ['posted', 'updated', 'published', 'written', 'filed']

/** Words that cannot end a sentence or a heading, so a line ending in one continues. */
export const CONTINUES_LINE = words('the a an of and or with from their its our your my whose between into than nor on at to for by about as via per including among')

/**
 * Words that end no sentence but do end short interface lines ("What's new is", "Share this
 * if"): a line ending in one continues only when its unfinished sentence is prose (five words or
 * more, not a heading).
 */
export const CONTINUES_PROSE = words('are was were every named called very but because although unless whether if when where')

/**
 * Words that often end a line of prose inside a sentence but may end the sentence too ("in a
 * while", "unless stated otherwise", "ever since", "Log in"): a line ending in one continues only
 * into lowercase words or a name.
 */
export const MAY_END_PROSE = words('in is some that since while though otherwise')
