/**
 * What a search for numbers in one purpose answers, shared by the indexed search (number-index.ts) and the plain
 * all-pairs one (naive.ts) that proves it right: both must give exactly the same answer.
 */
import type { ReferenceText } from './reference';

export interface FuzzyHit {
  /** Index into the searcher's `keys`. */
  key: number;
  /** Best Jaro-Winkler similarity of the key against a same-length window of the purpose. */
  score: number;
  /** The (normalised) purpose window that scored it: the first one with that score. */
  window: string;
}

export interface NumberHits {
  /** Keys found exactly on token boundaries, ascending. */
  exact: number[];
  /**
   * Only when nothing was found exactly: the keys above the threshold that are about as similar as the best one
   * (score ≥ best − margin), best first, then by key index.
   */
  fuzzy: FuzzyHit[];
}

export interface SearchOptions {
  /** Whether to look for similar numbers at all (case numbers are only ever compared exactly). */
  fuzzy: boolean;
  threshold: number;
  margin: number;
}

export interface NumberSearcher {
  /** Normalised, distinct, non-empty keys. */
  readonly keys: readonly string[];
  search(t: ReferenceText): NumberHits;
}

/** Best score per key → the hits about as good as the best one, in a fixed order. */
export function nearTop(scores: Map<number, { score: number; window: string }>, threshold: number, margin: number): FuzzyHit[] {
  let best = -1;
  for (const s of scores.values()) if (s.score > threshold && s.score > best) best = s.score;
  if (best < 0) return [];
  const hits: FuzzyHit[] = [];
  for (const [key, s] of scores) {
    if (s.score > threshold && s.score >= best - margin) hits.push({ key, score: s.score, window: s.window });
  }
  return hits.sort((x, y) => y.score - x.score || x.key - y.key);
}
