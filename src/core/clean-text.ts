/**
 * `sluice clean-text`: the text stages as a filter. Each input line is a JSON object with
 * `id` and `text` (or `html`); each output line answers it, in the same order, so the tool
 * composes with other line-oriented tools. A bad line gets an `error` answer, never a crash.
 */
import { createDoc } from './doc.ts'
import type { DocInit } from './doc.ts'
import { firstFatal } from './message.ts'
import { processDocument } from './process.ts'
import { createRunState } from './stage.ts'
import type { Stage } from './stage.ts'
import { splitParagraphs } from '../text/paragraphs.ts'

/** One answer line of clean-text. */
export interface CleanTextAnswer {
  id: unknown
  text: string
  paragraphs: string[]
  sentences?: string[]
  title?: string
  rejected?: { stage: string; rule: string; reason: string }
  error?: string
}

type Parsed = { id: unknown; init: DocInit } | { id: unknown; error: string }

function parseLine(line: string, number: number): Parsed {
  if (line.trim() === '') return { id: number, error: `Line ${number} of standard input is blank: send one {"id", "text"} object per line (each line gets one answer, so answers stay in step with the lines).` }
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    return { id: number, error: `Line ${number} of standard input is not valid JSON: send one {"id", "text"} object per line.` }
  }
  const value = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>
  const id = value.id ?? number
  if (typeof value.text !== 'string' && typeof value.html !== 'string') return { id, error: `Line ${number} of standard input has no string \`text\` or \`html\` field.` }
  const html = typeof value.html === 'string' ? value.html : undefined
  const text = typeof value.text === 'string' ? value.text : ''
  return { id, init: { source: { path: 'stdin', index: number, line: number, format: html === undefined ? 'txt' : 'html' }, text, html } }
}

/** Cleans JSON lines with `stages`; `sentences` adds a sentence array per answer. */
export async function* cleanTextLines(lines: AsyncIterable<string>, stages: readonly Stage[], splitSentences?: (paragraph: string) => string[]): AsyncIterable<CleanTextAnswer> {
  const run = createRunState()
  let number = 0
  for await (const line of lines) {
    number += 1
    const parsed = parseLine(line, number)
    const { id } = parsed
    if ('error' in parsed) {
      yield { id, text: '', paragraphs: [], error: parsed.error }
      continue
    }
    const result = await processDocument(createDoc(parsed.init, number), stages, run)
    const fatal = firstFatal(result.doc.messages)
    if (result.dropped && fatal !== undefined) {
      yield { id, text: '', paragraphs: [], rejected: { stage: fatal.stage, rule: fatal.rule, reason: fatal.reason } }
      continue
    }
    const paragraphs = result.doc.paragraphs ?? splitParagraphs(result.doc.text)
    const answer: CleanTextAnswer = { id, text: paragraphs.join('\n\n'), paragraphs, title: result.doc.title }
    if (splitSentences !== undefined) answer.sentences = paragraphs.flatMap(splitSentences)
    yield answer
  }
}
