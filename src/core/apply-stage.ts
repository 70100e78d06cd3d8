/**
 * Runs one stage on one document with containment (unified-engine's `chunk`): the stage's
 * messages are stamped with its name, a returned Drop becomes a fatal message, and a throw
 * becomes `<stage>/crashed` on that document instead of stopping the batch.
 */
import type { Doc } from './doc.ts'
import { excerpt } from './message.ts'
import type { DocMessage, MessageExtra, Severity } from './message.ts'
import { isDrop } from './stage.ts'
import type { Drop, RunState, Stage, StageContext } from './stage.ts'

/** What happened when a stage ran: the document after it, and whether it was dropped. */
export interface StageOutcome {
  doc: Doc
  dropped: boolean
  milliseconds: number
}

function createContext(stage: Stage, run: RunState, messages: DocMessage[]): StageContext {
  const push = (severity: Severity, rule: string, reason: string, extra?: MessageExtra): void => {
    messages.push({ stage: stage.name, rule, severity, reason, ...extra })
  }
  return {
    run,
    info: (rule, reason, extra) => push('info', rule, reason, extra),
    warn: (rule, reason, extra) => push('warn', rule, reason, extra),
    drop: (rule, reason, extra): Drop => ({ drop: true, rule, reason, extra }),
  }
}

/** Applies `stage` to `doc`; never throws. */
export async function applyStage(stage: Stage, doc: Doc, run: RunState): Promise<StageOutcome> {
  const messages: DocMessage[] = []
  const started = performance.now()
  let result: Doc | Drop
  try {
    result = await stage.run(doc, createContext(stage, run, messages))
  } catch (error) {
    const actual = excerpt(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    result = { drop: true, rule: `${stage.name}/crashed`, reason: 'Cannot process document: the stage threw an error.', extra: { actual } }
  }
  const milliseconds = performance.now() - started
  if (isDrop(result)) {
    messages.push({ stage: stage.name, rule: result.rule, severity: 'fatal', reason: result.reason, ...result.extra })
    return { doc: { ...doc, messages: [...doc.messages, ...messages] }, dropped: true, milliseconds }
  }
  return { doc: { ...withoutStalePrepared(doc, result), messages: [...doc.messages, ...messages] }, dropped: false, milliseconds }
}

/** `result` without `prepared` when the stage changed the text it was prepared from (see Doc.prepared). */
function withoutStalePrepared(before: Doc, result: Doc): Doc {
  if (result.prepared === undefined || result.text === before.text) return result
  const { prepared: _stale, ...rest } = result
  return rest
}
