/**
 * The rule catalogue of drop-chrome and the mapping from a phrase kind to its rule. One rule
 * per reason a line can go, so `--ablate drop-chrome/<rule>` switches exactly one reason off.
 */
import type { ChromeKind } from '../../text/chrome-match.ts'

/** Rule ids of the drop-chrome stage. */
export const dropChromeRules = [
  'drop-chrome/ui-line',
  'drop-chrome/share-line',
  'drop-chrome/cookie-notice',
  'drop-chrome/skip-link',
  'drop-chrome/advertisement',
  'drop-chrome/related-links',
  'drop-chrome/newsletter',
  'drop-chrome/breadcrumb',
  'drop-chrome/tag-line',
  'drop-chrome/copyright',
  'drop-chrome/feed-footer',
  'drop-chrome/comments-section',
  'drop-chrome/nav-run',
  'drop-chrome/boilerplate-head',
  'drop-chrome/boilerplate-tail',
  'drop-chrome/duplicate-line',
  'drop-chrome/known-chrome',
  'drop-chrome/nothing-left',
] as const

/** One rule id of drop-chrome. */
export type DropChromeRule = (typeof dropChromeRules)[number]

const KIND_RULES: Record<ChromeKind, LineRule> = {
  ui: 'drop-chrome/ui-line',
  menu: 'drop-chrome/nav-run',
  'read-more': 'drop-chrome/ui-line',
  share: 'drop-chrome/share-line',
  cookie: 'drop-chrome/cookie-notice',
  skip: 'drop-chrome/skip-link',
  advertisement: 'drop-chrome/advertisement',
  related: 'drop-chrome/related-links',
  comments: 'drop-chrome/ui-line',
  'comment-count': 'drop-chrome/ui-line',
  'comment-form': 'drop-chrome/comments-section',
  copyright: 'drop-chrome/copyright',
  'feed-footer': 'drop-chrome/feed-footer',
  newsletter: 'drop-chrome/newsletter',
  tags: 'drop-chrome/tag-line',
  breadcrumb: 'drop-chrome/breadcrumb',
}

/** The rule that removes a line of this phrase kind. */
export function ruleOfKind(kind: ChromeKind): LineRule {
  return KIND_RULES[kind]
}

/** The rules that remove lines (all but the drop). */
export type LineRule = Exclude<DropChromeRule, 'drop-chrome/nothing-left'>

/** What each rule removes: one line, and a run of them (the message says "Removed …"). */
const REMOVED: Record<LineRule, [one: string, many: string]> = {
  'drop-chrome/ui-line': ['a button or menu line', 'button or menu lines'],
  'drop-chrome/share-line': ['a share or social-media line', 'share or social-media lines'],
  'drop-chrome/cookie-notice': ['a cookie notice', 'lines of a cookie notice'],
  'drop-chrome/skip-link': ['a "skip to content" link', '"skip to content" links'],
  'drop-chrome/advertisement': ['an advertising label', 'advertising labels'],
  'drop-chrome/related-links': ['a line of a related-articles block', 'lines of a related-articles block'],
  'drop-chrome/newsletter': ['a newsletter sign-up line', 'newsletter sign-up lines'],
  'drop-chrome/breadcrumb': ['a breadcrumb', 'breadcrumb lines'],
  'drop-chrome/tag-line': ['a tags or categories line', 'tags or categories lines'],
  'drop-chrome/copyright': ['a copyright line', 'copyright lines'],
  'drop-chrome/feed-footer': ['a feed footer ("The post … appeared first on …")', 'feed footer lines ("The post … appeared first on …")'],
  'drop-chrome/comments-section': ['a line of the reader comments or comment form', 'lines of the reader comments or comment form'],
  'drop-chrome/nav-run': ['a line of a navigation run (short menu-like lines)', 'lines of a navigation run (short menu-like lines)'],
  'drop-chrome/boilerplate-head': ['a line before the main text', 'lines before the main text'],
  'drop-chrome/boilerplate-tail': ['a line after the main text', 'lines after the main text'],
  'drop-chrome/duplicate-line': ['a repeat of an earlier line of the article', 'repeats of earlier lines of the article'],
  'drop-chrome/known-chrome': ['a line known as chrome of this site', 'lines known as chrome of this site'],
}

/**
 * The message sentence for `count` lines one rule removed in a row, from `first` to `last`
 * (1-based): one message per run of lines keeps a dump's hundreds of removed comment lines
 * from becoming hundreds of messages in rejects.jsonl and in every report.
 */
export function removedReason(rule: LineRule, count: number, first: number, last: number): string {
  const [one, many] = REMOVED[rule]
  return count === 1 ? `Removed ${one}.` : `Removed ${count} ${many}, lines ${first}–${last}.`
}
