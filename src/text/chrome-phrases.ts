/**
 * Phrase tables for page chrome in en, de, fr, es, it, pt and nl: the words of buttons, menus,
 * banners, comment forms and footers that scraped text dumps carry around the article. Exact
 * tables hold whole lines in `comparable()` form (lowercase words, digits dropped by the
 * matcher); pattern tables catch lines whose wording varies (copyright, cookie banners).
 * Facts about common site wording, written by hand.
 */

/** What kind of chrome a line is; the matcher returns one of these. */
export type ChromeKind =
  | 'ui'
  | 'menu'
  | 'read-more'
  | 'share'
  | 'cookie'
  | 'skip'
  | 'advertisement'
  | 'related'
  | 'comments'
  | 'comment-count'
  | 'comment-form'
  | 'copyright'
  | 'feed-footer'
  | 'newsletter'
  | 'tags'
  | 'breadcrumb'

const words = (list: string): string[] => list.split(/\s*\n\s*|\s*,\s*/).map((item) => item.trim()).filter((item) => item.length > 0)

/** Whole-line buttons and menu items. */
export const UI_LINES: readonly string[] = words(`
  close, close menu, menu, main menu, open menu, toggle menu, toggle navigation, navigation, main navigation, search, search this site,
  search for, search the site, go, submit, send, ok, cancel, x, sign in, sign up, sign out, log in, login, log out, logout, register,
  join, join now, log in join, sign in register, subscribe, subscribe now, home, homepage, back, back to top, top, to top, go to top, next, previous, prev,
  next post, previous post, next article, previous article, newer post, older post, newer posts, older posts, newer entries, older entries,
  next page, previous page, more, show more, load more, see more, view more, view all, see all, 
  print, print this, print this page, print article,
  email, e mail, email this, e mail this, email article, email this article, email this post, email this story, email this page,
  email story, email post, email to a friend, email to friend, email a friend, send to a friend, send to friend, print this article,
  print this post, print this story, print story, print friendly, printer friendly, print friendly version, printer friendly version, save, saved, bookmark, loading, reply, follow, follow us, contact, contact us, about, about us,
  privacy, privacy policy, terms, terms of use, terms of service, terms and conditions, help, faq, sitemap, site map, rss, rss feed, feed,
  advertise, advertise with us, careers, jobs, archives, archive, blog archive, categories, tags, blogroll, recent posts, recent comments, meta,
  reprints, reprint, order reprints, reprints permissions, reprints and permissions, text size, font size, a a a, a a, enlarge text, expand, collapse, hide, show, open, accept, decline, agree, i agree, got it, learn more,
  more info, listen, play, pause, watch, video, photos, gallery, enlarge, enlarge image, view larger, zoom, view comments, hide comments,
  show comments, report, report abuse, flag, edit, menu search, search menu, settings, my account, account, profile, dashboard, notifications,
  close ad, skip ad, previous slide, next slide, view gallery, see gallery, share this article, recommend, more options, options,
  schließen, menü, hauptmenü, navigation, suche, suchen, anmelden, abmelden, einloggen, registrieren, abonnieren, jetzt abonnieren, startseite,
  zurück, nach oben, weiter, vorherige, nächste, mehr, mehr anzeigen, alle anzeigen, drucken, kontakt, impressum, datenschutz,
  datenschutzerklärung, agb, hilfe, akzeptieren, alle akzeptieren, ablehnen, einstellungen, antworten, 
  fermer, rechercher, recherche, se connecter, connexion, déconnexion, s inscrire, inscription, s abonner, abonnez vous, accueil, retour,
  haut de page, retour en haut, suivant, précédent, plus, voir plus, voir tout, imprimer, contact, contactez nous,
  mentions légales, confidentialité, politique de confidentialité, aide, accepter, tout accepter, refuser, paramètres, répondre, 
  cerrar, buscar, búsqueda, iniciar sesión, acceder, entrar, cerrar sesión, registrarse, regístrate, suscribirse, suscríbete, inicio, portada,
  volver, volver arriba, siguiente, anterior, más, ver más, ver todo, imprimir, contacto, aviso legal, privacidad,
  política de privacidad, ayuda, aceptar, aceptar todo, rechazar, configuración, responder,
  chiudi, cerca, ricerca, accedi, esci, registrati, iscriviti, abbonati, torna su, torna all inizio, successivo, precedente, avanti, indietro,
  altro, mostra altro, vedi tutto, stampa, contatti, contattaci, note legali, aiuto, accetta,
  accetta tutto, rifiuta, impostazioni, rispondi,
  fechar, pesquisar, pesquisa, sair, iniciar sessão, cadastre se, cadastrar, registrar, inscrever se, assinar, assine, início, página inicial,
  voltar, voltar ao topo, próximo, ver mais, ver tudo, contato, contacto,
  política de privacidade, ajuda, aceitar, aceitar todos, recusar, configurações,
  sluiten, zoeken, inloggen, uitloggen, aanmelden, registreren, abonneren, abonneer, terug, naar boven, volgende, vorige, meer, toon meer,
  bekijk alles, afdrukken, printen, privacybeleid, hulp, accepteren, alles accepteren, weigeren, instellingen
`)

/** Links under a teaser that lead to the full article; the teaser above them is not article text. */
export const READ_MORE_LINES: readonly string[] = words(`
  read more, read full story, full story, continue reading, keep reading, read the full story, read the rest, read the rest of this entry,
  read full article, read article, more, more », weiterlesen, mehr lesen, artikel lesen, lire la suite, lire plus, leer más,
  seguir leyendo, leggi tutto, leggi di più, continua a leggere, leia mais, continuar lendo, continue lendo, lees meer, verder lezen
`)

/** Words a share/social bar is made of; a line of only these (and counts) is a share line. */
export const SHARE_WORDS: readonly string[] = words(`
  share, shares, shared, sharing, share this, share on, share via, share article, share story, share this story, share this post,
  share this article, share this page, tweet, tweets, retweet, like, likes, pin, pin it, pinit, facebook, twitter, x, linkedin, reddit,
  whatsapp, telegram, google, plus, pinterest, tumblr, stumbleupon, stumble, digg, delicious, buffer, pocket, instapaper, flipboard,
  xing, vk, email, e, mail, print, this, on, it, via, to, with, your, friends, friend, sms, messenger, copy, link, copy link, embed,
  recommend, send, post, more, comments, comment, youtube, instagram, rss, subscribe, follow, us, and,
  teilen, partager, compartir, condividi, compartilhar, partilhar, delen, tweeten, imprimer, drucken, imprimir, stampa, afdrukken
`)

/**
 * Headings that may announce reader comments ("Comments", "Add a comment"). Sites also use them
 * as links next to the byline, so they open the comments only when comments follow.
 */
export const COMMENT_HEADINGS: readonly string[] = words(`
  comments, comment, responses, response, replies, reactions, discussion, reader comments, user comments, readers comments, your comments,
  add a comment, add comment, add new comment, add your comment, leave a comment, leave your comment, post a comment, write a comment,
  join the discussion, join the conversation, show comments, view comments, jump to comments, comments rss, conversation, discuss,
  discuss this article, see comments, read comments, comment now, kommentare, kommentar, leserkommentare, diskussion, commentaires,
  commentaire, réactions, comentarios, comentario, commenti, commento, comentários, comentário, reacties, reactie
`)

/** Headings and buttons of a comment form or a closed thread: the comments start here. */
export const COMMENT_FORM_HEADINGS: readonly string[] = words(`
  leave a reply, leave a response, leave a reply cancel reply, what do you think, have your say, comments are closed, speak your mind,
  tell us what you think, trackbacks, pingbacks, trackbacks pingbacks, comments for this entry are closed, post comment, submit comment,
  write comment, kommentar schreiben, schreibe einen kommentar, kommentar verfassen, hinterlasse einen kommentar, laisser un commentaire,
  ajouter un commentaire, réagir, laisser une réponse, deja un comentario, dejar un comentario, añadir comentario, deja una respuesta,
  lascia un commento, aggiungi un commento, lascia una risposta, deixe um comentário, deixe uma resposta, laat een reactie achter,
  geef een reactie, plaats een reactie
`)

/** Fields and buttons of comment forms, and the header of a comment list; never article text. */
export const COMMENT_FORM_PATTERNS: readonly RegExp[] = [
  /^[{(\[]?\s*(\d+|one|no)\s+(responses?|thoughts?|comments?|replies|reactions) (to|on) ["“«„'‘]/i,
  /\b(your )?e-?mail( address)? will (not|never) be (published|shared|displayed)/i,
  /\brequired fields are (marked|indicated)/i,
  /^(name|e-?mail|mail|website|url|comment|message)\s*(\*|\((required|optional)[^)]*\))/i,
  /^(name|e-?mail|website|comment)\s*\*$/i,
  /^(mail|e-?mail) \(will not be published\)/i,
  /\bnotify me of (new|follow-?up)/i,
  /^save my name, e-?mail/i,
  /^(post|submit|add|publish) (your )?comment$/i,
  /\byou (may|can) use these html tags/i,
  /^cancel reply$/i,
  /\byou must be logged in to post a comment/i,
  /^(deine|ihre) e-?mail-adresse wird nicht veröffentlicht/i,
  /^erforderliche felder sind/i,
  /^votre (adresse )?(e-?mail|courriel|messagerie) ne sera pas publiée/i,
  /^les champs obligatoires sont/i,
  /^tu (dirección de )?correo electrónico no será publicad/i,
  /^los campos obligatorios están/i,
  /^il tuo indirizzo (e-?mail )?non sarà pubblicato/i,
  /^i campi obbligatori sono/i,
  /^o seu endereço de (e-?mail|email) não será publicado/i,
  /^(os )?campos obrigatórios são/i,
  /^je e-?mailadres wordt niet gepubliceerd/i,
  /^vereiste velden zijn/i,
]

/**
 * A count of comments ("12 Comments", "{ 4 responses to “…” }", "Comments (3)"), matched on the
 * `comparable()` form of the line. Counts in a byline do not start the line, so they do not match.
 */
export const COMMENT_COUNT_PATTERNS: readonly RegExp[] = [
  /^(\d+|one|two|three|no)\s+(comments?|responses?|replies|reactions|thoughts?|trackbacks?|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties)(( \S+){0,8}| (on|to) .*)$/,
  /^(comments?|responses?|kommentare|commentaires|comentarios|commenti|comentários|reacties) \d+$/,
]

/**
 * Lines around each reader comment: the signature ("Jane Doe says:", "Posted by: Bob | May 2,
 * 2012 at 10:51 PM"), its time ("26 minutes ago") and its buttons ("Reply", "Report abuse").
 */
export const COMMENT_META_PATTERNS: readonly RegExp[] = [
  /^posted by:?\s.{1,60}\b(at|on|\|)\s/i,
  /^\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b/i,
  /^\[?(reply|reply to this|replydelete|report abuse|report comment|flag|quote|permalink|like|rate this)\]?\b.{0,20}$/i,
  /^re:\s/i,
]

/** The verb closing a comment signature ("Jane Doe says:", "Hans schrieb"). */
export const SIGNATURE_VERBS: readonly string[] = words(`
  says, said, wrote, writes, schreibt, schrieb, dit, a écrit, dice, dijo, escribió, scrive, ha scritto, diz, disse, escreveu, zegt, schreef
`)

/** A comment signature: a short name, then one of {@link SIGNATURE_VERBS} ending the line. */
export const COMMENT_SIGNATURE = new RegExp(`^.{1,60}\\s(${SIGNATURE_VERBS.join('|')})\\s*:?$`, 'i')

/** Comment timestamps ("Jane | May 2, 2012 at 10:51", "May 2, 2012"); each ends in a digit, so only such lines are tested. */
export const COMMENT_STAMP_PATTERNS: readonly RegExp[] = [
  /^(\d+\.\s+)?(written by |posted by |by )?[^\s,.:;!?][^,.:;!?]{0,40}(\s[-–—·|]|,|\son|\sat)\s+.{0,12}\b\d{1,2}\b.{0,20}\d{2,4}$/i,
  /^(\p{L}{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/iu,
]
/** A time of day ("10:51 PM", "22:51"; always with a colon); with a date on a short line, it stamps a comment. */
export const TIME_OF_DAY = /\b\d{1,2}:\d{2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?(?!\d)/i

/** Copyright and rights lines. */
export const COPYRIGHT_PATTERNS: readonly RegExp[] = [
  /^(©|\(c\)\s|&copy;)/i,
  // "Copyright" then at once a year or sign, a sign or reservation anywhere, or a name alone
  // ("Copyright Acme Media"); "Copyright law was last overhauled in 1976." is prose.
  /^copyright\s*(\d{4}|©|\(c\))/i,
  /^copyright\b.*(©|\(c\)|rights reserved)/i,
  /^(?:Copyright|COPYRIGHT|copyright)(\s+\p{Lu}[\p{L}.&'’-]*){1,4}\.?$/u,
  /©\s*(\d{4}|\p{Lu})/u,
  /\bcopyright\s*(©|\(c\))?\s*\d{4}/i,
  /\bfor your personal,? non-?commercial use only\b/i,
  /\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden)\b/i,
]

/** "The post … appeared first on …" and its translations, added by feed plugins. */
export const FEED_FOOTER_PATTERNS: readonly RegExp[] = [
  /^the (post|article|entry) .+ appeared first on\b/i,
  /^(der beitrag|der artikel) .+ erschien zuerst auf\b/i,
  /^l['’](article|entrée) .+ est apparu en premier sur\b/i,
  /^(la entrada|el artículo|la publicación|el post) .+ (se publicó primero|apareció primero) en\b/i,
  /^(o post|a postagem|o artigo) .+ apareceu primeiro em\b/i,
  /^(l['’]articolo|il post) .+ (proviene da|sembra essere il primo su|è apparso prima su)\b/i,
  /^(het bericht|het artikel) .+ verscheen eerst op\b/i,
  /^this (entry|post) was posted (on|in)\b/i,
  // WordPress footers on lines of ≤ 400 characters (a one-line dump is an article); the limit is a lookbehind, not a slow `^.{0,370}`.
  /\bbookmark(?<=^.{0,378}) the permalink\.?$/i,
  /\bpost(?<=^.{0,354}) a comment or leave a trackback(: trackback url)?\.?$/i,
  /\bfollow(?<=^.{0,356}) (any )?comments here with the rss feed( for this post)?\.?$/i,
]

/** A banner's own short lines ("Cookie settings", "Accept all cookies"). */
export const COOKIE_LINE = /^(cookie (policy|settings|preferences|notice|consent)|manage cookies|accept (all )?cookies|cookie-einstellungen|cookies akzeptieren)$/i

/**
 * A cookie banner names the site, the browser or the reader's visit, in any of the languages
 * above. "You" and "your" alone are not enough: a recipe speaks to its reader too ("if you
 * use store-bought cookies").
 */
export const COOKIE_AUDIENCE = /\b(we|our|us|site|website|web site|browser|browsing|experience|services?|webseite|wir|unsere|nous|notre|nos|sitio|nuestro|nuestra|sito|nostro|utente|wij|onze)\b/i

/**
 * Cookie banners: cookies together with a consent or usage word (English needs the plural:
 * "a cookie sheet for later use" is a recipe), or a short banner line. Prose about cookies
 * matches the first two too ("sold 500 cookies using an app"), so the matcher also asks for
 * {@link COOKIE_AUDIENCE}.
 */
export const COOKIE_PATTERNS: readonly RegExp[] = [
  /\bcookies\b.*\b(use|uses|using|used|accept|consent|policy|settings|preferences|browsing|continuing|continue|experience|agree)\b/i,
  /\bcookie (policy|notice|settings|preferences|consent|statement)\b/i,
  /\b(accept|consent to|agree to|use of|uses?)\b.{0,40}\bcookies\b/i,
  /\bcookies?\b.*\b(verwendet|verwenden|nutzt|nutzen|einsatz|utilise|utilisons|utiliza|utilizamos|usa|utilizza|usiamo|gebruikt|akzeptieren|accepter|aceptar|accetta|aceitar|accepteren)\b/i,
  /\b(verwendet|verwenden|nutzt|nutzen|utilise|utilisons|utiliza|utilizamos|utilizza|usiamo|gebruikt|akzeptieren|accepter|aceptar|accetta|aceitar|accepteren)\b.*\bcookies?\b/i,
  /\b(we|this (site|website)) (use|uses) cookies\b/i,
  COOKIE_LINE,
]

/** Newsletter and e-mail sign-up boxes. */
export const NEWSLETTER_PATTERNS: readonly RegExp[] = [
  /\b(sign up|subscribe|register|join|get|receive)\b.{0,40}\b(newsletter|e-?mail updates|daily e-?mail|weekly e-?mail|e-?mail alerts|updates by e-?mail|via e-?mail|by e-?mail)\b/i,
  /^(or )?enter (your )?e-?mail( address)?\b/i,
  /^(your )?e-?mail address:?$/i,
  /\bdelivered by feedburner\b/i,
  /^subscribe (to|via|by) (our |the |my |this )?(rss|feed|e-?mail|newsletter|blog|posts|comments|updates)\b/i,
  /\b(newsletter|boletín|infolettre|nieuwsbrief)\b.{0,30}\b(abonnieren|anmelden|inscri|abonn|suscr|iscri|assin|inscrev|aanmeld|inschrijv)/i,
  /\b(abonnier\w*|abonnez|abonne|anmelden|inscri\w*|suscr[ií]b\w*|iscri\w*|assin\w*|inscrev\w*|meld je aan|schrijf je in)\b.{0,40}\b(newsletter|boletín|infolettre|nieuwsbrief)\b/i,
  /\b(unsubscribe at any time|you can unsubscribe)\b/i,
]

/** Headings of teaser blocks (related, popular, recommended); the short lines after them go too. */
export const RELATED_HEADINGS: readonly string[] = words(`
  related, related articles, related stories, related posts, related content, related links, related news, related coverage,
  related reading, related topics, related items, related entries, related videos, related tags, you may also like, you might also like,
  you might be interested in, you may be interested in, you may also be interested in, recommended, recommended for you, recommended stories,
  recommended reading, more stories, more news, more from, more on this, more on this story, more articles, read next, up next,
  what to read next, also read, see also, most popular, most read, most viewed, most emailed, most shared, most commented, trending,
  trending now, popular, popular posts, popular stories, popular articles, top stories, latest news, latest stories, latest posts,
  latest articles, recent articles, recent stories, around the web, from the web, from around the web, sponsored links,
  promoted stories, don t miss, editor s picks, editors picks, further reading, more in, in other news, elsewhere on the web, similar posts,
  ähnliche artikel, verwandte artikel, das könnte sie auch interessieren, das könnte sie interessieren, mehr zum thema, weitere artikel,
  lesen sie auch, auch interessant, meistgelesen, meistgelesene artikel, empfohlen, à lire aussi, lire aussi, voir aussi,
  articles similaires, articles liés, sur le même sujet, les plus lus, à découvrir, dans la même rubrique, artículos relacionados,
  noticias relacionadas, también te puede interesar, te puede interesar, lee también, lo más leído, más leídas, relacionado, relacionados,
  articoli correlati, leggi anche, potrebbe interessarti, ti potrebbe interessare, i più letti, correlati, artigos relacionados,
  notícias relacionadas, leia também, veja também, você também pode gostar, mais lidas, gerelateerde artikelen, lees ook, meer nieuws,
  meest gelezen, bekijk ook
`)

/** Advertising labels. */
export const ADVERTISEMENT_LINES: readonly string[] = words(`
  advertisement, advertisements, advertising, advert, ad, ads, sponsored, sponsored content, paid content, paid post, promoted,
  brought to you by, sponsored by, presented by,
  story continues below, story continues below advertisement, article continues below, article continues below advertisement,
  continue reading below, continue reading the main story, scroll to continue with content, ad feedback, advertise here,
  anzeige, werbung, publicité, publicidad, pubblicità, publicidade, advertentie, reclame
`)

/** "Skip to content" links. */
export const SKIP_LINES: readonly string[] = words(`
  skip to content, skip to main content, skip to navigation, skip to main navigation, skip to footer, skip to search, skip to sidebar,
  jump to content, jump to navigation, skip navigation, skip links, skip to primary navigation, skip to secondary navigation,
  skip to primary content, skip to secondary content, jump to main content, skip to main,
  zum inhalt springen, zum hauptinhalt springen, zum hauptinhalt, direkt zum inhalt, zur navigation springen, aller au contenu,
  aller au contenu principal, passer au contenu, aller à la navigation, saltar al contenido, ir al contenido, ir al contenido principal,
  vai al contenuto, salta al contenuto, ir para o conteúdo, saltar para o conteúdo, naar inhoud springen, ga naar de inhoud,
  direct naar de inhoud, naar de hoofdinhoud
`)

/** Taxonomy lines under or over an article ("Tags: …", "Filed under: …", "Posted in …", "Categories A, B"). */
export const TAG_PATTERNS: readonly RegExp[] = [
  /^(tags?|tagged( with| as)?|topics?|categories|category|filed (under|in)|posted (in|under)|labels?|keywords|related tags|related topics|schlagwörter|schlagworte|themen|kategorien?|étiquettes|mots-clés|catégories?|etiquetas|categorías?|categorie|etichette|argomenti|categorias|trefwoorden|categorieën)\s*(:|»|›)/i,
  // The label without its colon, then a list of capitalised names: "Categories Travel, Food, Odds & Ends".
  /^[Cc]ategories\s\p{Lu}[^.!?:]*,\s\p{Lu}[^.!?]*$/u,
]

/**
 * The parts of a post's filing line ("Leave a comment! | Published in Interviews", "In Design,
 * Furniture | No Comments") that file it: a comment count or link, "Published in", a list of
 * categories. One alone also opens headlines ("In Texas, a town braces | Site", "No comment
 * from the mayor | Site") and references ("Published in Nature, 2012 | doi …"), so a line is a
 * filing line only with two of them, or with a part that opens with "Tags:".
 */
export const FILING_PART = /^(?:(?:\d+|no|one)\s(?:comments?|responses?)\b|(?:leave|make|add|post)\sa\s(?:comment|reply)\b|(?:published|posted|filed)\s(?:in|under)\b|categor(?:y|ies)\s?:|in\s[^,]{1,40},)/i
/** A part that makes a filing line on its own: "Example.com Staff | Tags: harbour, council". */
export const TAGS_PART = /^tags?\s?:/i

/** A call to follow on a network ("View Staff Page Follow me on Twitter"): a share line when short, never a headline. */
export const FOLLOW_ON = /\b(?:follow|find|join)\s+(?:me|us)\s+on\s+(?:twitter|facebook|instagram|linkedin|pinterest|google)\b/iu

/** "You are here" and its translations, which open a breadcrumb. */
export const BREADCRUMB_PATTERNS: readonly RegExp[] = [
  /^(you are here|sie sind hier|vous êtes ici|usted está aquí|estás aquí|ti trovi in|você está aqui|u bent hier)\b/i,
]
