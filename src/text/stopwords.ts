/**
 * Function words of the languages sluice cleans most (en, de, fr, es, it, pt, nl). Running prose
 * is full of them while menus, tags and link lists are not (the jusText observation), so their
 * share in a line is a language-independent "is this prose?" signal. Hand-written lists of the
 * most frequent articles, pronouns, prepositions, conjunctions and auxiliaries.
 */

const LISTS: Record<string, string> = {
  en: `a about after all also an and any are as at be because been but by can could did do does
    for from had has have he her him his how i if in into is it its just may me more most my no not
    of on one or our out she should so some than that the their them then there these they this
    those to up us was we were what when where which while who will with would you your`,
  de: `aber als am an auch auf aus bei bin bis da damit dann das dass dem den denn der des die dies
    diese doch du durch ein eine einem einen einer er es für hat hatte ich ihr im in ist ja kann
    kein man mit nach nicht noch nur ob oder sich sie sind so um und uns unter vom von vor war
    was wenn werden wie wir wird wurde zu zum zur über`,
  fr: `à au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais
    me même mon ne nous on ou par pas pour qu que qui sa se ses son sont sur ta te tu un une vous
    été être avait avons ont était comme plus y`,
  es: `a al algo como con cuando de del desde donde el ella en entre era es esta este está fue ha
    hay la las le les lo los más me mi muy no nos o para pero por porque que se ser si sin sobre su
    sus también te tiene un una uno y ya`,
  it: `a al alla anche che chi ci come con da dal del della delle dei di e ed era essere gli ha hanno
    i il in io la le lo ma mi nel nella non per più poi quando questo questa se si sono su sua suo
    tra un una uno è`,
  pt: `a ao aos as até com como da das de do dos e ela ele em entre era essa esse está eu foi há
    isso mais mas me muito na nas no nos não o os ou para pela pelo por que se sem ser seu sua são
    também tem um uma à é`,
  nl: `aan al als bij dan dat de die dit door een en er had heb het hij hoe hun ik in is je kan
    maar met mij naar niet nog nu of om ons ook op over te tot uit van veel voor want was wat we
    werd wie wij zal ze zich zij zijn`,
}

/** Every listed function word, lowercased, across all languages. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(LISTS).flatMap((list) => list.split(/\s+/).filter((word) => word.length > 0)),
)

/** Length of the longest function word. */
const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((word) => word.length))

/** Share of `words` that are function words (0 for an empty list). */
export function stopwordRatio(words: readonly string[]): number {
  if (words.length === 0) return 0
  let count = 0
  for (const word of words) if (STOPWORDS.has(word.toLowerCase())) count += 1
  return count / words.length
}

/** Hash of `text[start, end)`, a 31-polynomial over code units. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0
  for (let index = start; index < end; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0
  return hash
}

/** Function words by {@link hashOf}, to look words up without slicing them out of a line. */
const BY_HASH: ReadonlyMap<number, readonly string[]> = (() => {
  const table = new Map<number, string[]>()
  for (const word of STOPWORDS) {
    const hash = hashOf(word, 0, word.length)
    table.set(hash, [...(table.get(hash) ?? []), word])
  }
  return table
})()

/** True when `flat[start, end)` is a function word. */
function isStopwordAt(flat: string, start: number, end: number, hash: number): boolean {
  const candidates = BY_HASH.get(hash)
  if (candidates === undefined) return false
  for (const candidate of candidates) if (candidate.length === end - start && flat.startsWith(candidate, start)) return true
  return false
}

/**
 * Whether `stopwordRatio` of a line reaches `min`, from its `comparable()` key (lowercase words
 * joined by single spaces) and its word count. The key is read once and only as far as needed:
 * words are hashed as they are read and looked up by hash (long words not at all), and reading
 * stops as soon as enough function words were seen.
 */
export function reachesStopwordShare(flat: string, words: number, min: number): boolean {
  if (words === 0) return 0 >= min
  let count = 0
  let start = 0
  let hash = 0
  for (let index = 0; index <= flat.length; index += 1) {
    const code = index < flat.length ? flat.charCodeAt(index) : 0x20
    if (code !== 0x20) {
      hash = (Math.imul(hash, 31) + code) | 0
      continue
    }
    if (index - start <= LONGEST_STOPWORD && isStopwordAt(flat, start, index, hash) && (count += 1) / words >= min) return true
    start = index + 1
    hash = 0
  }
  return count / words >= min
}
