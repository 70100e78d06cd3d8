/**
 * Finding the headline above a run of prose: text dumps put the headline, then the byline and
 * the date, right above the first paragraph. Walking up from the paragraph over bylines, dates,
 * comment-style timestamps, chrome lines (breadcrumbs, tag lines and a post's filing lines among
 * them), links, photo captions, credits and lines of one or two words (an author's name, "View
 * profile", a count), the first headline-shaped line is the headline.
 * Shared by dedupe-headers (title from text) and drop-chrome (where the article starts).
 */
import { isCommentMetaLine } from './chrome-match.ts'
import { FOLLOW_ON, TIME_OF_DAY } from './chrome-phrases.ts'
import { wordsOf } from './lines.ts'
import { isBylineOrDate, isHeadingLike } from './prose.ts'

/** Lines with fewer words are stepped over, never taken as the headline. */
const MIN_HEADLINE_WORDS = 3

/**
 * Lines between a headline and its text that are never the headline, and that the chrome
 * classes do not cover: a link ending in an arrow ("More in Tech »"), and a photo caption
 * ending in its credit, after a sentence ("… groups. Photograph: Marco Secchi/Getty Images") or
 * in brackets with a slash ("… (RJ Sangosti/Denver Post/AP Photo)"), or a credit alone
 * ("Photo: Jane Doe", "photos by Jane Doe", "(Credit: Dan Farber/CNET)"); a post's
 * filing line ending in its time ("In Stories at 10:25am"); and lines that stand where a
 * headline would but name a source or a button: a wire service's or staff credit, a name with
 * initials, a social line, a gallery's pager. "In pictures: Floods sweep
 * Pakistan", "Photos: the royal wedding" and "Snow in the city (photos)" stay headlines.
 */
const NOT_HEADLINE = [
  /(?:[»›→]|>>)$/u,
  /[.!?)”"]\s+(?:photo(?:graph)?s?|images?|pictures?|credit)(?:\s+credit)?\s*(?:by)?\s*:\s*[^.!?]{2,80}$/iu,
  /\([^()]*\/[^()]*\b(?:photos?|images|getty|reuters|ap|afp|epa|upi|credit)\b[^()]*\)$|\([^()]*\b(?:photos?|images|getty|reuters|ap|afp|epa|upi)\b[^()]*\/[^()]*\)$/iu,
  /^\(?(?:photo(?:graph)?|image|picture|credit)(?:\s+credit)?\s*(?:by)?\s*:[^().!?]{2,80}\)?$/iu,
  /^(?:photo(?:graph)?s?|images?|pictures?)\s+by\s+[^.!?:]{2,60}$/iu,
  // A photo credit opening the line: "(Jane Doe/Agency) …".
  /^\([^()/]{2,40}\/[^()]{2,40}\)/u,
  new RegExp(`^(?:\\S+\\s+){0,7}at\\s+${TIME_OF_DAY.source}$`, 'iu'),
  // A wire service's credit, a staff or contributor byline, a name with initials ("A.J. Doe", not "U.S. Senate").
  /^(?:the\s+)?(?:associated press|canadian press|press association|press trust of india|agence france[- ]presse|united press international|(?:xinhua|yonhap|kyodo) news agency)$/iu,
  /^[^\s,|]{2,40}\.(?:com|org|net|co\.uk)\s+staff$|,\s*(?:contributor|contributing writer|staff writer|senior writer|correspondent|columnist|reporter|editor)$/iu,
  /^(?!(?:U\.\s?[SKN]|E\.\s?U)\.)(?:\p{Lu}\.\s?){1,3}\p{Lu}[\p{Ll}’'-]+$/u,
  // Social buttons and a gallery's pager: "Follow me on Twitter", "We're on Pinterest!", "Previous 1 / 13 Next".
  FOLLOW_ON,
  /^we(?:'|’)re\s+on\s+(?:twitter|facebook|instagram|pinterest)\b|^bookmarks?\s*:/iu,
  /^(?:previous|prev)\b\W*\d+\s*(?:\/|of)\s*\d+\W*next$/iu,
]

/** The headline found above a paragraph, and the highest byline or date line passed on the way. */
export interface HeadlineSearch {
  headline: number | undefined
  /** Topmost byline/date line between the headline (or the search limit) and the paragraph. */
  byline: number | undefined
}

/**
 * Chrome lines do not count towards a walk's window: a share bar ("Share:", "Facebook",
 * "Twitter", …) between the headline and the text is one line per button. A walk still stops
 * after this many times the window in non-blank lines, so it cannot climb through the menus.
 */
const CHROME_STEPS = 3

/**
 * Walks up from `start - 1` over at most `window` non-blank lines that are not chrome, and
 * {@link CHROME_STEPS} times that in all. `isChrome` tells which lines to step over (buttons,
 * share bars between the headline and the text).
 */
export function headlineAbove(lines: readonly string[], start: number, window: number, isChrome: (index: number) => boolean): HeadlineSearch {
  let byline: number | undefined
  let seen = 0
  let stepped = 0
  for (let index = start - 1; index >= 0 && seen < window && stepped < window * CHROME_STEPS; index -= 1) {
    const text = (lines[index] as string).trim()
    if (text === '') continue
    stepped += 1
    if (isChrome(index)) continue
    seen += 1
    if (wordsOf(text).length < MIN_HEADLINE_WORDS) continue
    if (isBylineOrDate(text) || isCommentMetaLine(text)) {
      byline = index
      continue
    }
    if (NOT_HEADLINE.some((pattern) => pattern.test(text))) continue
    return { headline: isHeadingLike(text) ? index : undefined, byline }
  }
  return { headline: undefined, byline }
}
