import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { dropChrome, dropChromeRules } from '../../src/stages/drop-chrome.ts'
import { dedupeHeaders } from '../../src/stages/dedupe-headers.ts'
import type { DropChromeOptions } from '../../src/stages/drop-chrome.ts'
import { runStage } from '../helpers/run-stage.ts'

/** Sentences in each language, long enough to be prose (the body search needs them). */
const S = {
  en1: 'The city council voted on Tuesday to close the old harbour for the winter, and the mayor said that the decision was not an easy one for anyone.',
  en2: 'Fishermen who have used the harbour for decades told reporters that they would now have to travel much further to reach the open sea every day.',
  de1: 'Der Stadtrat hat am Dienstag beschlossen, den alten Hafen im Winter zu schließen, und der Bürgermeister sagte, dass die Entscheidung nicht leicht war.',
  de3: 'Der Hafen war seit dem Mittelalter das Herz der Stadt, und viele Familien leben noch heute von dem, was die Boote jeden Morgen an Land bringen.',
  de2: 'Die Fischer, die den Hafen seit Jahrzehnten nutzen, sagten, dass sie nun jeden Tag viel weiter fahren müssen, um auf das offene Meer zu kommen.',
  fr1: 'Le conseil municipal a voté mardi la fermeture du vieux port pour l’hiver, et le maire a dit que la décision n’était pas facile pour la ville.',
  fr2: 'Les pêcheurs qui utilisent le port depuis des décennies ont dit qu’ils devront maintenant aller beaucoup plus loin pour rejoindre la mer chaque jour.',
  es1: 'El consejo de la ciudad votó el martes para cerrar el viejo puerto durante el invierno, y el alcalde dijo que la decisión no fue fácil para nadie.',
  es2: 'Los pescadores que usan el puerto desde hace décadas dijeron que ahora tendrán que viajar mucho más lejos para llegar al mar abierto cada día.',
  it1: 'Il consiglio comunale ha votato martedì per chiudere il vecchio porto durante l’inverno, e il sindaco ha detto che la decisione non è stata facile.',
  it2: 'I pescatori che usano il porto da decenni hanno detto che ora dovranno viaggiare molto più lontano per raggiungere il mare aperto ogni giorno.',
  pt1: 'O conselho da cidade votou na terça para fechar o velho porto durante o inverno, e o prefeito disse que a decisão não foi fácil para ninguém.',
  pt2: 'Os pescadores que usam o porto há décadas disseram que agora terão de viajar muito mais longe para chegar ao mar aberto todos os dias.',
  nl1: 'De gemeenteraad heeft dinsdag besloten om de oude haven in de winter te sluiten, en de burgemeester zei dat het geen makkelijke beslissing was.',
  nl2: 'De vissers die de haven al tientallen jaren gebruiken zeiden dat ze nu elke dag veel verder moeten varen om de open zee te bereiken.',
}

/** Paragraphs of two sentences, as long as the short paragraphs of a real news article. */
const P = Object.fromEntries(
  Object.entries(S).map(([key, sentence]) => {
    const other = S[`${key.slice(0, 2)}${key.endsWith('1') ? '2' : '1'}` as keyof typeof S]
    return [key, `${sentence} ${other}`]
  }),
) as Record<keyof typeof S, string>

const lines = (...parts: string[]): string => parts.join('\n')

interface Case {
  name: string
  input: string
  /** Expected text; undefined when the document is dropped. */
  expected: string | undefined
  rules: string[]
  options?: DropChromeOptions
}

const removals: Case[] = [
  {
    name: 'menus, share bar and copyright around an English article',
    input: lines('Home', 'World', 'Business', 'Sport', '', 'Harbour to close for the winter', 'By Jane Doe', '', P.en1, '', P.en2, '', 'Share', 'Tweet', '', '© 2024 Example News. All rights reserved.'),
    expected: lines('Harbour to close for the winter', 'By Jane Doe', '', P.en1, '', P.en2),
    rules: ['drop-chrome/ui-line', 'drop-chrome/nav-run', 'drop-chrome/share-line', 'drop-chrome/copyright'],
  },
  {
    name: 'e-mail and print buttons between the byline and the text',
    input: lines('Harbour to close for the winter', 'By Jane Doe', '', 'Email This Post', 'Printer Friendly Version', '', P.en1, '', P.en2),
    expected: lines('Harbour to close for the winter', 'By Jane Doe', '', P.en1, '', P.en2),
    rules: ['drop-chrome/ui-line'],
  },
  {
    name: 'text-size, print and reprints buttons between the byline and the text',
    input: lines('Harbour to close for the winter', 'By Jane Doe', '', 'Text Size', 'Print', 'Reprints', '', P.en1, '', P.en2),
    expected: lines('Harbour to close for the winter', 'By Jane Doe', '', P.en1, '', P.en2),
    rules: ['drop-chrome/ui-line'],
  },
  {
    name: 'close buttons above, a subhead inside and an empty comment form below',
    input: lines('close', 'close', '', 'Harbour to close for the winter', '', P.en1, '', 'What comes next?', '', P.en2, '', 'Leave a Reply', '', 'Your email address will not be published. Required fields are marked *'),
    expected: lines('Harbour to close for the winter', '', P.en1, '', 'What comes next?', '', P.en2),
    rules: ['drop-chrome/ui-line', 'drop-chrome/comments-section'],
  },
  {
    name: 'a site tagline above the article is boilerplate',
    input: lines('Welcome to our blog about boats.', '', P.en1, '', P.en2),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/boilerplate-head'],
  },
  {
    name: 'a cookie banner and a skip link above the article',
    input: lines('Skip to content', 'We use cookies to improve your experience. By continuing to browse you accept our cookie policy.', 'Accept', '', P.en1, '', P.en2),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/skip-link', 'drop-chrome/cookie-notice', 'drop-chrome/ui-line'],
  },
  {
    name: 'a paragraph about baking cookies or about copyright law is prose, not a notice',
    input: lines(P.en1, '', 'My grandmother kept her cookie recipes in a tin, and we still use them every Christmas.', '', 'Copyright law has not kept pace with AI, the judge wrote.', '', P.en2),
    expected: lines(P.en1, '', 'My grandmother kept her cookie recipes in a tin, and we still use them every Christmas.', '', 'Copyright law has not kept pace with AI, the judge wrote.', '', P.en2),
    rules: [],
  },
  {
    name: 'German: skip link, login, related block and rights line',
    input: lines('Zum Inhalt springen', 'Anmelden', '', 'Hafen schließt im Winter', '', P.de1, '', P.de3, '', 'Das könnte Sie auch interessieren', 'Neue Brücke eröffnet', 'Markt zieht um', '', P.de2, '', 'Alle Rechte vorbehalten'),
    expected: lines('Hafen schließt im Winter', '', P.de1, '', P.de3, '', P.de2),
    rules: ['drop-chrome/skip-link', 'drop-chrome/ui-line', 'drop-chrome/related-links', 'drop-chrome/copyright'],
  },
  {
    name: 'French: comment form after the article',
    input: lines('Aller au contenu', '', P.fr1, '', P.fr2, '', 'Laisser un commentaire', 'Votre adresse e-mail ne sera pas publiée.', 'Commentaire', 'Nom *', 'E-mail *'),
    expected: lines(P.fr1, '', P.fr2),
    rules: ['drop-chrome/skip-link', 'drop-chrome/comments-section'],
  },
  {
    name: 'Spanish: an advertising label inside the body and a feed footer',
    input: lines(P.es1, '', 'Publicidad', '', P.es2, '', 'La entrada El puerto cierra se publicó primero en Diario del Puerto.'),
    expected: lines(P.es1, '', P.es2),
    rules: ['drop-chrome/advertisement', 'drop-chrome/feed-footer'],
  },
  {
    name: 'Italian: newsletter box and tag line',
    input: lines(P.it1, '', P.it2, '', 'Tag: porto, inverno, pesca', '', 'Iscriviti alla nostra newsletter per ricevere le notizie'),
    expected: lines(P.it1, '', P.it2),
    rules: ['drop-chrome/tag-line', 'drop-chrome/newsletter'],
  },
  {
    name: 'Portuguese: breadcrumb and "leia também" block',
    input: lines('Você está aqui: Início » Notícias » Cidade', '', P.pt1, '', 'Leia também', 'Ponte nova abre em maio', '', P.pt2),
    expected: lines(P.pt1, '', P.pt2),
    rules: ['drop-chrome/breadcrumb', 'drop-chrome/related-links'],
  },
  {
    name: 'Dutch: reader comments under a heading with timestamps',
    input: lines(P.nl1, '', P.nl2, '', 'Reacties', 'Jan op 3 mei 2024 om 10:12', 'Wat een slecht idee van de gemeente, echt waar, de vissers worden zo helemaal vergeten.', 'Piet op 3 mei 2024 om 11:40', 'Eens met Jan.'),
    expected: lines(P.nl1, '', P.nl2),
    rules: ['drop-chrome/comments-section'],
  },
  {
    name: 'WordPress comments: "N Responses to" and "says:" lines',
    input: lines(P.en1, '', P.en2, '', '2 Responses to “Harbour to close”', 'Bob says:', 'May 3, 2024 at 10:12 am', 'This is a terrible idea and the council should think again about the fishermen.', 'Reply', 'Ann says:', 'May 3, 2024 at 11:40 am', 'I agree with Bob.'),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/comments-section'],
  },
  {
    name: 'the sidebar after the article is the tail',
    input: lines(P.en1, '', P.en2, '', 'About us', 'Weather in the north', 'A blog about boats', '', 'Our team writes about the sea.'),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/ui-line', 'drop-chrome/boilerplate-tail'],
  },
  {
    name: 'a feed footer after a feed item',
    input: lines(P.en1, '', P.en2, '', 'The post Harbour to close appeared first on Example News.'),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/feed-footer'],
  },
  {
    name: 'a related block after the article goes as a whole',
    input: lines(P.en1, '', P.en2, '', 'Latest stories', 'Bridge reopens after repairs', 'Market moves to the square'),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/related-links'],
  },
  {
    name: 'a page rendering its text twice keeps it once',
    input: lines('Harbour to close for the winter', '', P.en1, '', P.en2, '', P.en1, '', P.en2),
    expected: lines('Harbour to close for the winter', '', P.en1, '', P.en2),
    rules: ['drop-chrome/duplicate-line'],
  },
  {
    name: 'teasers with "Read more" links are not the article',
    input: lines(P.en1, '', P.en2, '', 'Bridge reopens after repairs', S.en1, 'Read more', '', 'Market moves to the square', S.en2, 'Read more'),
    expected: lines(P.en1, '', P.en2),
    rules: ['drop-chrome/related-links', 'drop-chrome/ui-line'],
  },
  {
    name: 'prose inside a long menu block is not the article',
    input: lines('Home', 'Books', `Our books: ${S.en1}`, 'Podcast', 'Consulting', `About: ${S.en2}`, 'Archive', '', 'Harbour to close for the winter', '', P.en1, '', P.en2),
    expected: lines('Harbour to close for the winter', '', P.en1, '', P.en2),
    rules: ['drop-chrome/ui-line', 'drop-chrome/nav-run', 'drop-chrome/boilerplate-head'],
  },
  {
    name: 'a short closing line and a signature stay with the article',
    input: lines(P.en1, '', P.en2, '', 'What do you think of it?', 'Posted by Jane Doe, harbour reporter', '', 'Bridge reopens', 'Market moves'),
    expected: lines(P.en1, '', P.en2, '', 'What do you think of it?', 'Posted by Jane Doe, harbour reporter'),
    rules: ['drop-chrome/boilerplate-tail'],
  },
  {
    name: 'a menu and a breadcrumb written on one line',
    input: lines('Home | About us | Contact | Archive', 'Home › News › Coast', '', 'Harbour to close for the winter', 'By Jane Doe | May 3, 2024', '', P.en1, '', 'Privacy | Terms | Cookies', '', P.en2),
    expected: lines('Harbour to close for the winter', 'By Jane Doe | May 3, 2024', '', P.en1, '', P.en2),
    rules: ['drop-chrome/nav-run', 'drop-chrome/breadcrumb'],
  },
  {
    name: 'a typed list after the last paragraph stays with the article',
    input: lines(P.en1, '', P.en2, '', 'What changes:', '- the quay closes', '- boats move to the north pier', '- the ferry keeps running', '- the market stays open', '', 'Home', 'Contact'),
    expected: lines(P.en1, '', P.en2, '', 'What changes:', '- the quay closes', '- boats move to the north pier', '- the ferry keeps running', '- the market stays open'),
    rules: ['drop-chrome/ui-line'],
  },
  {
    name: 'a document of nothing but chrome is dropped',
    input: lines('Home', 'Menu', 'Share', 'Sign in'),
    expected: undefined,
    rules: ['drop-chrome/ui-line', 'drop-chrome/share-line', 'drop-chrome/nothing-left'],
  },
]

const keeps: Case[] = [
  {
    name: 'a subhead between two paragraphs is kept',
    input: lines(P.en1, '', 'What comes next?', '', P.en2),
    expected: undefined,
    rules: [],
  },
  {
    name: '"Share prices fell" is a sentence, not a share button',
    input: lines(P.en1, '', 'Share prices fell', '', P.en2),
    expected: undefined,
    rules: [],
  },
  {
    name: 'a list inside the article is kept',
    input: lines(P.en1, '', 'The council will:', '- close the harbour', '- repair the quay', '- reopen in April', '', P.en2),
    expected: undefined,
    rules: [],
  },
  {
    name: 'short paragraphs and quotes inside the article are kept',
    input: lines(P.en1, '', '“We had no choice,” she said.', '', 'He agreed.', '', P.en2),
    expected: undefined,
    rules: [],
  },
  {
    name: 'a short note without prose is left alone',
    input: lines('Meeting moved to Friday', 'Room 4, 10 am'),
    expected: undefined,
    rules: [],
  },
]

describe('drop-chrome', () => {
  it.each(removals)('$name', async ({ input, expected, rules, options }) => {
    const { doc, dropped } = await runStage(dropChrome(options), { text: input }, rules)
    expect(dropped).toBe(expected === undefined)
    if (expected !== undefined) expect(doc.text).toBe(expected)
  })

  it.each(keeps)('keeps: $name', async ({ input, rules }) => {
    const { doc } = await runStage(dropChrome(), { text: input }, rules)
    expect(doc.text).toBe(input)
  })

  it('gives the same result with the line features handed over by dedupe-headers as without them', async () => {
    for (const { input } of [...removals, ...keeps]) {
      const headed = await runStage(dedupeHeaders(), { text: input })
      expect(headed.doc.meta.lineFeatures !== undefined || headed.doc.title !== undefined || input.trim() === '').toBe(true)
      const handed = await runStage(dropChrome(), headed.doc)
      const { lineFeatures: _handover, ...meta } = headed.doc.meta
      const fresh = await runStage(dropChrome(), { ...headed.doc, meta })
      expect(handed.doc.text).toBe(fresh.doc.text)
      expect(handed.doc.messages).toEqual(fresh.doc.messages)
      if (!handed.dropped) expect(handed.doc.meta.lineFeatures).toBeUndefined()
    }
  })

  it('reports each removed line with its 1-based line number and an excerpt', async () => {
    const { doc } = await runStage(dropChrome(), { text: lines('Menu', '', P.en1, '', P.en2, 'Tweet') }, ['drop-chrome/ui-line', 'drop-chrome/share-line'])
    const removed = doc.messages.map((message) => [message.rule, message.place?.line, message.actual])
    expect(removed).toEqual([
      ['drop-chrome/ui-line', 1, 'Menu'],
      ['drop-chrome/share-line', 6, 'Tweet'],
    ])
  })

  it('reports a run of lines one rule removed as one message with its count and range', async () => {
    const { doc } = await runStage(dropChrome(), { text: lines('World', 'Business', '', 'Sport', 'Science', '', P.en1, '', P.en2, 'Share', 'Tweet') }, ['drop-chrome/nav-run', 'drop-chrome/share-line'])
    const removed = doc.messages.map((message) => [message.rule, message.place?.line, message.actual, message.reason])
    expect(removed).toEqual([
      ['drop-chrome/nav-run', 1, 'World', 'Removed 4 lines of a navigation run (short menu-like lines), lines 1–5.'],
      ['drop-chrome/share-line', 10, 'Share', 'Removed 2 share or social-media lines, lines 10–11.'],
    ])
  })

  it('a disabled rule keeps the lines it would remove', async () => {
    const input = lines('World', 'Business', 'Sport', '', P.en1, '', P.en2)
    const { doc } = await runStage(dropChrome({ disable: ['drop-chrome/nav-run'] }), { text: input }, [])
    expect(doc.text).toBe(input)
  })

  it('disabling comments-section keeps comments out of the body search but still ends the article', async () => {
    const input = lines(P.en1, '', P.en2, '', 'Comments', 'Bob says:', 'May 3, 2024 at 10:12 am', 'Short.')
    const { doc } = await runStage(dropChrome({ disable: ['drop-chrome/comments-section'] }), { text: input }, ['drop-chrome/ui-line', 'drop-chrome/boilerplate-tail'])
    expect(doc.text).toBe(lines(P.en1, '', P.en2))
  })

  it('lines known as site chrome are removed wherever they are', async () => {
    const input = lines(P.en1, '', 'Harbour Daily: all the news from the quay', '', P.en2)
    const { doc } = await runStage(dropChrome({ knownChrome: ['Harbour Daily - all the news from the quay'] }), { text: input }, ['drop-chrome/known-chrome'])
    expect(doc.text).toBe(lines(P.en1, '', P.en2))
  })

  it('extra phrases from options are removed like built-in ones', async () => {
    const input = lines(P.de1, '', 'Mehr laden', '', P.de2)
    await runStage(dropChrome(), { text: input }, [])
    const { doc } = await runStage(dropChrome({ phrases: { ui: ['Mehr laden'] } }), { text: input }, ['drop-chrome/ui-line'])
    expect(doc.text).toBe(lines(P.de1, '', P.de2))
  })

  it('starts the article at the known title when it sits above the body', async () => {
    const input = lines('Home', 'Weather', 'Harbour to close', 'Photo: Jane Doe for Example News', '', P.en1, '', P.en2)
    const { doc } = await runStage(dropChrome(), { text: input, title: 'Harbour to close' }, ['drop-chrome/ui-line', 'drop-chrome/nav-run'])
    expect(doc.text).toBe(lines('Harbour to close', 'Photo: Jane Doe for Example News', '', P.en1, '', P.en2))
    // Without a title, the headline found above the text (over the photo credit) starts it too.
    const untitled = await runStage(dropChrome(), { text: input }, ['drop-chrome/ui-line', 'drop-chrome/nav-run'])
    expect(untitled.doc.text).toBe(lines('Harbour to close', 'Photo: Jane Doe for Example News', '', P.en1, '', P.en2))
  })

  it('rejects unknown options and unknown rule ids with a sentence naming them', () => {
    expect(() => dropChrome({ disable: ['drop-chrome/nav-runs'] })).toThrow(/Unknown rule `drop-chrome\/nav-runs` in `disable`/)
    expect(() => dropChrome({ navRuns: true } as unknown as DropChromeOptions)).toThrow(/navRuns/)
  })

  it('lists every rule it can emit', () => {
    expect(dropChrome().rules).toEqual(dropChromeRules)
    expect(new Set(dropChromeRules).size).toBe(dropChromeRules.length)
  })

  propertyTest.prop([fc.string({ unit: 'grapheme', maxLength: 400 })])('never throws and keeps only lines of the input', async (text) => {
    const { doc, dropped } = await runStage(dropChrome(), { text })
    if (dropped) return
    const input = new Set(text.split(/\r\n|\r|\n/))
    for (const line of doc.text.split('\n')) if (line !== '') expect(input.has(line)).toBe(true)
  })
})
