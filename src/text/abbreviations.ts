/**
 * Word tables the sentence splitter consults at a period. They hold facts about written
 * language (which short words take a period, which words can open a sentence) for the languages
 * sluice cleans most: en, de, fr, es, it, pt, nl. All entries are lowercase, without the period.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word.length > 0))
}

/**
 * Titles written before a name ("Dr. Smith", "Sra. García"): a period after them is never a
 * sentence end, whatever follows.
 */
export const PREPOSITIVE = words(`
  mr mrs ms messrs mmes dr drs prof profs st ste mt ft gen sen sens rep reps gov capt cmdr col lt
  maj sgt cpl pvt adm rev hon pres supt insp det fr sra srta sres dra dña dn ud uds mme mlle mm
  mgr hrn dipl ing sig sigg dott dottssa avv arch geom rag dhr mevr mej ir vs viz cf ca resp bzw
  vgl incl excl
`)

/**
 * Abbreviations that never end a sentence in running text because a number or a name always
 * follows ("No. 5", "Vol. 3", "Fig. 2", "p. 55", "S. 12").
 */
export const BEFORE_NUMBER = words(`
  no nos nr nro núm num vol vols fig figs p pp pag pág págs art arts sec sect ch chap para par
  tel fax ed eds op n° nº s bd hft jg
`)

/**
 * Abbreviations that may end a sentence ("… and Co. It closed"): the period is a boundary only
 * when the next word is a usual sentence opener.
 */
export const AMBIGUOUS = words(`
  etc inc co corp ltd llc plc bros dept est univ assn jr sr min max ft lb lbs oz yr yrs hr hrs al
  approx usw gmbh cie spa srl
`)

/**
 * Like {@link AMBIGUOUS}, but only when written with a capital ("Sat.", "Mar."), because in
 * lowercase they are ordinary words ("the cat sat.").
 */
export const AMBIGUOUS_CAPITALIZED = words(`
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  ave blvd rd hwy sq mo mos ee uu
`)

/** Abbreviations written with inner periods that never end a sentence ("e.g.", "z.B."). */
export const NEVER_FINAL_DOTTED = words(`e.g i.e z.b d.h u.a o.ä s.o s.u p.ex v.a n.chr v.chr d.w.z o.a m.a.w t.a.v a.u.b`)

/** Month names after an ordinal number ("am 24. Dezember"): the period is not a boundary. */
export const MONTHS = words(`
  january february march april may june july august september october november december
  januar februar märz april mai juni juli august september oktober november dezember
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
  enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
  gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
  janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
  januari februari maart april mei juni juli augustus september oktober november december
`)

/**
 * Words that usually open a sentence: after an ambiguous abbreviation ("U.S.", "Co.") a capital
 * on one of these means a new sentence, a capital on anything else (a name) does not.
 */
export const SENTENCE_STARTERS = words(`
  a an the this that these those there then thus however but and so yet or if when while where
  what why who how which i i'm i've i'd i'll he she it it's we they you my our their his her its
  your in on at as after before since for from with without by to of is are was were do does
  did can could will would should let let's meanwhile also still some many most all no not one
  each every both today yesterday here now although though because once even only just later
  earlier other another such instead overall finally first second please nor yes yeah okay ok oh
  thanks
  der die das ein eine er sie es wir ich ihr dann aber und wenn wie was warum wo im am auf mit
  nach dies diese dieser heute man doch denn
  le la les un une il elle ils elles nous vous je on ce cette ces mais et puis si quand comment
  pourquoi dans en au aux du des
  el los las una él ella ellos nosotros yo pero y cuando es está este esta esto hay
  lo gli lui lei noi io ma e se questo questa è
  o os as um uma ele ela eles nós eu mas em no na é
  de het een hij zij ze wij ik maar als wanneer op dit deze er
`)
