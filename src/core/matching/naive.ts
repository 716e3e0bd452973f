/**
 * The plain way to find numbers in a purpose: every number against the whole purpose (exact), and against every
 * same-length window of it with Jaro-Winkler (fuzzy). Far too slow for real use (10,000 × 10,000 takes hours); it is
 * the yardstick the indexed search is tested and benchmarked against, so it stays as simple as possible.
 */
import { jaroWinkler } from './jaro-winkler';
import { createMatcherWith } from './matcher';
import { nearTop, type NumberHits, type NumberSearcher, type SearchOptions } from './number-search';
import { isFuzzyWindow, minFuzzyLength, occursAt, type ReferenceText } from './reference';
import type { Matcher, MatcherInput } from './types';

export function createNaiveSearcher(keys: readonly string[], options: SearchOptions): NumberSearcher {
  return {
    keys,
    search(t: ReferenceText): NumberHits {
      const exact: number[] = [];
      const scores = new Map<number, { score: number; window: string }>();
      for (let q = 0; q < keys.length; q++) {
        const key = keys[q]!;
        for (let at = t.text.indexOf(key); at >= 0; at = t.text.indexOf(key, at + 1)) {
          if (occursAt(t, key, at)) {
            exact.push(q);
            break;
          }
        }
        if (!options.fuzzy || key.length < minFuzzyLength) continue;
        for (let at = 0; at + key.length <= t.text.length; at++) {
          if (!isFuzzyWindow(t, at, key.length)) continue;
          const window = t.text.substr(at, key.length);
          const score = jaroWinkler(key, window);
          const seen = scores.get(q);
          if (seen === undefined || score > seen.score) scores.set(q, { score, window });
        }
      }
      return exact.length > 0 ? { exact, fuzzy: [] } : { exact, fuzzy: nearTop(scores, options.threshold, options.margin) };
    },
  };
}

/** `createMatcher` with the plain search: same rules, same results, only slow. */
export function createNaiveMatcher(input: MatcherInput): Matcher {
  return createMatcherWith(input, createNaiveSearcher);
}
