/**
 * Invented nightly scrapes of three sites for the drift tests: innerText dumps (site chrome,
 * headline, article, footer) written as folders and a JSONL feed. Articles are built from
 * grammatical sentence templates with a seeded generator, so each page is different but every
 * night looks alike unless a test breaks a site on purpose.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { seededRandom } from '../../scripts/lib/seeded-random.ts'

const SUBJECTS = ['The city council', 'A local school', 'The river authority', 'Our reporter', 'The bakery on Mill Street', 'The regional hospital', 'A group of volunteers', 'The football club', 'The county library', 'A young engineer']
const VERBS = ['announced', 'described', 'questioned', 'celebrated', 'reviewed', 'postponed', 'welcomed', 'explained', 'defended', 'presented']
const OBJECTS = ['a plan for the old harbour', 'the budget for next year', 'new opening hours', 'a study of traffic in the centre', 'the results of the spring survey', 'a repair of the north bridge', 'a festival in the park', 'changes to the bus timetable', 'a project to plant trees', 'the design of a new playground']
const CLAUSES = ['on Tuesday evening', 'after a long debate', 'in front of a full hall', 'despite the heavy rain', 'for the second time this year', 'with support from residents', 'before the summer holidays', 'in a short statement']


function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

function sentence(random: () => number): string {
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, CLAUSES)}.`
}

/** An article of `paragraphs` paragraphs of three sentences each. */
export function article(random: () => number, paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, () => [sentence(random), sentence(random), sentence(random)].join(' '))
}

/** How a site's pages look on one night. */
export interface PageShape {
  site: string
  paragraphs: number
  cookieBanner?: boolean
}

/** An innerText dump: menu, headline, article, footer. */
export function page(shape: PageShape, random: () => number, index: number): string {
  const title = `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} (${index + 1})`
  const banner = shape.cookieBanner === true ? ['We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies.', 'Accept all cookies', ''] : []
  return [
    ...banner,
    'Home', 'News', 'Sport', 'Culture', 'Contact', '',
    `${title} | ${shape.site}`, '',
    article(random, shape.paragraphs).join('\n\n'), '',
    'Share this article', 'Facebook', 'Twitter', '',
    `© 2025 ${shape.site}. All rights reserved.`,
  ].join('\n')
}

/** Writes `count` pages of a site into `<root>/<folder>/NNN.txt`. */
export async function writeSiteFolder(root: string, folder: string, shape: PageShape, count: number, seed: number): Promise<void> {
  const random = seededRandom(seed)
  await mkdir(path.join(root, folder), { recursive: true })
  for (let index = 0; index < count; index += 1) {
    const paragraphs = shape.paragraphs + Math.floor(random() * 3)
    await writeFile(path.join(root, folder, `${String(index).padStart(3, '0')}.txt`), page({ ...shape, paragraphs }, random, index))
  }
}

/** Writes a JSONL scrape of `host`: full articles, or, when `empty`, the JavaScript shell the scraper got. */
export async function writeFeed(file: string, host: string, count: number, seed: number, empty = false): Promise<void> {
  const random = seededRandom(seed)
  const records = Array.from({ length: count }, (_, index) => {
    const text = empty ? 'Loading…\n\nPlease enable JavaScript to read this page.' : article(random, 12 + Math.floor(random() * 3)).join('\n\n')
    return JSON.stringify({ url: `https://${host}/story/${seed}-${index}`, title: `Story ${index + 1} from ${host}`, published: '2025-03-01T06:00:00Z', text })
  })
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, `${records.join('\n')}\n`)
}
