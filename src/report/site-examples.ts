/**
 * A few example documents per site, with their explain trace (messages in stage order), so a
 * drift flag in report.html links straight to pages that show the problem. Bounded: at most
 * `EXAMPLES_PER_STATUS` rejected (distinct rules first) and as many kept documents per site,
 * each with at most `MESSAGE_LIMIT` messages. The first documents in input order win, so the
 * choice is deterministic.
 */
import { sourceLabel } from '../core/doc.ts'
import type { Doc } from '../core/doc.ts'
import { excerpt, firstFatal } from '../core/message.ts'
import { detachedCopy } from '../text/detached-copy.ts'
import type { SiteExample } from './health-types.ts'

/** Examples kept per status (kept, rejected) per site. */
export const EXAMPLES_PER_STATUS = 2
/** Messages listed per example. */
export const MESSAGE_LIMIT = 40
const EXCERPT_CHARACTERS = 280

/** Turns a finished document into an example entry. */
export function exampleOf(doc: Doc, dropped: boolean): SiteExample {
  const fatal = dropped ? firstFatal(doc.messages) : undefined
  const messages = doc.messages.slice(0, MESSAGE_LIMIT).map((message) => ({
    stage: message.stage,
    rule: message.rule,
    severity: message.severity,
    reason: message.reason,
    ...(message.place?.line === undefined ? {} : { line: message.place.line }),
    ...(message.actual === undefined ? {} : { actual: message.actual }),
  }))
  return {
    id: doc.id,
    source: sourceLabel(doc.source),
    status: dropped ? 'rejected' : 'kept',
    ...(fatal === undefined ? {} : { rule: fatal.rule }),
    length: doc.text.length,
    // A copy of its own: a cut of the text would keep the whole document alive with the example.
    excerpt: detachedCopy(excerpt(doc.text.slice(0, 4 * EXCERPT_CHARACTERS), EXCERPT_CHARACTERS)),
    messages,
    messagesOmitted: Math.max(0, doc.messages.length - MESSAGE_LIMIT),
  }
}

/** Picks examples as documents stream by. */
export interface ExamplePicker {
  offer(doc: Doc, dropped: boolean): void
  /** Kept examples first, then rejected ones. */
  list(): SiteExample[]
  /** The picked examples (plain data), for a checkpoint; `createExamplePicker(state)` restores them. */
  snapshot(): ExamplePickerState
}

/** A picker's examples as a checkpoint saves them. */
export interface ExamplePickerState {
  kept: SiteExample[]
  rejected: SiteExample[]
}

/** Creates a picker for one site, empty or restored from a checkpoint. */
export function createExamplePicker(restored?: ExamplePickerState): ExamplePicker {
  const kept: SiteExample[] = restored?.kept ?? []
  const rejected: SiteExample[] = restored?.rejected ?? []
  return {
    snapshot: () => ({ kept, rejected }),
    offer(doc, dropped) {
      if (!dropped) {
        if (kept.length < EXAMPLES_PER_STATUS) kept.push(exampleOf(doc, false))
        return
      }
      const rule = firstFatal(doc.messages)?.rule
      const newRule = !rejected.some((example) => example.rule === rule)
      // A second example of a rule already shown only fills a free slot; a new rule may replace it.
      if (rejected.length < EXAMPLES_PER_STATUS) rejected.push(exampleOf(doc, true))
      else if (newRule) {
        const repeated = rejected.findIndex((example, index) => rejected.findIndex((other) => other.rule === example.rule) !== index)
        if (repeated !== -1) rejected[repeated] = exampleOf(doc, true)
      }
    },
    list: () => [...kept, ...rejected],
  }
}
