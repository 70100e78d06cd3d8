/**
 * A golden-rule style suite for the sentence splitter: one case per rule, following the rule
 * list published with the Pragmatic Segmenter (Kevin Dias) and reused by pySBD. The sentences
 * are our own, written to exercise each named rule; the rule names are theirs.
 */

/** One rule: the input and the sentences it must give. */
export interface GoldenCase {
  rule: string
  lang: string
  input: string
  expected: string[]
}

const en = (rule: string, input: string, expected: string[]): GoldenCase => ({ rule, lang: 'en', input, expected })

/** English rules (the published list, one case each, plus a few web-text extras). */
export const ENGLISH: GoldenCase[] = [
  en('simple period to end sentence', 'The river rose overnight. Nobody was hurt.', ['The river rose overnight.', 'Nobody was hurt.']),
  en('question mark to end sentence', 'Where did you park? The car is outside.', ['Where did you park?', 'The car is outside.']),
  en('exclamation point to end sentence', 'We won the cup! Everyone cheered.', ['We won the cup!', 'Everyone cheered.']),
  en('one letter upper case abbreviations', 'My neighbour is Carla T. Moreno.', ['My neighbour is Carla T. Moreno.']),
  en('one letter lower case abbreviations', 'The table is on p. 42 of the report.', ['The table is on p. 42 of the report.']),
  en('two letter lower case abbreviations in the middle of a sentence', 'Did Anna and co. come to the dinner?', ['Did Anna and co. come to the dinner?']),
  en('two letter upper case abbreviations in the middle of a sentence', 'The firm signed with Harlow, Pike & Co. last spring.', ['The firm signed with Harlow, Pike & Co. last spring.']),
  en('two letter lower case abbreviations at the end of a sentence', 'Ask Anna and co. They will know.', ['Ask Anna and co.', 'They will know.']),
  en('two letter upper case abbreviations at the end of a sentence', 'The firm signed with Harlow, Pike & Co. It happened on Monday.', ['The firm signed with Harlow, Pike & Co.', 'It happened on Monday.']),
  en('two letter prepositive abbreviations', 'From the ridge you can see Mt. Rainier clearly.', ['From the ridge you can see Mt. Rainier clearly.']),
  en('two letter prepositive and postpositive abbreviations', "St. Mary's School is on 3rd st. by the park.", ["St. Mary's School is on 3rd st. by the park."]),
  en('possessive two letter abbreviations', "This is Martin Jr.'s bicycle.", ["This is Martin Jr.'s bicycle."]),
  en('multi-period abbreviations in the middle of a sentence', 'She toured the U.S.A. two summers ago.', ['She toured the U.S.A. two summers ago.']),
  en('multi-period abbreviations at the end of a sentence', 'They moved to the U.K. What about you?', ['They moved to the U.K.', 'What about you?']),
  en('U.S. as sentence boundary', 'My cousin lives in the U.S. How about yours?', ['My cousin lives in the U.S.', 'How about yours?']),
  en('U.S. as non sentence boundary with next word capitalized', 'He joined the U.S. Navy in Norfolk.', ['He joined the U.S. Navy in Norfolk.']),
  en('U.S. as non sentence boundary', 'They have been in the U.S. for ten years.', ['They have been in the U.S. for ten years.']),
  en('a.m. / p.m. as non sentence boundary and sentence boundary', 'At 7 a.m. Dr. Lee opened the clinic. She closed it at 8 P.M. Dr. Lee then drove home.', ['At 7 a.m. Dr. Lee opened the clinic.', 'She closed it at 8 P.M. Dr. Lee then drove home.']),
  en('number as non sentence boundary', 'The ticket costs $12.50 at the door.', ['The ticket costs $12.50 at the door.']),
  en('number as sentence boundary', 'The ticket costs $12.50. Children go free.', ['The ticket costs $12.50.', 'Children go free.']),
  en('parenthetical inside sentence', 'She studies law (She once worked for 3 years as a nurse.) at the city college.', ['She studies law (She once worked for 3 years as a nurse.) at the city college.']),
  en('email addresses', 'Write to Ana.Ruiz@example.org. She answers quickly.', ['Write to Ana.Ruiz@example.org.', 'She answers quickly.']),
  en('web addresses', 'The page is: https://www.example.co.uk/news/local_story.html. Read it today.', ['The page is: https://www.example.co.uk/news/local_story.html.', 'Read it today.']),
  en('single quotations inside sentence', "He looked up, 'That was quick.' he said.", ["He looked up, 'That was quick.' he said."]),
  en('double quotations inside sentence', 'He looked up, "That was quick." he said.', ['He looked up, "That was quick." he said.']),
  en('double quotations at the end of a sentence', 'He looked up, "That was quick." He put the cup down.', ['He looked up, "That was quick."', 'He put the cup down.']),
  en('double punctuation (exclamation point)', 'Welcome back!! We missed you.', ['Welcome back!!', 'We missed you.']),
  en('double punctuation (question mark)', 'Anyone home?? The door is open.', ['Anyone home??', 'The door is open.']),
  en('double punctuation (exclamation point / question mark)', 'You again!? Come in.', ['You again!?', 'Come in.']),
  en('double punctuation (question mark / exclamation point)', 'You again?! Come in.', ['You again?!', 'Come in.']),
  en('list (period followed by parens and no period to end item)', '1.) Buy flour 2.) Bake bread', ['1.) Buy flour', '2.) Bake bread']),
  en('list (period followed by parens and period to end item)', '1.) Buy flour. 2.) Bake bread.', ['1.) Buy flour.', '2.) Bake bread.']),
  en('list (parens and no period to end item)', '1) Buy flour 2) Bake bread', ['1) Buy flour', '2) Bake bread']),
  en('list (parens and period to end item)', '1) Buy flour. 2) Bake bread.', ['1) Buy flour.', '2) Bake bread.']),
  en('list (period to mark list and no period to end item)', '1. Buy flour 2. Bake bread', ['1. Buy flour', '2. Bake bread']),
  en('list (period to mark list and period to end item)', '1. Buy flour. 2. Bake bread.', ['1. Buy flour.', '2. Bake bread.']),
  en('list with bullet', '\u2022 4. Buy flour \u2022 5. Bake bread', ['\u2022 4. Buy flour', '\u2022 5. Bake bread']),
  en('list with hyphen bullet', '\u20434. Buy flour \u20435. Bake bread', ['\u20434. Buy flour', '\u20435. Bake bread']),
  en('alphabetical list', 'a. Buy flour b. Bake bread c. Share it', ['a. Buy flour', 'b. Bake bread', 'c. Share it']),
  en('geo coordinates', 'The cache is at N\u00B0. 4521.330.117. Dig there.', ['The cache is at N\u00B0. 4521.330.117.', 'Dig there.']),
  en('named entities with an exclamation point', 'He works at Yahoo! in the sales team.', ['He works at Yahoo! in the sales team.']),
  en('I as a sentence boundary and I as an abbreviation', 'They can stay with you and I. Have you met Edward I. Carter?', ['They can stay with you and I.', 'Have you met Edward I. Carter?']),
  en('ellipsis at end of quotation', 'The letter ended with "we will meet again \u2026" and nothing more.', ['The letter ended with "we will meet again \u2026" and nothing more.']),
  en('ellipsis with square brackets', '"The storm [...] flattened the harbour [...]" (Reyes 12).', ['"The storm [...] flattened the harbour [...]" (Reyes 12).']),
  en('ellipsis as sentence boundary (standard ellipsis rules)', 'When the end of a sentence is left out, the omission is shown with three spaced dots and then the period . . . . Then a new sentence starts.', ['When the end of a sentence is left out, the omission is shown with three spaced dots and then the period . . . .', 'Then a new sentence starts.']),
  en('ellipsis as sentence boundary (non-standard ellipsis rules)', 'I never said that.... He walked out.', ['I never said that....', 'He walked out.']),
  en('ellipsis as non sentence boundary', "I wasn't sure ... well, what I meant...look . . . the point is . . . I forgot.", ["I wasn't sure ... well, what I meant...look . . . the point is . . . I forgot."]),
  en('4-dot ellipsis', 'The old habit faded . . . as new words came in. . . . The change was slow. . . .', ['The old habit faded . . . as new words came in. . . .', 'The change was slow. . . .']),
  en('no whitespace in between sentences', 'Good morning.The bus is late.Ms. Lopez waited for 1,500.That is a long wait.', ['Good morning.', 'The bus is late.', 'Ms. Lopez waited for 1,500.', 'That is a long wait.']),
  en('no whitespace in between sentences with numbers', 'It rained for 2 days.Then the sun came out.', ['It rained for 2 days.', 'Then the sun came out.']),
  en('time with a.m. at end of sentence', 'The train leaves at 6 a.m. It is always full.', ['The train leaves at 6 a.m.', 'It is always full.']),
  en('decimal numbers', 'Inflation rose 3.2 percent in May. Prices fell 0.4 percent later.', ['Inflation rose 3.2 percent in May.', 'Prices fell 0.4 percent later.']),
  en('e.g. and i.e. inside a sentence', 'Bring fruit, e.g. apples or pears, i.e. something light.', ['Bring fruit, e.g. apples or pears, i.e. something light.']),
  en('e.g. followed by a capital', 'Pick a city, e.g. Paris or Rome.', ['Pick a city, e.g. Paris or Rome.']),
  en('initials of a name', 'The Hobbit was written by J. R. R. Tolkien in 1937.', ['The Hobbit was written by J. R. R. Tolkien in 1937.']),
  en('titles Mr. Mrs. Dr. Prof.', 'Mr. and Mrs. Okafor met Prof. Lind and Dr. Haas. They talked for hours.', ['Mr. and Mrs. Okafor met Prof. Lind and Dr. Haas.', 'They talked for hours.']),
  en('Vol. and No. before numbers', 'See Vol. 3, No. 7 of the journal.', ['See Vol. 3, No. 7 of the journal.']),
  en('month abbreviation', 'The law took effect on Jan. 1 this year.', ['The law took effect on Jan. 1 this year.']),
  en('etc. at the end of a sentence', 'They sold pens, paper, ink, etc. The shop closed in 2019.', ['They sold pens, paper, ink, etc.', 'The shop closed in 2019.']),
  en('etc. in the middle of a sentence', 'Pens, paper, etc. are on the shelf.', ['Pens, paper, etc. are on the shelf.']),
  en('quotation ending with question mark', '"Are you coming?" she asked. "Yes," he said.', ['"Are you coming?" she asked.', '"Yes," he said.']),
  en('sentence inside parentheses', 'The vote passed. (Two members abstained.) The session ended.', ['The vote passed.', '(Two members abstained.)', 'The session ended.']),
  en('sentence after closing curly quote', '\u201CWe are ready.\u201D The coach smiled.', ['\u201CWe are ready.\u201D', 'The coach smiled.']),
  en('abbreviation vs.', 'It was Smith vs. Jones in the final.', ['It was Smith vs. Jones in the final.']),
  en('company suffix Inc. mid sentence', 'Acme Inc. Holdings bought the plant.', ['Acme Inc. Holdings bought the plant.']),
  en('URL without scheme in a sentence', 'Visit www.example.com. It has the schedule.', ['Visit www.example.com.', 'It has the schedule.']),
  en('single letter lower case at sentence end', 'Section 4 is about plan b. We need a plan c too.', ['Section 4 is about plan b.', 'We need a plan c too.']),
  en('lines without final stop', 'Latest news\nThe bridge reopened today.', ['Latest news', 'The bridge reopened today.']),
  en('numbers with thousands separators', 'The town has 12,400 people. It grew fast.', ['The town has 12,400 people.', 'It grew fast.']),
]

const other = (lang: string, rule: string, input: string, expected: string[]): GoldenCase => ({ rule, lang, input, expected })

/** Basic rules for other languages: their abbreviations, ordinals, quotes and stops. */
export const OTHER: GoldenCase[] = [
  other('de', 'simple period', 'Der Zug kam spät. Wir warteten lange.', ['Der Zug kam spät.', 'Wir warteten lange.']),
  other('de', 'z.B. inside sentence', 'Es gibt viele Sorten, z.B. Roggen und Dinkel.', ['Es gibt viele Sorten, z.B. Roggen und Dinkel.']),
  other('de', 'ordinal number before month', 'Am 3. Oktober ist Feiertag. Die Läden sind zu.', ['Am 3. Oktober ist Feiertag.', 'Die Läden sind zu.']),
  other('de', 'Nr. before number', 'Er wohnt in Haus Nr. 12 am Markt.', ['Er wohnt in Haus Nr. 12 am Markt.']),
  other('de', 'Dr. before name', 'Heute spricht Dr. Weber im Rathaus. Der Eintritt ist frei.', ['Heute spricht Dr. Weber im Rathaus.', 'Der Eintritt ist frei.']),
  other('de', 'bzw. and usw.', 'Wir brauchen Mehl bzw. Stärke, Zucker usw. für den Kuchen.', ['Wir brauchen Mehl bzw. Stärke, Zucker usw. für den Kuchen.']),
  other('fr', 'simple period', 'Il pleut depuis lundi. La rivière monte.', ['Il pleut depuis lundi.', 'La rivière monte.']),
  other('fr', 'M. before name', 'M. Dubois est arrivé hier. Il repart demain.', ['M. Dubois est arrivé hier.', 'Il repart demain.']),
  other('fr', 'space before question mark', 'Vous venez ? Nous partons bientôt.', ['Vous venez ?', 'Nous partons bientôt.']),
  other('fr', 'guillemets after stop', '\u00AB Nous avons gagné. \u00BB Elle souriait.', ['\u00AB Nous avons gagné. \u00BB', 'Elle souriait.']),
  other('fr', 'Mme before name', 'Mme Martin et Mlle Roux sont là. Elles attendent.', ['Mme Martin et Mlle Roux sont là.', 'Elles attendent.']),
  other('es', 'inverted question mark', '¿Dónde está la estación? Está cerca del puerto.', ['¿Dónde está la estación?', 'Está cerca del puerto.']),
  other('es', 'inverted exclamation mark', '¡Qué sorpresa! No te esperaba.', ['¡Qué sorpresa!', 'No te esperaba.']),
  other('es', 'Sr. and Sra.', 'El Sr. Gómez y la Sra. Ortiz llegaron tarde. Nadie dijo nada.', ['El Sr. Gómez y la Sra. Ortiz llegaron tarde.', 'Nadie dijo nada.']),
  other('es', 'EE. UU.', 'Viajó a EE. UU. en marzo. Volvió en abril.', ['Viajó a EE. UU. en marzo.', 'Volvió en abril.']),
  other('it', 'Sig. and Dott.', 'Il Sig. Rossi ha visto il Dott. Bianchi. Poi è tornato a casa.', ['Il Sig. Rossi ha visto il Dott. Bianchi.', 'Poi è tornato a casa.']),
  other('it', 'simple question', 'Dove vai? Vado al mercato.', ['Dove vai?', 'Vado al mercato.']),
  other('pt', 'Dr. and Sra.', 'O Dr. Costa falou com a Sra. Lima. Ela concordou.', ['O Dr. Costa falou com a Sra. Lima.', 'Ela concordou.']),
  other('pt', 'decimal comma and period', 'O preço subiu 2,5 por cento. Os clientes reclamaram.', ['O preço subiu 2,5 por cento.', 'Os clientes reclamaram.']),
  other('nl', 'dhr. and bijv.', 'Dhr. Jansen eet graag fruit, bijv. appels. Hij woont in Utrecht.', ['Dhr. Jansen eet graag fruit, bijv. appels.', 'Hij woont in Utrecht.']),
  other('nl', 'simple period', 'Het regent al dagen. De dijken houden stand.', ['Het regent al dagen.', 'De dijken houden stand.']),
  other('zh', 'full-width stops without spaces', '今天下雨了。我们在家看书！你呢？', ['今天下雨了。', '我们在家看书！', '你呢？']),
  other('ja', 'Japanese full stop', '駅はどこですか？あの角を曲がってください。', ['駅はどこですか？', 'あの角を曲がってください。']),
  other('ja', 'quote closing after full stop inside sentence', '彼は「ありがとう。」と言った。それから帰った。', ['彼は「ありがとう。」と言った。', 'それから帰った。']),
]

/** Every case, English first. */
export const GOLDEN: GoldenCase[] = [...ENGLISH, ...OTHER]
