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

const KIND_RULES: Record<ChromeKind, DropChromeRule> = {
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
export function ruleOfKind(kind: ChromeKind): DropChromeRule {
  return KIND_RULES[kind]
}

/** Why each rule removed a line, as the message sentence. */
export const RULE_REASONS: Record<DropChromeRule, string> = {
  'drop-chrome/ui-line': 'Removed a button or menu line.',
  'drop-chrome/share-line': 'Removed a share or social-media line.',
  'drop-chrome/cookie-notice': 'Removed a cookie notice.',
  'drop-chrome/skip-link': 'Removed a "skip to content" link.',
  'drop-chrome/advertisement': 'Removed an advertising label.',
  'drop-chrome/related-links': 'Removed a related-articles block.',
  'drop-chrome/newsletter': 'Removed a newsletter sign-up line.',
  'drop-chrome/breadcrumb': 'Removed a breadcrumb.',
  'drop-chrome/tag-line': 'Removed a tags or categories line.',
  'drop-chrome/copyright': 'Removed a copyright line.',
  'drop-chrome/feed-footer': 'Removed a feed footer ("The post … appeared first on …").',
  'drop-chrome/comments-section': 'Removed a line of the reader comments or comment form.',
  'drop-chrome/nav-run': 'Removed a line of a navigation run (short menu-like lines).',
  'drop-chrome/boilerplate-head': 'Removed a line before the main text.',
  'drop-chrome/boilerplate-tail': 'Removed a line after the main text.',
  'drop-chrome/duplicate-line': 'Removed a repeat of an earlier line of the article.',
  'drop-chrome/known-chrome': 'Removed a line known as chrome of this site.',
  'drop-chrome/nothing-left': 'Nothing but chrome was left in the document.',
}
