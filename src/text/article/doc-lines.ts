/**
 * The lines of one document with what stages ask of them more than once, computed on first use
 * and kept for the rest of the document: the `comparable()` key of every line, and the line
 * features of the article search. Made per document and passed explicitly, so nothing outlives
 * the document.
 */
import { comparable } from '../lines.ts'
import type { ChromeMatcher } from '../chrome-match.ts'
import { lineFeatures } from './line-features.ts'
import type { FeatureThresholds, LineInfo } from './line-features.ts'

/** Lazily computed views of one document's lines. */
export interface DocLines {
  readonly lines: readonly string[]
  /** `lineFeatures` of the lines, computed once. */
  features(): readonly LineInfo[]
  /** `comparable()` of every line (from the features when they exist), computed once. */
  keys(): string[]
  /** The features if they were computed, else undefined (nothing is computed for asking). */
  computed(): readonly LineInfo[] | undefined
}

/** Wraps the lines of one document; `match` and `thresholds` are those of its features. */
export function docLines(lines: readonly string[], match: ChromeMatcher, thresholds: FeatureThresholds): DocLines {
  let infos: readonly LineInfo[] | undefined
  let keys: string[] | undefined
  return {
    lines,
    computed: () => infos,
    features: () => (infos ??= lineFeatures(lines, match, thresholds)),
    keys: () => (keys ??= infos === undefined ? lines.map((line) => comparable(line)) : infos.map((info) => info.key)),
  }
}
