/**
 * One number out of a list, per purpose — what a custom function such as KM_MATCH(purpose; numbers) needs. The index is
 * built once per call over the whole range, then every purpose cell is looked up in it.
 */
import { createNumberIndex } from './number-index';
import { normaliseReference, prepareReferenceText } from './reference';
import { defaultMatchSettings, type NumberFind, type NumberFinder } from './types';

/**
 * `numbers` as they stand in the sheet: blank cells are skipped; numbers equal after normalisation (`RE-1`, `re 1`) count
 * once, answered with the first spelling. `threshold` is the fuzzy threshold (default 0.90).
 */
export function createNumberFinder(numbers: string[], threshold: number = defaultMatchSettings.fuzzyThreshold): NumberFinder {
  const spelling = new Map<string, string>();
  for (const n of numbers) {
    const key = normaliseReference(String(n ?? ''));
    if (key !== '' && !spelling.has(key)) spelling.set(key, String(n).trim());
  }
  const keys = [...spelling.keys()];
  const index = createNumberIndex(keys, { fuzzy: true, threshold, margin: defaultMatchSettings.ambiguityMargin });
  const shown = (key: number) => spelling.get(keys[key]!)!;
  return {
    find(purpose: string): NumberFind | null {
      // Sheet cells may hand over numbers or nothing at all.
      const text = typeof purpose === 'string' ? purpose : purpose === null || purpose === undefined ? '' : String(purpose);
      if (text.trim() === '') return null;
      const hits = index.search(prepareReferenceText(text));
      if (hits.exact.length > 0) {
        const [first, ...others] = hits.exact.map(shown);
        const ambiguous = others.length > 0;
        return {
          number: first!,
          score: 1,
          method: 'exact',
          reason: ambiguous ? `several numbers found in purpose: ${[first, ...others].join(', ')}` : `${first} found in purpose`,
          ambiguous,
          alternatives: others,
        };
      }
      if (hits.fuzzy.length === 0) return null;
      const top = hits.fuzzy[0]!;
      const others = hits.fuzzy.slice(1).map((h) => shown(h.key));
      const similar = `"${top.window}" in purpose is similar to ${shown(top.key)} (${top.score.toFixed(3)}), not equal`;
      return {
        number: shown(top.key),
        score: top.score,
        method: 'fuzzy',
        reason: others.length > 0 ? `${similar}; about as similar: ${others.join(', ')}` : similar,
        ambiguous: others.length > 0,
        alternatives: others,
      };
    },
  };
}
