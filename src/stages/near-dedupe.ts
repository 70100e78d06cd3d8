/**
 * near-dedupe — rejects near-duplicate documents (MinHash with LSH banding), keeping the first in
 * input order.
 *
 * Each document becomes a MinHash signature of its word `shingleSize`-grams (lowercased, without
 * punctuation, so a re-typeset copy is identical). Signatures are cut into bands; a document
 * that shares a band with an earlier kept document is a candidate, and is rejected when the
 * signatures estimate a Jaccard similarity ≥ `threshold` (default 0.8, word 5-grams, 128
 * permutations: the settings datatrove and the Gopher/RefinedWeb pipelines use). The banding is
 * chosen so that a pair at the threshold becomes a candidate with probability ≥ 0.97 (18 × 7 by
 * default); `bands`/`rows` override it. Rules: `near-dedupe/near-duplicate` (fatal), naming the
 * kept document's source and id and the estimated similarity. `ordered: true`, so the kept copy
 * never depends on concurrency. State lives in the run (`near-dedupe/index` key, see
 * src/text/minhash-index.ts): the signature’s low 8 bits (one byte per permutation, chance
 * agreement taken out of the estimate) and 8 bytes per band for each kept document, plus its
 * name (src/core/document-names.ts, about 20 bytes): about 0.3 KB with the defaults; texts are
 * never stored. Rejected documents are not indexed, so clusters are judged against kept ones.
 */
import { z } from 'zod'
import { parseStageOptions } from '../config/stage-options.ts'
import { addDocumentName, createDocumentNames, documentName } from '../core/document-names.ts'
import type { DocumentNames } from '../core/document-names.ts'
import type { Stage } from '../core/stage.ts'
import { seedSequence } from '../text/hash32.ts'
import { bandKeys, chooseBanding, minhashSignature } from '../text/minhash.ts'
import { addSignature, bestMatch, createMinhashIndex } from '../text/minhash-index.ts'
import type { MinhashIndex } from '../text/minhash-index.ts'
import type { Banding } from '../text/minhash.ts'
import { shingleHashes } from '../text/shingles.ts'

const Options = z
  .object({
    /** Estimated Jaccard similarity of the shingle sets at or above which a document is a near-duplicate. */
    threshold: z.number().gt(0).lt(1).default(0.8),
    /** Words per shingle. */
    shingleSize: z.number().int().min(1).max(32).default(5),
    /** Hash functions per signature (memory: 1 byte each per kept document). */
    permutations: z.number().int().min(8).max(1024).default(128),
    /** LSH bands; with `rows`, overrides the automatic choice. */
    bands: z.number().int().positive().optional(),
    /** Signature rows per band; with `bands`, overrides the automatic choice. */
    rows: z.number().int().positive().optional(),
    /** Seed of the hash functions; the same seed gives the same decisions on every machine. */
    seed: z.number().int().nonnegative().default(1),
  })
  .strict()
  .refine((value) => (value.bands === undefined) === (value.rows === undefined), { message: 'Set both `bands` and `rows` of near-dedupe, or neither (they are chosen from `threshold`)' })
  .refine((value) => value.bands === undefined || value.rows === undefined || value.bands * value.rows <= value.permutations, { message: 'near-dedupe `bands` × `rows` must not exceed `permutations`' })

/** Options of {@link nearDedupe} as users write them. */
export type NearDedupeOptions = z.input<typeof Options>

/** Rule ids of the near-dedupe stage. */
export const nearDedupeRules = ['near-dedupe/near-duplicate'] as const

/** What the run remembers: the index of kept documents' signatures, and their names in the same order. */
interface NearDedupeState {
  index: MinhashIndex
  names: DocumentNames
}

/** Creates the near-dedupe stage; its memory is per run (`context.run`), never module-wide. */
export function nearDedupe(options: NearDedupeOptions = {}): Stage<(typeof nearDedupeRules)[number]> {
  const settings = parseStageOptions('near-dedupe', Options, options)
  const banding: Banding = settings.bands !== undefined && settings.rows !== undefined ? { bands: settings.bands, rows: settings.rows } : chooseBanding(settings.threshold, settings.permutations)
  const seeds = seedSequence(settings.seed, settings.permutations)
  const signatureOf = (text: string): Uint32Array | undefined => {
    const shingles = shingleHashes(text, settings.shingleSize)
    return shingles.length === 0 ? undefined : minhashSignature(shingles, seeds)
  }
  return {
    name: 'near-dedupe',
    rules: nearDedupeRules,
    ordered: true,
    options: { threshold: settings.threshold, shingleSize: settings.shingleSize, permutations: settings.permutations, seed: settings.seed, ...banding },
    prepare(doc) {
      const signature = signatureOf(doc.text)
      return signature === undefined ? doc : { ...doc, prepared: { ...doc.prepared, 'near-dedupe': signature } }
    },
    run(doc, context) {
      const signature = (doc.prepared?.['near-dedupe'] as Uint32Array | undefined) ?? signatureOf(doc.text)
      if (signature === undefined) return doc
      const state = context.run.state<NearDedupeState>('near-dedupe/index', () => ({ index: createMinhashIndex(banding, settings.permutations), names: createDocumentNames() }))
      const keys = bandKeys(signature, banding)
      const match = bestMatch(state.index, signature, keys)
      if (match !== undefined && match.similarity >= settings.threshold) {
        const { source, id } = documentName(state.names, match.document)
        return context.drop('near-dedupe/near-duplicate', `Near-duplicate of ${source} (id ${id}), which came first and was kept: estimated similarity ${match.similarity.toFixed(2)} of word ${settings.shingleSize}-grams (threshold ${settings.threshold}).`)
      }
      addSignature(state.index, signature, keys)
      addDocumentName(state.names, doc)
      return doc
    },
  }
}
