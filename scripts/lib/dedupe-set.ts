/**
 * The synthetic near-duplicate set for `npm run eval:dedupe`, built from the dev corpus truth:
 * originals, copies that should be rejected (small edits, reordered paragraphs, appended
 * boilerplate, all three) and look-alikes that must be kept (half of one article + half of its
 * closest neighbour on topic, three quarters + a quarter). Deterministic from the seed.
 */
import { shingleWords } from '../../src/text/shingles.ts'
import { createMt19937 } from './mt19937.ts'
import type { PythonRandom } from './mt19937.ts'

/** What a document in the set is; positives must be rejected, the others kept. */
export type Kind = 'original' | 'small-edits' | 'reordered' | 'boilerplate' | 'mixed' | 'half-swap' | 'three-quarters'

/** Kinds that are near-duplicates of their original. */
export const POSITIVE_KINDS: readonly Kind[] = ['small-edits', 'reordered', 'boilerplate', 'mixed']

/** One document of the set; documents with the same `cluster` are near-duplicates of each other. */
export interface EvalDoc {
  name: string
  text: string
  cluster: string
  kind: Kind
}

/** Footers, share bars and notices scraped pages append; written for this eval. */
const BOILERPLATE = [
  'Share this article on Facebook, Twitter or by email.',
  'Sign up for our daily newsletter to get the top stories delivered to your inbox every morning.',
  'Copyright 2012 the publisher. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Follow us on social media for the latest updates, and tell us what you think in the comments below.',
  'Related: more stories from this section, most read this week, and editor picks.',
  'Advertisement',
  'We use cookies to improve your experience. By continuing to browse you agree to our use of cookies and our privacy policy.',
  'Have a tip? Contact the newsroom at any time, and read our corrections policy and ethics guidelines.',
]

const pick = <T>(random: PythonRandom, items: readonly T[]): T => items[random.randrange(items.length)] as T

/** Applies `count` word edits (substitute, delete, insert, typo) at random places, keeping paragraphs. */
export function editWords(text: string, count: number, random: PythonRandom): string {
  const paragraphs = text.split('\n\n').map((paragraph) => paragraph.split(' '))
  const vocabulary = paragraphs.flat()
  for (let edit = 0; edit < count; edit += 1) {
    const words = pick(random, paragraphs)
    const at = random.randrange(words.length)
    const word = words[at] as string
    const operation = random.randrange(5)
    if (operation <= 1) words[at] = pick(random, vocabulary)
    else if (operation === 2 && words.length > 1) words.splice(at, 1)
    else if (operation === 3) words.splice(at, 0, pick(random, vocabulary))
    else if (word.length > 3) words[at] = `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}`
    else words[at] = `${word}s`
  }
  return paragraphs.map((words) => words.join(' ')).join('\n\n')
}

function shuffle<T>(items: readonly T[], random: PythonRandom): T[] {
  const out = [...items]
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = random.randrange(index + 1)
    ;[out[index], out[other]] = [out[other] as T, out[index] as T]
  }
  return out
}

/** Paragraphs in a new order (a different one whenever there are at least two). */
export function reorderParagraphs(text: string, random: PythonRandom): string {
  const paragraphs = text.split('\n\n')
  if (paragraphs.length < 2) return text
  let order = shuffle(paragraphs, random)
  while (order.join('\n\n') === text) order = shuffle(paragraphs, random)
  return order.join('\n\n')
}

/** One or two boilerplate blocks appended, sometimes one more put before the text. */
export function addBoilerplate(text: string, random: PythonRandom): string {
  const tail = Array.from({ length: 1 + random.randrange(2) }, () => pick(random, BOILERPLATE))
  const head = random.randrange(3) === 0 ? [pick(random, BOILERPLATE.slice(0, 2))] : []
  return [...head, text, ...tail].join('\n\n')
}

/** The first `count` words of `text`, or its words from `start` on, with the original spacing and paragraph breaks. */
function wordSlice(text: string, start: number, count: number): string {
  const parts = text.split(/(\s+)/)
  return parts.slice(start * 2, (start + count) * 2 - 1).join('')
}

/** The first `share` of `a`'s words followed by words from the middle of `b` making up the rest of `a`'s length, as a new paragraph. */
export function splice(a: string, b: string, share: number): string {
  const first = a.split(/\s+/).length
  const second = b.split(/\s+/).length
  const keep = Math.round(first * share)
  const fill = Math.min(second, first - keep)
  return `${wordSlice(a, 0, keep)}\n\n${wordSlice(b, Math.floor((second - fill) / 2), fill)}`
}

/** The same text with every paragraph break replaced by a space (a feed body, a flattened copy). */
export function flatten(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const word of a) if (b.has(word)) shared += 1
  return shared / (a.size + b.size - shared)
}

/** For each text, the other text with the most similar vocabulary (same topic, different article). */
export function nearestNeighbours(texts: readonly string[]): number[] {
  const vocabularies = texts.map((text) => new Set(shingleWords(text).filter((word) => word.length > 3)))
  return vocabularies.map((own, index) => {
    let best = index === 0 ? 1 : 0
    let bestScore = -1
    vocabularies.forEach((other, candidate) => {
      if (candidate === index) return
      const score = jaccard(own, other)
      if (score > bestScore) {
        best = candidate
        bestScore = score
      }
    })
    return best
  })
}

/** Small-edit copies at `rate` edits per word (at least one edit each). */
export function editedCopies(originals: readonly EvalDoc[], rate: number, seed: number): EvalDoc[] {
  const random = createMt19937(seed)
  return originals.map((doc) => {
    const count = Math.max(1, Math.round(shingleWords(doc.text).length * rate))
    return { name: `${doc.name}.edits-${rate}`, text: editWords(doc.text, count, random), cluster: doc.cluster, kind: 'small-edits' as const }
  })
}

/** The variants of every original: four positives and two look-alikes each. */
export function buildVariants(originals: readonly EvalDoc[], seed: number, editRate = 0.01): EvalDoc[] {
  const random = createMt19937(seed)
  const neighbours = nearestNeighbours(originals.map((doc) => doc.text))
  const out: EvalDoc[] = [...editedCopies(originals, editRate, seed + 1)]
  originals.forEach((doc, index) => {
    const other = originals[neighbours[index] as number] as EvalDoc
    const variant = (kind: Kind, text: string, cluster = doc.cluster): EvalDoc => ({ name: `${doc.name}.${kind}`, text, cluster, kind })
    if (doc.text.includes('\n\n')) out.push(variant('reordered', reorderParagraphs(doc.text, random)))
    out.push(variant('boilerplate', addBoilerplate(doc.text, random)))
    const edits = Math.max(1, Math.round(shingleWords(doc.text).length * editRate * 0.5))
    out.push(variant('mixed', addBoilerplate(editWords(reorderParagraphs(doc.text, random), edits, random), random)))
    out.push(variant('half-swap', splice(doc.text, other.text, 0.5), `${doc.name}.half-swap`))
    out.push(variant('three-quarters', splice(doc.text, other.text, 0.75), `${doc.name}.three-quarters`))
  })
  return out
}

/** Deterministic shuffle of the variants (originals stay first, in id order, as published). */
export function inputOrder(originals: readonly EvalDoc[], variants: readonly EvalDoc[], seed: number, mixOriginals = false): EvalDoc[] {
  const random = createMt19937(seed)
  return mixOriginals ? shuffle([...originals, ...variants], random) : [...originals, ...shuffle(variants, random)]
}
