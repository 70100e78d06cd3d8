/**
 * One invented news article in every shape sluice reads: an innerText dump with browser chrome,
 * HTML paragraphs, a JSONL record, a feed item, cp1252 bytes and a mojibake copy. The end-to-end
 * tests check that every shape comes out as the same clean text.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import iconv from 'iconv-lite'
import { writeZip } from './zip.ts'

export const TITLE = 'Flood barrier passes its first winter test'
export const SUFFIX = ' | River News — Stories from the valley'

export const PARAGRAPHS = [
  'The new flood barrier on the lower river held back the highest water in twenty years on Sunday night, protecting about 4,000 homes in the old harbour district.',
  'Engineers closed the steel gates at 9 p.m., two hours before the peak, and reopened them on Monday morning once the tide had turned and the river had fallen by a metre.',
  '\u201CThis is exactly the night it was built for,\u201D said Clara Jensen, who leads the regional water authority. \u201CNobody had to leave their home.\u201D',
  'What happens next?',
  'The authority will inspect the gates over the coming week and publish a report on how the barrier performed. It said the repair of a pump station upstream would start in the spring.',
  'Residents who were flooded in 2019 said they had slept through the night for the first time in years. \u201CI didn\u2019t even move the sofa upstairs,\u201D one said.',
]

/** The innerText dump: chrome lines, the title twice with a site suffix, a comment form. */
export function innerTextDump(): string {
  return ['close', 'close', '', `${TITLE}${SUFFIX}`, '', '', `${TITLE}${SUFFIX}`, '', PARAGRAPHS.join('\n\n'), '', 'Leave a Reply', '', 'Your email address will not be published. Required fields are marked *'].join('\n')
}

/** The same article as HTML paragraphs (for feeds and JSONL html fields). */
export function articleHtml(): string {
  return PARAGRAPHS.map((paragraph) => (paragraph.endsWith('?') ? `<h2>${paragraph}</h2>` : `<p>${paragraph}</p>`)).join('\n')
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An RSS 2.0 feed with the article as its only item. */
export function feed(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>River News</title><link>https://river.example/</link><description>x</description><item><title>${escapeXml(TITLE)}</title><link>https://river.example/flood-barrier</link><pubDate>Mon, 03 Feb 2025 08:00:00 +0000</pubDate><content:encoded><![CDATA[${articleHtml()}]]></content:encoded></item></channel></rss>\n`
}

/** UTF-8 text that was decoded as windows-1252 by a broken scraper. */
export function mojibake(text: string): string {
  return new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'))
}

/** Writes the article in every shape into `directory` and returns the file names. */
export async function writeArticleVariants(directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true })
  const dump = innerTextDump()
  const files: [string, string | Uint8Array][] = [
    ['a-dump.txt', dump],
    ['b-cp1252.txt', iconv.encode(dump, 'windows-1252')],
    ['c-mojibake.txt', mojibake(dump)],
    ['d-record.jsonl', `${JSON.stringify({ url: 'https://river.example/flood-barrier', title: `${TITLE}${SUFFIX}`, text: dump })}\n`],
    ['e-feed.xml', feed()],
    ['f-archive.zip', writeZip([['site/flood-barrier.txt', dump]])],
  ]
  for (const [name, content] of files) await writeFile(path.join(directory, name), content)
  return files.map(([name]) => name)
}
