import type { FieldMapping } from '../sources/types.ts'

/** Field names tried in order when mapping a JSON/JSONL record; override any list in config. */
export const defaultFieldMapping: FieldMapping = {
  text: ['text', 'content', 'body', 'article', 'articleBody', 'innerText', 'plain_text', 'markdown'],
  html: ['html', 'raw_html', 'rawHtml', 'content_html', 'contentHtml', 'body_html', 'page'],
  title: ['title', 'headline', 'name', 'heading'],
  url: ['url', 'link', 'href', 'canonical', 'canonical_url', 'source_url', 'uri'],
  author: ['author', 'authors', 'byline', 'creator', 'by'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'datePublished', 'pubDate', 'created', 'timestamp', 'time'],
  lang: ['lang', 'language', 'locale'],
  id: ['id', '_id', 'uuid', 'guid', 'key'],
}
