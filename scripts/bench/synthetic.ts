/**
 * Synthetic pages for the bench when the development corpus is absent: an article of
 * pseudo-English prose wrapped in the usual chrome (menu, share line, related links, comments,
 * footer), as a text dump or as an HTML page. Only the shape matters here (line counts, lengths,
 * chrome share), not the words.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'an', 'sol', 've', 'ri', 'do', 'pen', 'str', 'ul', 'ba', 'nor', 'ex', 'it', 'ma', 'co']
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'as', 'with', 'was', 'on', 'by']
const MENU = ['Home', 'News', 'World', 'Business', 'Sport', 'Culture', 'Opinion', 'Subscribe', 'Sign in']

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T
}

function word(random: () => number): string {
  if (random() < 0.4) return pick(FUNCTION_WORDS, random)
  const parts = 1 + Math.floor(random() * 3)
  return Array.from({ length: parts }, () => pick(SYLLABLES, random)).join('')
}

function sentence(random: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 18) }, () => word(random))
  const first = words[0] as string
  words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  return `${words.join(' ')}.`
}

function paragraph(random: () => number): string {
  return Array.from({ length: 2 + Math.floor(random() * 5) }, () => sentence(random)).join(' ')
}

interface PageParts {
  title: string
  paragraphs: string[]
  related: string[]
  comments: string[]
}

function parts(random: () => number, index: number): PageParts {
  return {
    title: `${sentence(random).slice(0, -1)} ${index}`,
    paragraphs: Array.from({ length: 6 + Math.floor(random() * 14) }, () => paragraph(random)),
    related: Array.from({ length: 5 }, () => sentence(random).slice(0, 60)),
    comments: Array.from({ length: Math.floor(random() * 6) }, () => sentence(random)),
  }
}

/** A browser innerText dump: menu lines, title, article, share line, related, comments, footer. */
export function syntheticDump(random: () => number, index: number): string {
  const page = parts(random, index)
  const lines = [...MENU, page.title, 'Share on Facebook', 'Share on Twitter', '', ...page.paragraphs.flatMap((text) => [text, ''])]
  lines.push('Related articles', ...page.related, `${page.comments.length} Comments`, ...page.comments.flatMap((text) => ['Anonymous', text]))
  lines.push('© 2024 Example Media. All rights reserved.', 'Privacy policy', 'Cookie settings')
  return `${lines.join('\n')}\n`
}

/** The same page as saved HTML, with a nav, an article, an aside and a footer. */
export function syntheticHtml(random: () => number, index: number): string {
  const page = parts(random, index)
  const nav = MENU.map((item) => `<li><a href="/${item.toLowerCase()}">${item}</a></li>`).join('')
  const body = page.paragraphs.map((text) => `<p>${text}</p>`).join('\n')
  const related = page.related.map((text) => `<li><a href="/r">${text}</a></li>`).join('')
  const comments = page.comments.map((text) => `<div class="comment"><b>Anonymous</b><p>${text}</p></div>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title} | Example</title><style>body{font:16px sans-serif}</style></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${page.title}</h1>
${body}
</article><aside><h2>Related</h2><ul>${related}</ul></aside><section id="comments">${comments}</section></main>
<footer><p>© 2024 Example Media</p></footer><script>window.dataLayer=[]</script></body></html>
`
}
