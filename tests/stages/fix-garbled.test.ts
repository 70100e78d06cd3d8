import { fc, test as propertyTest } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { fixGarbled, fixGarbledRules } from '../../src/stages/fix-garbled.ts'
import { makeDoc, runStage } from '../helpers/run-stage.ts'

/** Enough English around a case for the stage's "is this English?" check. */
const LEAD = 'The report was published on Monday by the city council, and it says that the harbour will be closed for the winter.'
const TAIL = 'The council will meet again in the spring to discuss what they should do with the money from the sale.'
const wrap = (text: string): string => `${LEAD}\n\n${text}\n\n${TAIL}`

interface Case {
  name: string
  input: string
  expected: string
  rules: string[]
}

const stage = fixGarbled()

const repairs: Case[] = [
  { name: 'a word hyphenated across lines is joined', input: 'We need more infor-\nmation about the plan.', expected: 'We need more information about the plan.', rules: ['fix-garbled/hyphen-joined'] },
  { name: 'a compound hyphenated across lines keeps its hyphen', input: 'She is a well-\nknown writer in the town.', expected: 'She is a well-known writer in the town.', rules: ['fix-garbled/hyphen-joined'] },
  { name: 'the document spelling of a compound wins', input: 'The co-\nop is open. The co-op closes at six.', expected: 'The co-op is open. The co-op closes at six.', rules: ['fix-garbled/hyphen-joined'] },
  { name: 'a sentence broken before a lowercase word is joined', input: 'The mayor said the bridge\nwill reopen next week.', expected: 'The mayor said the bridge will reopen next week.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line ending in "of" continues before a capital', input: 'It was the first visit of\nPresident Lee to the island.', expected: 'It was the first visit of President Lee to the island.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken before a number is joined', input: 'Richard, now 13, has been tasked since age\n9 with keeping the cattle safe.', expected: 'Richard, now 13, has been tasked since age 9 with keeping the cattle safe.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name cut in two by a line break is joined', input: 'The new service will run over the fiber broadband network of BT Group\nPLC\'s subsidiary in the north of England.', expected: 'The new service will run over the fiber broadband network of BT Group PLC\'s subsidiary in the north of England.', rules: ['fix-garbled/line-joined'] },
  { name: 'a lowercase word spelt like a dateline goes on a sentence', input: 'Even good campaigns miss relevant searches and see delays getting ads\nwritten for new products.', expected: 'Even good campaigns miss relevant searches and see delays getting ads written for new products.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line ending in "in" goes on into a name whose line holds a stop before a caption credit', input: 'The president spoke to the veterans at their national convention in\nReno, Nev., on Monday. (Photo by Pete Souza)', expected: 'The president spoke to the veterans at their national convention in Reno, Nev., on Monday. (Photo by Pete Souza)', rules: ['fix-garbled/line-joined'] },
  { name: 'a decimal at a line start is no list marker', input: 'Delinquent loans in the sixty day bucket increased to\n1.22% in the second quarter.', expected: 'Delinquent loans in the sixty day bucket increased to 1.22% in the second quarter.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line closing on a quoted word goes on in lowercase', input: 'They sharpen their skills by answering phones and going out in the “field”\non various tickets.', expected: 'They sharpen their skills by answering phones and going out in the “field” on various tickets.', rules: ['fix-garbled/line-joined'] },
  { name: 'a spaced hyphen at the line end is a dash between two halves of a sentence', input: 'The biggest factor so far has been the weather -\nit has been wet since the start.', expected: 'The biggest factor so far has been the weather - it has been wet since the start.', rules: ['fix-garbled/line-joined'] },
  { name: 'a by-election is no byline', input: 'The voters of the northern district will go to the polls in a\nby-election next month.', expected: 'The voters of the northern district will go to the polls in a by-election next month.', rules: ['fix-garbled/line-joined'] },
  { name: 'a date cut in two is joined', input: 'We plan to roll the changes out during the week of November\n12th, 2012.', expected: 'We plan to roll the changes out during the week of November 12th, 2012.', rules: ['fix-garbled/line-joined'] },
  { name: 'a word that starts with "by" is no byline', input: 'Is there really wealth enough to\nbypass the smaller sums?', expected: 'Is there really wealth enough to bypass the smaller sums?', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken after a semicolon goes on in lowercase', input: 'Her designs stand out from the rest;\none of the first ones I fell for is the loopy chair.', expected: 'Her designs stand out from the rest; one of the first ones I fell for is the loopy chair.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken after "vs." is joined', input: 'There is a gap between what they tell the press vs.\nwhat gets written in the end.', expected: 'There is a gap between what they tell the press vs. what gets written in the end.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line ending in a possessive goes on into lowercase', input: 'A Storify showcases the Times’\nsocial media efforts during the storm.', expected: 'A Storify showcases the Times’ social media efforts during the storm.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name goes on after "No. 12" in the line above', input: 'The team is ranked No. 12 in the country and will face\nTexas in a game that will decide the title.', expected: 'The team is ranked No. 12 in the country and will face Texas in a game that will decide the title.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line ending in a plural possessive with a straight apostrophe goes on', input: "It's the players'\nunion that called the strike on Monday.", expected: "It's the players' union that called the strike on Monday.", rules: ['fix-garbled/line-joined'] },
  { name: '"I" goes on after a word a sentence does not end with', input: 'I can’t say I’ve worked this hard since\nI wrote the bar exam in New York.', expected: 'I can’t say I’ve worked this hard since I wrote the bar exam in New York.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name goes on when the colon was in an earlier sentence', input: 'Finally: Oakland found the end zone. In a game which saw the Raiders score and with the potential Darren\nMcFadden could miss time, Myers should get more looks.', expected: 'Finally: Oakland found the end zone. In a game which saw the Raiders score and with the potential Darren McFadden could miss time, Myers should get more looks.', rules: ['fix-garbled/line-joined'] },
  { name: 'a quote broken before its attribution is joined', input: 'Your data will double next year and double again after that,”\nHauck says.', expected: 'Your data will double next year and double again after that,” Hauck says.', rules: ['fix-garbled/line-joined'] },
  { name: 'a line going on with "by the" is not a byline', input: 'The protocol complexity, as measured\nby the number of procedures, has grown.', expected: 'The protocol complexity, as measured by the number of procedures, has grown.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken after a spaced dash is joined', input: 'And that mountainous climb is quite intentional –\nit takes as long to ride as it does to drive.', expected: 'And that mountainous climb is quite intentional – it takes as long to ride as it does to drive.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken before a spaced dash is joined', input: 'This request was a post on her personal blog so she can tap her fans\n– it was not posted on any outside forum.', expected: 'This request was a post on her personal blog so she can tap her fans – it was not posted on any outside forum.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken before a quoted word is joined', input: 'One explanation for why this works is called the\n"reloading hypothesis".', expected: 'One explanation for why this works is called the "reloading hypothesis".', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence of prose broken after "in" goes on before a capital', input: 'We dined on excellent Caribbean cuisine north of 110th street in\nNew York last week.', expected: 'We dined on excellent Caribbean cuisine north of 110th street in New York last week.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken before "by" and a lowercase phrase to its stop is joined', input: 'The new camera is accessed\nby swiping from the lock screen to the left.', expected: 'The new camera is accessed by swiping from the lock screen to the left.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name cut before a common word the general model expects there is joined', input: 'The phone maker said the tablet will get the latest version of Ice\nCream Sandwich, the new release of its software, next month.', expected: 'The phone maker said the tablet will get the latest version of Ice Cream Sandwich, the new release of its software, next month.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken before an acronym that goes on in lowercase is joined', input: 'We will be sticking with our high-deductible health plan and the associated\nHSA for another year at the new limit.', expected: 'We will be sticking with our high-deductible health plan and the associated HSA for another year at the new limit.', rules: ['fix-garbled/line-joined'] },
  { name: 'a title broken after a word no title ends with is joined', input: 'What Can\nYou Do With It?', expected: 'What Can You Do With It?', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence of prose broken after a conjunction goes on before "I"', input: 'It is kind of nuts to work this hard, but\nI admire his dedication to the craft.', expected: 'It is kind of nuts to work this hard, but I admire his dedication to the craft.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken after a percentage is joined', input: 'The rate rose slightly in July, from 26.7% in June to 27.8%\nlast month.', expected: 'The rate rose slightly in July, from 26.7% in June to 27.8% last month.', rules: ['fix-garbled/line-joined'] },
  { name: 'a question title broken after its auxiliary behind a label is joined', input: 'CHURUMURI POLL: Has\nIndia lost its moral compass?', expected: 'CHURUMURI POLL: Has India lost its moral compass?', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence broken after a quantity is joined', input: 'There are about 45,000\nnurse anesthetists working in the country.', expected: 'There are about 45,000 nurse anesthetists working in the country.', rules: ['fix-garbled/line-joined'] },
  { name: 'glued sentences get their space back', input: 'The vote passed.Nobody objected to it.', expected: 'The vote passed. Nobody objected to it.', rules: ['fix-garbled/glue-split'] },
  { name: 'a lowercase word glued to a name is split', input: 'He met the developers atMicrosoft last year.', expected: 'He met the developers at Microsoft last year.', rules: ['fix-garbled/glue-split'] },
  { name: 'a doubled function word is removed', input: 'They walked to the the station.', expected: 'They walked to the station.', rules: ['fix-garbled/repeated-word'] },
  { name: 'a signature under a quote does not make it verse', input: 'The nature of\nour terms affects the nature of our observations.\n--Kenneth Burke', expected: 'The nature of our terms affects the nature of our observations.\n--Kenneth Burke', rules: ['fix-garbled/line-joined'] },
  { name: 'a name signing a comment does not make it verse', input: 'Maybe you could hire the folks from\nAlabama that came to help.\nLarry Sheldon', expected: 'Maybe you could hire the folks from Alabama that came to help.\nLarry Sheldon', rules: ['fix-garbled/line-joined'] },
  { name: 'a bracket left open goes on to the line that closes it', input: 'So as I was flipping through Deb (of Smitten\nKitchen fame)’s new book, I came across her toffee recipe.', expected: 'So as I was flipping through Deb (of Smitten Kitchen fame)’s new book, I came across her toffee recipe.', rules: ['fix-garbled/line-joined'] },
  { name: 'a double hyphen opening a line is a dash in the sentence', input: 'Barack Obama lost nearly every dime of your tax dollars\n-- but it does not matter to him, because he has no skin in the game.', expected: 'Barack Obama lost nearly every dime of your tax dollars -- but it does not matter to him, because he has no skin in the game.', rules: ['fix-garbled/line-joined'] },
  { name: 'a dash opening a line goes on after a year', input: 'Those figures show that prices were above the low from 2007 through 2010\n— in 33 states.', expected: 'Those figures show that prices were above the low from 2007 through 2010 — in 33 states.', rules: ['fix-garbled/line-joined'] },
  { name: '"otherwise" goes on into "I" and its verb', input: 'I will try to send links to the content, in case you are late by a day, but otherwise\nI won’t be archiving the bootcamp publicly.', expected: 'I will try to send links to the content, in case you are late by a day, but otherwise I won’t be archiving the bootcamp publicly.', rules: ['fix-garbled/line-joined'] },
  { name: 'a short opening phrase of place before its comma goes on', input: 'In the statement,\nMurthy said Kejriwal approached him in 2008 seeking funds for the awards.', expected: 'In the statement, Murthy said Kejriwal approached him in 2008 seeking funds for the awards.', rules: ['fix-garbled/line-joined'] },
  { name: 'a short opening phrase of time before its comma goes on', input: 'Last June,\nNewsweek aged a photo of Princess Diana to posit what she might look like.', expected: 'Last June, Newsweek aged a photo of Princess Diana to posit what she might look like.', rules: ['fix-garbled/line-joined'] },
  { name: 'a hyphen opening a single line is a dash in the sentence', input: 'Here is a huge thanks from me and the rest of the Hacker Monthly team\n- to the supportive readers and the awesome contributors.', expected: 'Here is a huge thanks from me and the rest of the Hacker Monthly team - to the supportive readers and the awesome contributors.', rules: ['fix-garbled/line-joined'] },
  { name: '"by" after a passive verb names the doer, no byline', input: 'Xeljanz is marketed\nby New York-based Pfizer Inc.', expected: 'Xeljanz is marketed by New York-based Pfizer Inc.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name cut in two goes on with two lowercase words to its stop', input: 'Vancouver (5-12-0) remains last in the Western\nConference with 10 points.', expected: 'Vancouver (5-12-0) remains last in the Western Conference with 10 points.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name cut in two after a clause and its colon is joined', input: 'Local governments do not always keep such promises: when the Financial Times visited the plant, which is owned by Dalian\nFujia Petrochemical, the workers said that the plant had been expanded.', expected: 'Local governments do not always keep such promises: when the Financial Times visited the plant, which is owned by Dalian Fujia Petrochemical, the workers said that the plant had been expanded.', rules: ['fix-garbled/line-joined'] },
  { name: 'a quotation left open goes on to the line that closes it', input: 'Application gives you a calendar and you can define “Switch Off”, “Switch\nOn” days and times.', expected: 'Application gives you a calendar and you can define “Switch Off”, “Switch On” days and times.', rules: ['fix-garbled/line-joined'] },
  { name: 'a straight quotation left open goes on to the line that closes it', input: 'Thank you to all of the contestants who entered the bernette by BERNINA "My\nWorld" Contest.', expected: 'Thank you to all of the contestants who entered the bernette by BERNINA "My World" Contest.', rules: ['fix-garbled/line-joined'] },
  { name: 'a name cut after "the" and a capital goes on with one lowercase word', input: 'According to the lawsuit filed in the U.S. District Court for the Eastern\nDistrict of Virginia.', expected: 'According to the lawsuit filed in the U.S. District Court for the Eastern District of Virginia.', rules: ['fix-garbled/line-joined'] },
  { name: 'a sentence goes on in lowercase after an aside that closes on its own stop', input: 'We have been building all kinds of boards (and some not so related boards because we can’t help ourselves!)\nover the last couple of weeks.', expected: 'We have been building all kinds of boards (and some not so related boards because we can’t help ourselves!) over the last couple of weeks.', rules: ['fix-garbled/line-joined'] },
  { name: 'a space before a comma is removed', input: 'We bought apples , pears and plums .', expected: 'We bought apples, pears and plums.', rules: ['fix-garbled/punctuation-spacing'] },
]

const untouched: Case[] = [
  { name: 'a sign-off before its name stays apart', input: 'With best wishes,\nThe Smith Family.', expected: '', rules: [] },
  { name: 'a poem signed by its author stays verse', input: 'Hope is the thing with feathers\nthat perches in the soul,\nand sings the tune without the words.\n— Emily Dickinson', expected: '', rules: [] },
  { name: 'a name under an unfinished line is part of the list', input: 'Opening hours\nmonday to friday from nine to five\nSaturday Morning', expected: '', rules: [] },
  { name: 'a bracket left open and not closed below stays apart', input: 'Opening times for the gallery (summer\nMonday to Friday', expected: '', rules: [] },
  { name: 'hyphens opening two lines are bullets', input: 'We looked at the whole list of things to pack for the trip\n- sun cream for all of the kids.\n- a hat for each of us.', expected: '', rules: [] },
  { name: 'a capitalised byline after a passive verb stays apart', input: 'The story you are reading was updated\nBy The Associated Press', expected: '', rules: [] },
  { name: 'a sign-off opening with "In" stays above its name', input: 'In Christ,\nPastor John', expected: '', rules: [] },
  { name: 'a byline ending in a comma stays above the paper', input: 'By Will Englund,\nThe Washington Post', expected: '', rules: [] },
  { name: 'a couplet signed by its author stays verse', input: 'Hope is the thing with feathers,\nthat perches in the soul.\n— Emily Dickinson', expected: '', rules: [] },
  { name: 'an address with a town under it stays apart', input: 'Visit us at\n221B Baker St.\nLondon', expected: '', rules: [] },
  { name: 'a frowning face and a smiling one are no bracket', input: 'Sad to hear that he passed away last night :(\nRest in peace, legend, and thanks for the music :)', expected: '', rules: [] },
  { name: 'a disclaimer ending in "otherwise" stays above the next one', input: 'All photos on this blog are my own unless stated otherwise\nI am a participant in the Amazon Services LLC Associates Program.', expected: '', rules: [] },
  { name: 'a comment under a line of code stays apart', input: 'SELECT name, email, age FROM users WHERE age > 18\n-- only adults are returned here.', expected: '', rules: [] },
  { name: 'straight quotes paired on the next line close nothing above', input: 'My rating of the new screen is "Good\n"Best Buy" says the magazine.', expected: '', rules: [] },
  { name: 'a forum byline after a passive title stays apart', input: 'Re: My account was hacked\nby mike_77 » Mon Mar 05, 2012 4:15 pm', expected: '', rules: [] },
  { name: 'a lowercase byline with a date after a passive headline stays apart', input: 'Galaxy Tab ban is lifted\nby Zack Whittaker July 24, 2012 4:16 AM PDT', expected: '', rules: [] },
  { name: 'a comment without its stop stays above the next one', input: 'Great game last night by the boys against the Lakers\nWell done guys!', expected: '', rules: [] },
  { name: 'a caption without its stop stays above the next sentence', input: 'Firefighters at the scene of the crash on Main Street in Dayton\nDetective Jones was injured.', expected: '', rules: [] },
  { name: 'a lone bullet opening with its item stays apart', input: 'This update brings better support for the older iPhone and iPad devices\n- fixed a crash when sharing photos.', expected: '', rules: [] },
  { name: 'a short sentence under a line ending in "the" and a name stays apart', input: 'The crowd at the stadium cheered all night long for the Yankees\nGreat job everyone.', expected: '', rules: [] },
  { name: 'a sentence ending in a bracketed stop stays above a capitalised one', input: 'We have been building all kinds of boards for the wedding (see them all!)\nThe next one is about flowers.', expected: '', rules: [] },
  { name: 'a dish under its bracketed note stays apart', input: 'Lamb Vindaloo (very hot!)\ntender lamb cooked in a fiery chilli and vinegar sauce.', expected: '', rules: [] },
  { name: 'a comment line under a bracketed exclamation stays apart', input: 'Just landed in New York after a long day of travel (finally!)\nsee you all tonight at the show.', expected: '', rules: [] },
  { name: 'a commenter under a line ending in "the" and a name stays apart', input: 'Love these ideas, I am definitely going to try this one for the Holidays\nTheKitchenWitch said...', expected: '', rules: [] },
  { name: 'a shop note under a line ending in "the" and a name stays apart', input: 'This slim leather cover is designed to fit snugly around the Kindle\nPayPal accepted.', expected: '', rules: [] },
  { name: 'a page that capitalises the pronouns for God is not flagged', input: 'When my heart is failing, He is the strength of my heart. I should just go to Him every time. I trust in His wisdom and not in my own plans.', expected: '', rules: [] },
  { name: 'a surname that is also a rare -ing word is left alone', input: 'The band toured with singer Bing Crosby and guitarist Keeling last year.', expected: '', rules: [] },
  { name: 'a photo credit with initials after its colon stays above the sentence', input: 'Photo: U.S. Marines patrol a village in southern Afghanistan during a sweep\nTaliban fighters have been active in the area for years.', expected: '', rules: [] },
  { name: 'an abbreviation inside a headline is no sentence end', input: 'Fitbit’s new app helps you track your physical activity every single day\nGoogle wins appeal in U.S. Supreme Court over its book scanning project', expected: '', rules: [] },
  { name: 'a shop name ending in ’s stays above the next sentence', input: 'Photo courtesy of Sotheby’s\nMonet painted the work in the summer of 1872.', expected: '', rules: [] },
  { name: '"I" after "that" may open a new sentence', input: 'I didn’t know that\nI will try it tomorrow.', expected: '', rules: [] },
  { name: '"I" after "a while" may open a new sentence', input: 'I had not made bread in a while\nI will let you know how it turns out.', expected: '', rules: [] },
  { name: 'an abbreviation before a number is no capitalised word', input: 'You are guaranteed a fight at the No. 2 position on the ticket this year.', expected: '', rules: [] },
  { name: 'a name with a verb ending is left alone', input: 'The large order went to Boeing after a long contest with its European rival.', expected: '', rules: [] },
  {
    name: 'notes in lowercase without stops stay apart (bullets lost)',
    input: [
      'connected learning networks force us to rethink what we think is the problem and goal of education',
      'it’s about expertise that’s widely distributed; anybody can help somebody else get better at something',
      'if you have an educational system that always tells students what to do, you’re not building their capacity',
      'we used to have capacity bottlenecks for learning – now we don’t have that problem but we still act as if we do',
      'education isn’t bound to particular institutions anymore, it can happen anywhere',
      'how do we use the capacity of the network to bring people together who want to learn together?',
    ].join('\n'),
    expected: '',
    rules: [],
  },
  { name: 'a list of headlines without stops stays apart', input: 'Fitbit’s new app helps you track your physical activity every single day\nDetroit start-up LevelEleven zooms ahead with sales tools for managers', expected: '', rules: [] },
  { name: 'a hyphenated compound is not a line ending in "on"', input: 'Google Search vs Apple’s Siri, hands-on\nGriping aside, Apple sells three million iPads.', expected: '', rules: [] },
  { name: 'a time stamp after a question is no sentence start', input: 'Which are your must-eat places? 17 mins ago\nYes, it is. Too many ads in one place.', expected: '', rules: [] },
  { name: 'a name after a bar-separated line stays apart', input: 'Should we abolish the treasury department? | Caroline Lucas\nSteve Bell on Michael Heseltine and the rest of the cabinet.', expected: '', rules: [] },
  { name: 'a lone word after a stop is no sentence start', input: 'Love will find a way, you will be mine. Website\nAngelica Kitchen. Supposed to be very good.', expected: '', rules: [] },
  { name: 'a possessive before a capitalised heading stays apart', input: 'Visit our shop at Macy’s\nThe New Collection', expected: '', rules: [] },
  { name: 'a heading above a paragraph stays apart', input: 'Cities in the north are flooded\nMeanwhile, the rain went on.', expected: '', rules: [] },
  { name: 'a caption ending in a name stays apart from a sentence that starts like one', input: 'Workers repair the storm damage near the Bank of England\nThe damage was worse than expected in the north.', expected: '', rules: [] },
  { name: 'a caption ending in a name stays apart from a short line', input: 'Workers repair the storm damage near the Bank of England\nPhoto Credit', expected: '', rules: [] },
  { name: 'verse keeps its lines', input: 'The wind was cold\nand the road was long\nwe walked all night\nuntil the dawn', expected: '', rules: [] },
  { name: 'an indented list keeps its lines', input: 'You will need:\n    two eggs\n    some flour', expected: '', rules: [] },
  { name: 'ingredient lines that open with numbers stay apart', input: '1 block firm tofu, crumbled and drained well\n1 cup vegan cream cheese for the filling.\n2 cups of fresh spinach leaves, chopped.', expected: '', rules: [] },
  { name: 'a dateline ending in a year stays apart', input: 'Photos posted by the staff on November 6, 2012\nphotos of the storm damage along the shore.', expected: '', rules: [] },
  { name: 'a comment stamp ending in a time stays apart', input: 'Reply from jan van der veen 2011-07-14 13:14\ni need to know if someone can help me.', expected: '', rules: [] },
  { name: 'a menu line with a bar stays apart', input: 'Filed under news and more | 14 comments\n14 comments to the story about the river park.', expected: '', rules: [] },
  { name: 'a byline stays on its own line', input: 'How the harbour was saved\nby Anna Berg', expected: '', rules: [] },
  { name: 'a lowercase byline without a stop stays on its own line', input: 'How the harbour was saved by the town\nby admin', expected: '', rules: [] },
  { name: 'a heading in sentence case stays apart from a sentence opener the word list calls capitalised', input: 'Big data will help you understand your customers\nAccording to Hauck, the companies that get it will win.', expected: '', rules: [] },
  { name: 'a menu line ending in "in" stays apart', input: 'Already have an account with us? Log in\nSign up for the free newsletter today.', expected: '', rules: [] },
  { name: 'a dash list stays apart', input: 'The package includes the following items for everyone who comes along\n– a sleeping bag and a tent for two.\n– a cooking set and a lamp.', expected: '', rules: [] },
  { name: 'a capitalised byline stays apart', input: 'The storm passed over the town and the sirens came near,\nBy The Associated Press', expected: '', rules: [] },
  { name: 'a caption stays apart from a dateline in capitals', input: 'Photo taken by the staff photographer of the paper last week in town\nLONDON — Britain said on Monday that the talks would go on.', expected: '', rules: [] },
  { name: 'a section heading stays apart from a title-cased question under it', input: 'Top Stories\nWho Will Win The Election?', expected: '', rules: [] },
  { name: 'a heading ending in an auxiliary stays apart from the text under it', input: 'What We Do\nWe help small firms find their first customers. Want to know how?', expected: '', rules: [] },
  { name: 'a heading whose subject comes before its auxiliary asks nothing', input: 'Who We Are\nWant to join us? Write to the office.', expected: '', rules: [] },
  { name: 'a heading ending in a capital letter stays apart', input: 'Vitamin A\nVitamin A helps the eyes adjust to the dark.', expected: '', rules: [] },
  { name: 'a caption stays apart from a sentence opening with an acronym', input: 'Soldiers patrol a market in the south of the country last week\nUS troops will leave the province next year, officials said.', expected: '', rules: [] },
  { name: 'a line of prose ending in "that" stays apart from a heading under it', input: 'We also liked the one with the blue cover and the one that\nRelated Stories', expected: '', rules: [] },
  { name: 'a login prompt stays apart from the line under it', input: 'Already a subscriber? Click here to log in\nSubscribe now for unlimited access to every story.', expected: '', rules: [] },
  { name: 'a caption stays apart from a sentence opening with a compound of its last words', input: 'Tourists walk along the river on a clear day in New York\nCity officials said the path would reopen next week.', expected: '', rules: [] },
  { name: 'a dateline ending in "May" stays apart from a question under it', input: 'Published: 12 May 2021\nWhat did the minister actually promise the farmers?', expected: '', rules: [] },
  { name: 'a heading with "to" before its last word stays apart from a question under it', input: 'What to Plant in May\nWondering what to sow this month? Here is a list.', expected: '', rules: [] },
  { name: 'a sentence ending in a word that may end one stays apart from the next sentence', input: 'I have not posted anything here in quite a while\nHope everyone is doing well this summer.', expected: '', rules: [] },
  { name: 'a credit line ending in "otherwise" stays apart from the next sentence', input: 'All photos are by the author unless stated otherwise\nPrices were correct at the time of writing.', expected: '', rules: [] },
  { name: 'a caption stays apart from a newswire opening with an acronym and a day', input: 'The rocket stands on the launch pad in Florida before the storm\nNASA on Friday launched a new weather satellite into orbit.', expected: '', rules: [] },
  { name: 'a caption ending in a name stays apart from a newswire opening with an acronym', input: 'Workers leave the new factory in the south of China\nIBM on Tuesday reported higher sales for the quarter.', expected: '', rules: [] },
  { name: 'a caption ending in a place stays apart from the text under it', input: 'President Obama speaks at a press conference in Washington\nOfficials said the talks would go on until next week.', expected: '', rules: [] },
  { name: 'a lowercase line after a street abbreviation stays apart', input: 'The meeting is at the town hall at 12 Main St.\nfree parking is available behind the hall.', expected: '', rules: [] },
  { name: 'a list of clauses ending in semicolons stays apart', input: 'Tenants must pay the rent on the first day of every month without fail;\nkeep the garden and the paths tidy and clean all through the year;\nreport any repairs that are needed to the office within a week.', expected: '', rules: [] },
  { name: 'a prompt ending in "in" stays apart from a menu line with a short sentence inside', input: 'Members can read every story in the archive if they sign in\nMy Account. Help', expected: '', rules: [] },
  { name: 'a numbered list stays apart from the line above it', input: 'You will need the following things for the trip to the lake\n1. a tent for two people.\n2. a stove and a lamp.', expected: '', rules: [] },
  { name: 'a comment heading quoting a long title stays apart from the commenter under it', input: 'One thought on “How to Add a Twitter Widget”\njean jett on October 7, 2012 at 7:21 pm said:', expected: '', rules: [] },
  { name: 'a short label ending in a spaced hyphen stays apart', input: 'Shop -\nhome and garden tools for sale.', expected: '', rules: [] },
  { name: 'a lowercase dateline with a time stays apart', input: 'Council approves a new budget for the coming year\nupdated yesterday at 10:42 am', expected: '', rules: [] },
  { name: 'a comment heading quoting a short title stays apart from the commenter under it', input: 'One thought on “Spring Cleaning”\njean jett on October 7, 2012 at 7:21 pm said:', expected: '', rules: [] },
  { name: 'a search heading quoting the search stays apart from the line under it', input: 'Search results for “garden tools”\nsorry, no posts matched your search terms.', expected: '', rules: [] },
  { name: 'a prompt ending in "in" stays apart from a menu line of three words and a stop', input: 'You must be logged in to the members area before you can read it in\nMy Account Settings. Help', expected: '', rules: [] },
  { name: 'a timeline entry ending in a month stays apart from the next year', input: 'In 2004 we opened our second office in Paris, early in March\n2012 Acquired by Example Corp. after a long search.', expected: '', rules: [] },
  { name: 'a name that is a month stays apart from a year under it', input: 'Happy Birthday, June\n1950 photos of the family farm are on the wall.', expected: '', rules: [] },
  { name: 'a day-first date alone on its line stays apart', input: '17 July\n2012\nLuv It Frozen Custard, Las Vegas\nNote: The steroids are still in my system, and consequently I am still talking about food.', expected: '', rules: [] },
  { name: "a calendar block's month and year stay apart", input: '17\nJuly\n2012\nLuv It Frozen Custard, Las Vegas\nNote: The steroids are still in my system, and consequently I am still talking about food.', expected: '', rules: [] },
  { name: 'a lowercase dateline stays apart', input: 'A great photo of the old lake at dawn\nposted by admin', expected: '', rules: [] },
  { name: "a byline stays apart from the site's domain under it", input: 'Tom Kington in Rome\nguardian.co.uk, Monday 29 October 2012 12.24 GMT', expected: '', rules: [] },
  { name: 'two lowercase list lines without a stop stay apart', input: 'If you use linking, two things will happen:\n\nyou will understand other people more easily\nother people will understand you more easily', expected: '', rules: [] },
  { name: 'a quoted line under a heading stays apart', input: 'Quote of the day\n"the only thing we have to fear is fear itself."', expected: '', rules: [] },
  { name: 'a quote ending in a comma stays apart from a title under it', input: 'Kanban will not be effective without learning. However,”\nOne Step Back, Two Steps Forward – “the times when you feel rushed.”', expected: '', rules: [] },
  { name: 'a dash at the end of a line is not hyphenation', input: 'It was late -\nthe shops were closed.', expected: '', rules: [] },
  { name: 'grammatical doubled words stay', input: 'He said that that was what had had to happen.', expected: '', rules: [] },
  { name: 'abbreviations, decimals, URLs and e-mail stay', input: 'Mrs.Smith paid 3.50 at www.example.com and wrote to a.b@Example.org today.', expected: '', rules: [] },
  { name: 'brand names in camel case stay', input: 'She opened PowerPoint and her iPhone, then checked eBay for a new laptop.', expected: '', rules: [] },
  { name: 'spaced ellipses stay', input: 'It was . . . strange, and then . . . silence.', expected: '', rules: [] },
  { name: 'code-like lines stay', input: 'Set the value with x = 3 ; then call run() .', expected: '', rules: [] },
  { name: 'a name after a describing word is not flagged', input: 'The plan provides 500 additional Patriot and ARAAM missiles by the end of the year.', expected: '', rules: [] },
  { name: 'a name doubled on purpose, more than once, is not flagged', input: 'They flew to Walla Walla in May and stayed in Walla Walla for a week.', expected: '', rules: [] },
  { name: 'a capital after an opening quote is not flagged', input: 'He told me ‘Look, we are throwing this away’ and then he left the room.', expected: '', rules: [] },
  { name: 'a title-cased line is not flagged', input: 'Let’s Make Soup this Fall and Winter', expected: '', rules: [] },
  { name: 'the same sentences in their right order are not flagged', input: 'The company did not respond for comment on the report yesterday. When I was growing up, there was intense competition for news among the local networks. The woman who sells these also makes her own salsa, which is amazing.', expected: '', rules: [] },
  { name: 'a repeated capitalised word before a name is not flagged', input: 'The actor Will Smith met the singer Will Young, and Will Smith said he liked it.', expected: '', rules: [] },
  { name: 'names with capitalised common words are not flagged', input: 'She wrote on Telegram that the Department of Justice and the Center for Strategic Studies had agreed.', expected: '', rules: [] },
  { name: 'a name that goes on with a number is not flagged', input: 'He ordered their Number 38 and a new phone running Windows 8 for the office.', expected: '', rules: [] },
  { name: 'a name after "called" is not flagged', input: 'She started a contest called Unlock the Code for the readers of the blog.', expected: '', rules: [] },
  { name: 'glue words inside a long name are not flagged', input: 'A report by the Tufts Center for the Study of Drug Development came out in May.', expected: '', rules: [] },
  { name: 'a capital after a dash is not flagged', input: 'Remember those who have been lost – People need to hear the stories of survivors.', expected: '', rules: [] },
  { name: 'the same sentence in its right order is not flagged (general English model)', input: 'The mayor said the new bridge will open to traffic next spring.', expected: '', rules: [] },
  { name: 'a question puts its auxiliary before the subject, which is not a swap', input: 'Would they really have agreed to that plan?', expected: '', rules: [] },
  { name: 'a question fronts its question word, which is not a swap', input: 'Which automakers helped the victims of the hurricane last year?', expected: '', rules: [] },
]

const flagged: Case[] = [
  { name: 'a pronoun capitalised once in mid-sentence is still flagged', input: 'The coach said that the team would give Him the ball more often in the second half.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a possessive before "to" is flagged', input: 'It will help Ukrainians protect their to improve energy infrastructure.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a rare capitalised verb form in mid-sentence is flagged', input: 'The BMW K-series was also Supplemented with two in-line six-cylinder models in 2010.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a capitalised verb in mid-sentence is flagged', input: 'He wants more help before him Bringing the plan out of office in January.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a doubled name is flagged', input: 'Police in the Sverdlovsk Sverdlovsk region said the barrels were kept in a garage.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a capitalised function word before a name is flagged', input: 'Romney resumed his criticism Of President Obama for the comments he made.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a capitalised word that is rarely a noun is flagged', input: 'Doctors expect the girl to Make a full recovery by the end of the month.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a participle after a modal is flagged', input: 'The same theme could applied be to any business in the town.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a third-person verb after "to" is flagged', input: 'She went to the hall to explains the plan to the whole council.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a doubled content word is flagged, not removed', input: 'The council approved the budget budget on Monday.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a word edited text keeps lowercase is flagged after a determiner', input: 'In the spot, the president looks to the Camera and says that the choice is yours.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a capitalised word is flagged in a sentence full of names', input: 'During his visit to the hospital, the President met Allie Young and Stephanie Davies, and he Described their story.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: '"The" before an acronym is flagged', input: 'The Gideons Bible is not as common in England as it is in The U.S., he added.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a capitalised function word before a lowercase word is flagged', input: 'It was rather A clear sign that the plan had failed.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'swapped neighbours are flagged (n-gram models)', input: 'The company did not for respond comment on the report yesterday.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a swapped verb and adjective are flagged (n-gram models)', input: 'When I was growing up, there intense was competition for news among the local networks.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a swapped relative pronoun is flagged (n-gram models)', input: 'The woman sells who these also makes her own salsa, which is amazing.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
  { name: 'a swapped adjective and noun are flagged (general English model)', input: 'The mayor said the bridge new will open to traffic next spring.', expected: '', rules: ['fix-garbled/garbled-sentence'] },
]

describe('fix-garbled: repairs', () => {
  it.each(repairs)('$name', async ({ input, expected, rules }) => {
    const { doc } = await runStage(stage, { text: wrap(input) }, rules)
    expect(doc.text).toBe(wrap(expected))
  })
})

describe('fix-garbled: correct text is left alone', () => {
  it.each(untouched)('$name', async ({ input, rules }) => {
    const { doc } = await runStage(stage, { text: wrap(input) }, rules)
    expect(doc.text).toBe(wrap(input))
  })
})

describe('fix-garbled: garbled sentences are flagged', () => {
  it.each(flagged)('$name', async ({ input, rules }) => {
    const { doc } = await runStage(stage, { text: wrap(input) }, rules)
    expect(doc.text).toBe(wrap(input))
    const flag = doc.messages.find((message) => message.rule === 'fix-garbled/garbled-sentence')
    expect(flag?.actual).toBe(input)
    expect(flag?.severity).toBe('warn')
  })

  it('names the swapped pair when the n-gram models find one', async () => {
    const input = 'The company did not for respond comment on the report yesterday.'
    const { doc } = await runStage(stage, { text: wrap(input) }, ['fix-garbled/garbled-sentence'])
    expect(doc.messages[0]?.reason).toBe('"for respond" reads far more naturally as "respond for" (words swapped).')
  })

  it('drops flagged sentences when configured', async () => {
    const input = `${LEAD} It will help them protect their to improve the roads.\n\n${TAIL}`
    const { doc } = await runStage(fixGarbled({ garbled: 'drop-sentence' }), { text: input }, ['fix-garbled/garbled-sentence', 'fix-garbled/sentence-dropped'])
    expect(doc.text).toBe(`${LEAD}\n\n${TAIL}`)
  })

  it('rejects a document above the garble ratio', async () => {
    const input = `${LEAD} It will help them protect their to improve the roads.\n\n${TAIL}`
    const result = await runStage(fixGarbled({ maxGarbleRatio: 0.2 }), { text: input }, ['fix-garbled/garbled-sentence', 'fix-garbled/too-garbled'])
    expect(result.dropped).toBe(true)
  })

  it('leaves text that is not English alone', async () => {
    const german = 'Der Rat hat am Montag beschlossen, dass der Hafen im Winter geschlossen bleibt , und die Stadt die Kosten trägt.\nDie Bürger sind dagegen.'
    const { doc } = await runStage(stage, { text: german }, ['fix-garbled/punctuation-spacing'])
    expect(doc.text).toBe(german.replace(' ,', ','))
  })
})

describe('fix-garbled: contract', () => {
  it('rejects unknown options at config time', () => {
    expect(() => fixGarbled({ garble: 'keep' } as never)).toThrow(/garble/)
  })

  it('lists its rules', () => {
    expect(stage.rules).toEqual(fixGarbledRules)
  })

  const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('the', 'the the', 'infor-\n', 'mation', ' , ', '.', 'end.Next', 'atMicrosoft', '\n', '\n\n', 'of\n', 'Bringing', 'their to'), fc.constant(LEAD)), { maxLength: 25 }).map((parts) => parts.join(' '))

  it('is idempotent on lowercase notes whose last one ends a sentence (no cascade of joins)', async () => {
    const notes = [
      'we give responsibility for learning to professionals instead of remembering it is the fabric of everything we do',
      'connected learning networks force us to rethink what we think the problem and the goal of education are',
      'anybody can help somebody else get better at something they care about deeply and for a long time',
      'if you have a school system that always tells students what to do you are not building their capacity to choose',
      'we used to have bottlenecks for learning and now we do not have that problem but we still act as if we do',
      'education is not bound to particular institutions anymore and it can happen anywhere at any time',
      'how does a kid find a mentor or a peer that helps them develop an interest and a sense of purpose, etc.',
      'how do we use the capacity of the network to bring people together who want to learn together?',
    ].join('\n')
    const first = await runStage(stage, { text: notes })
    const second = await runStage(stage, makeDoc({ text: first.doc.text }))
    expect(second.doc.text).toBe(first.doc.text)
  })

  propertyTest.prop([text])('never throws and is idempotent', async (input) => {
    const first = await runStage(stage, { text: input })
    expect(first.rules.some((rule) => rule.endsWith('/crashed'))).toBe(false)
    const second = await runStage(stage, makeDoc({ text: first.doc.text }))
    expect(second.doc.text).toBe(first.doc.text)
    expect(second.rules.filter((rule) => rule !== 'fix-garbled/garbled-sentence')).toEqual([])
  })
})
