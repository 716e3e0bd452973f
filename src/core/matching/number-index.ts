/**
 * Finding open numbers in a purpose fast, with exactly the answers of the all-pairs search in naive.ts.
 *
 * Exact: every place where a number may start (token start) and end (token end) is looked up in a hash of the
 * normalised numbers — a handful of lookups per purpose instead of one scan per number.
 *
 * Fuzzy (only when nothing was found exactly): the numbers of each length sit in a trie. A window of the purpose walks
 * the trie while Jaro-Winkler's own greedy matching runs along (the number's characters are matched in their order, so
 * the count of matching characters is known at every node). A branch ends as soon as even a perfect rest could not
 * reach the score still needed: the threshold, or the best score found so far minus the ambiguity margin. Only numbers
 * that survive are scored with `jaroWinkler` itself — so the scores, and the answer, are the naive ones.
 */
import { jaroWinkler, jaroWinklerBound } from './jaro-winkler';
import { nearTop, type NumberHits, type NumberSearcher, type SearchOptions } from './number-search';
import { isFuzzyWindow, minFuzzyLength, type ReferenceText } from './reference';

/** Pruning keeps a branch whose bound falls short by less than this: float rounding must never lose a hit. */
const slack = 1e-9;

interface Trie {
  length: number;
  /** Jaro-Winkler window of two strings of this length. */
  range: number;
  maxPrefix: number;
  /** bound[matches * 5 + prefix]: the best score still reachable. */
  bound: Float64Array;
  kidsStart: Int32Array;
  kidsCount: Int32Array;
  kidChar: Uint16Array;
  kidNode: Int32Array;
  /** Key index at the end of a number, -1 inside. */
  leafKey: Int32Array;
}

interface BuildNode {
  kids: Map<number, BuildNode>;
  key: number;
}

function buildTrie(keys: readonly string[], ids: number[], length: number): Trie {
  const root: BuildNode = { kids: new Map(), key: -1 };
  for (const id of ids) {
    const key = keys[id]!;
    let node = root;
    for (let i = 0; i < length; i++) {
      const c = key.charCodeAt(i);
      let next = node.kids.get(c);
      if (next === undefined) node.kids.set(c, (next = { kids: new Map(), key: -1 }));
      node = next;
    }
    node.key = id;
  }
  // Flatten breadth-first into typed arrays: the search then walks plain indexes.
  const order: BuildNode[] = [root];
  for (let i = 0; i < order.length; i++) for (const kid of order[i]!.kids.values()) order.push(kid);
  const index = new Map<BuildNode, number>(order.map((n, i) => [n, i]));
  const kidsStart = new Int32Array(order.length);
  const kidsCount = new Int32Array(order.length);
  const kidChar = new Uint16Array(order.length);
  const kidNode = new Int32Array(order.length);
  const leafKey = new Int32Array(order.length);
  let next = 0;
  order.forEach((node, i) => {
    kidsStart[i] = next;
    kidsCount[i] = node.kids.size;
    leafKey[i] = node.key;
    for (const [c, kid] of node.kids) {
      kidChar[next] = c;
      kidNode[next] = index.get(kid)!;
      next++;
    }
  });
  const maxPrefix = Math.min(4, length);
  const bound = new Float64Array((length + 1) * 5);
  for (let m = 0; m <= length; m++) for (let p = 0; p <= 4; p++) bound[m * 5 + p] = jaroWinklerBound(length, m, p);
  return { length, range: Math.max((length >> 1) - 1, 0), maxPrefix, bound, kidsStart, kidsCount, kidChar, kidNode, leafKey };
}

export function createNumberIndex(keys: readonly string[], options: SearchOptions): NumberSearcher {
  const exactKeys = new Map<string, number>();
  keys.forEach((k, i) => exactKeys.set(k, i));
  const lengths = [...new Set(keys.map((k) => k.length))].sort((a, b) => a - b);
  // Most places in a purpose cannot start any number (words, dates): one table look-up rules them out.
  const firstChars = new Uint8Array(0x10000);
  for (const k of keys) firstChars[k.charCodeAt(0)] = 1;
  const tries: Trie[] = [];
  if (options.fuzzy) {
    for (const length of lengths) {
      if (length < minFuzzyLength) continue;
      const ids: number[] = [];
      keys.forEach((k, i) => k.length === length && ids.push(i));
      tries.push(buildTrie(keys, ids, length));
    }
  }
  const { threshold, margin } = options;

  // State of the one search running (the core is single-threaded): set per window, read by `visit`.
  let codes = new Uint16Array(256);
  let taken = new Uint8Array(64);
  let text = '';
  let at = 0;
  let trie: Trie = tries[0]!;
  let window: string | null = null;
  let best = -1;
  let scores = new Map<number, { score: number; window: string }>();

  function target(): number {
    return best - margin > threshold ? best - margin : threshold;
  }

  function leaf(key: number): void {
    if (window === null) window = text.substr(at, trie.length);
    const score = jaroWinkler(keys[key]!, window);
    const seen = scores.get(key);
    if (seen === undefined || score > seen.score) scores.set(key, { score, window });
    if (score > threshold && score > best) best = score;
  }

  /** Tries kid `e` of the node at depth `d`; `m` matches and prefix `p` (still growing if `open`) so far. */
  function step(e: number, d: number, m: number, p: number, open: boolean): void {
    const t = trie;
    const c = t.kidChar[e]!;
    const lo = d - t.range > 0 ? d - t.range : 0;
    const hi = d + t.range + 1 < t.length ? d + t.range + 1 : t.length;
    let j = -1;
    for (let x = lo; x < hi; x++) {
      if (taken[x] === 0 && codes[at + x] === c) {
        j = x;
        break;
      }
    }
    const m2 = j >= 0 ? m + 1 : m;
    let p2 = p;
    let open2 = false;
    if (open && c === codes[at + d]) {
      p2 = p + 1;
      open2 = p2 < t.maxPrefix;
    }
    const reachable = t.bound[(m2 + t.length - d - 1) * 5 + (open2 ? t.maxPrefix : p2)]!;
    if (reachable < target() - slack) return;
    if (j >= 0) taken[j] = 1;
    visit(t.kidNode[e]!, d + 1, m2, p2, open2);
    if (j >= 0) taken[j] = 0;
  }

  function visit(node: number, d: number, m: number, p: number, open: boolean): void {
    const t = trie;
    if (d === t.length) {
      leaf(t.leafKey[node]!);
      return;
    }
    const start = t.kidsStart[node]!;
    const end = start + t.kidsCount[node]!;
    // The kid equal to the window's own character first: good hits early raise the bar for the rest.
    const own = codes[at + d];
    let ownKid = -1;
    for (let e = start; e < end; e++) {
      if (t.kidChar[e] === own) {
        ownKid = e;
        step(e, d, m, p, open);
        break;
      }
    }
    for (let e = start; e < end; e++) if (e !== ownKid) step(e, d, m, p, open);
  }

  return {
    keys,
    search(rt: ReferenceText): NumberHits {
      const n = rt.text.length;
      const exact: number[] = [];
      for (let i = 0; i < n; i++) {
        if (rt.start[i] !== 1 || firstChars[rt.text.charCodeAt(i)] !== 1) continue;
        for (const length of lengths) {
          if (i + length > n) break;
          if (rt.end[i + length - 1] !== 1) continue;
          const id = exactKeys.get(rt.text.substr(i, length));
          if (id !== undefined) exact.push(id);
        }
      }
      if (exact.length > 0) return { exact: [...new Set(exact)].sort((a, b) => a - b), fuzzy: [] };
      if (tries.length === 0) return { exact, fuzzy: [] };

      if (codes.length < n) codes = new Uint16Array(n * 2);
      for (let i = 0; i < n; i++) codes[i] = rt.text.charCodeAt(i);
      text = rt.text;
      best = -1;
      scores = new Map();
      for (at = 0; at < n; at++) {
        if (rt.start[at] !== 1) continue;
        for (trie of tries) {
          if (!isFuzzyWindow(rt, at, trie.length)) continue;
          if (taken.length < trie.length) taken = new Uint8Array(trie.length * 2);
          window = null;
          visit(0, 0, 0, 0, trie.maxPrefix > 0);
        }
      }
      return { exact, fuzzy: nearTop(scores, threshold, margin) };
    },
  };
}
