/**
 * Title agreement for `npm run eval`: how often the title sluice gives a page agrees with the
 * page's own `<title>` (../shared/corpus/dev/meta.json). A `<title>` usually carries the site
 * name and sometimes a section ("Headline | World news | guardian.co.uk"), so a title agrees
 * when one contains the other after folding case and punctuation, and a title inside the
 * `<title>` must be at least 10 characters (so "Home" or a date does not agree by accident).
 * Pages whose headline differs from their `<title>` count as disagreeing: the figure is a
 * floor, for comparing versions, not an accuracy.
 */

/** The comparable form of a title: lowercase letters and digits, single spaces. */
function folded(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** True when sluice's `found` title agrees with the page's `<title>` (see above). */
export function titleAgrees(found: string, pageTitle: string): boolean {
  const [mine, theirs] = [folded(found), folded(pageTitle)]
  if (mine === '' || theirs === '') return false
  return (mine.length >= 10 && theirs.includes(mine)) || mine.includes(theirs)
}

/** How sluice's titles compare with the pages' `<title>` over the pages that have one. */
export interface TitleAgreement {
  pages: number
  agree: number
  /** Pages sluice gave no title. */
  none: number
}

/** Counts agreement over `pageTitles` (id → `<title>`), given sluice's titles by id. */
export function titleAgreement(found: ReadonlyMap<string, string>, pageTitles: ReadonlyMap<string, string>): TitleAgreement {
  const result: TitleAgreement = { pages: 0, agree: 0, none: 0 }
  for (const [id, pageTitle] of pageTitles) {
    const title = found.get(id) ?? ''
    result.pages += 1
    if (title === '') result.none += 1
    else if (titleAgrees(title, pageTitle)) result.agree += 1
  }
  return result
}
