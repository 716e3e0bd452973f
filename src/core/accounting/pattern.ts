/**
 * The "Purpose pattern" of a rule: a regular expression the bookkeeper types, matched by our own linear-time matcher.
 *
 * Why not the built-in RegExp: it backtracks. A pattern like `(a+)+b` against a long run of `a`s takes exponential time,
 * and JavaScript offers no way to interrupt a running match — one careless rule would hang every execution of the add-on
 * until Apps Script kills it after minutes, with the bookkeeper none the wiser. Why not re2js (a port of RE2): it adds about
 * 150 KB minified to the bundle, and Apps Script loads the whole bundle on every call, custom functions included. The
 * patterns people write for bank purposes ("Miete\s+\d{2}/\d{4}", "^SEPA-Lastschrift") need far less than RE2 offers.
 *
 * How: the pattern is parsed into a tree, the tree compiled into a Thompson NFA (one state per character test, assertion
 * or branch), and the NFA simulated over the text with a set of current states (Pike-style, without captures — a rule only
 * asks "does it match?"). Each state enters the set at most once per text position, so the work is at most
 * states × (characters + 1); `lastSteps` reports that work so tests can prove the bound. Counted repeats (`x{2,5}`) are
 * expanded into copies, which is why their size and the total number of states are limited. Two shortcuts keep the many
 * rules × transactions of an auto-fill cheap without changing any answer: a text lacking a piece of plain text that every
 * match needs ("miete" in `^miete \d{2}`) is answered at once, and a pattern starting with `^` stops once its set is empty.
 *
 * Semantics follow RegExp with the `i` flag and without `m`: unanchored search, `^`/`$` at the start/end of the whole text,
 * `.` any character but a line break, `\d` `\w` `\s` `\b` as in RegExp (so `\w` is ASCII only: write `[\wäöüß]` for umlauts).
 * Letters compare case-insensitively via toLowerCase (so `ß` stays `ß`; `Ä` matches `ä`). Characters are code points.
 * Rejected, with the position (counted from 0) where the problem was found: unbalanced brackets, back-references,
 * lookaround, named groups, a quantifier with nothing to repeat, unknown escapes, `{n,m}` with n > m or more than 100.
 */

export interface Pattern {
  readonly source: string;
  /** Number of NFA states; the work of one test is at most `stateCount × (characters + 1)` steps. */
  readonly stateCount: number;
  /** Steps the last `test` took (states entered, summed over text positions). */
  readonly lastSteps: number;
  /** Whether the pattern occurs anywhere in the text (like RegExp.test), ignoring case. */
  test(text: string): boolean;
}

export type PatternCompiled = { ok: true; pattern: Pattern } | { ok: false; message: string; position: number | null };

export const MAX_PATTERN_LENGTH = 300;
export const MAX_PATTERN_STATES = 5000;
export const MAX_REPEAT = 100;

type ClassEscape = 'd' | 'D' | 'w' | 'W' | 's' | 'S';
type SetItem = { kind: 'range'; from: number; to: number } | { kind: 'escape'; name: ClassEscape };
type CharTest = { kind: 'char'; lower: string } | { kind: 'any' } | { kind: 'set'; negated: boolean; items: SetItem[] };
type Assertion = '^' | '$' | 'b' | 'B';

type Node =
  | { kind: 'empty' }
  | { kind: 'test'; test: CharTest }
  | { kind: 'assert'; assertion: Assertion }
  | { kind: 'concat'; parts: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number | null };

class PatternError extends Error {
  constructor(
    message: string,
    readonly position: number | null,
  ) {
    super(message);
  }
}

const quote = (text: string): string => `"${text}"`;

// ---------------------------------------------------------------------------------------------------------------------
// Parser: recursive descent over the code points of the source.

class Parser {
  private pos = 0;

  constructor(private readonly chars: readonly string[]) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.chars.length) {
      // alternation() stops only at ")" when no group is open.
      throw new PatternError(`unmatched ")" at position ${this.pos}`, this.pos);
    }
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const parts: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const atomAt = this.pos;
      const atom = this.atom();
      parts.push(this.quantified(atom, atomAt));
    }
    if (parts.length === 0) return { kind: 'empty' };
    return parts.length === 1 ? parts[0]! : { kind: 'concat', parts };
  }

  /** Reads `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (each optionally lazy) after an atom; lazy means the same for a test. */
  private quantified(atom: Node, atomAt: number): Node {
    const at = this.pos;
    const q = this.quantifier();
    if (q === null) return atom;
    if (atom.kind === 'assert') throw new PatternError(`${quote(this.chars[at]!)} at position ${at} has nothing to repeat (${quote(this.chars.slice(atomAt, at).join(''))} is not a character)`, at);
    if (this.peek() === '?') this.pos++;
    const next = this.pos;
    if (this.quantifier() !== null) throw new PatternError(`${quote(this.chars[next]!)} at position ${next} has nothing to repeat`, next);
    return { kind: 'repeat', node: atom, min: q.min, max: q.max };
  }

  private quantifier(): { min: number; max: number | null } | null {
    const c = this.peek();
    if (c === '{') return this.count();
    const q = c === '*' ? { min: 0, max: null } : c === '+' ? { min: 1, max: null } : c === '?' ? { min: 0, max: 1 } : null;
    if (q !== null) this.pos++;
    return q;
  }

  /** `{n}`, `{n,}`, `{n,m}` at the current `{`; any other `{` is refused (write `\{` for the character). */
  private count(): { min: number; max: number | null } {
    const start = this.pos;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.chars.slice(start, start + 12).join(''));
    if (match === null) throw new PatternError(`"{" at position ${start} is not a count like {2} or {2,5} (write \\{ for the character itself)`, start);
    this.pos += match[0].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? null : Number(match[3]);
    if (max !== null && min > max) throw new PatternError(`${quote(match[0])} at position ${start} counts down: the smaller number comes first`, start);
    if (min > MAX_REPEAT || (max !== null && max > MAX_REPEAT)) throw new PatternError(`${quote(match[0])} at position ${start} repeats more than ${MAX_REPEAT} times`, start);
    return { min, max };
  }

  private atom(): Node {
    const at = this.pos;
    const c = this.chars[at]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { kind: 'test', test: this.characterClass() };
      case ')':
      case ']':
      case '}':
        throw new PatternError(`unmatched ${quote(c)} at position ${at}`, at);
      case '*':
      case '+':
      case '?':
        throw new PatternError(`${quote(c)} at position ${at} has nothing to repeat`, at);
      case '{':
        this.count(); // a valid count here repeats nothing; an invalid one explains itself
        throw new PatternError(`"{" at position ${at} has nothing to repeat`, at);
      case '.':
        this.pos++;
        return { kind: 'test', test: { kind: 'any' } };
      case '^':
      case '$':
        this.pos++;
        return { kind: 'assert', assertion: c };
      case '\\':
        return this.escape();
      default:
        this.pos++;
        return literal(c);
    }
  }

  private group(): Node {
    const open = this.pos;
    this.pos++;
    if (this.peek() === '?') {
      const kind = this.chars.slice(this.pos, this.pos + 3).join('');
      if (kind.startsWith('?:')) this.pos += 2;
      else if (kind.startsWith('?=') || kind.startsWith('?!')) throw new PatternError(`lookahead "(${kind.slice(0, 2)}" at position ${open} is not supported`, open);
      else if (kind === '?<=' || kind === '?<!') throw new PatternError(`lookbehind "(${kind}" at position ${open} is not supported`, open);
      else if (kind.startsWith('?<')) throw new PatternError(`named groups "(?<" at position ${open} are not supported: use ( ) or (?: )`, open);
      else throw new PatternError(`"(?" at position ${open} is not supported: use ( ) or (?: )`, open);
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new PatternError(`missing ")" at position ${this.pos}`, this.pos);
    this.pos++;
    return inner;
  }

  /** `\d`, `\b`, `\.` … outside a class. */
  private escape(): Node {
    const at = this.pos;
    const c = this.chars[at + 1];
    if (c === undefined) throw new PatternError(`"\\" at position ${at} ends the pattern: write \\\\ for a backslash`, at);
    this.pos += 2;
    if (c === 'b' || c === 'B') return { kind: 'assert', assertion: c };
    if (isClassEscape(c)) return { kind: 'test', test: { kind: 'set', negated: false, items: [{ kind: 'escape', name: c }] } };
    return literal(escapedCharacter(c, at));
  }

  /** `[…]` / `[^…]`: single characters, ranges `a-z`, and `\d \w \s` (and their negations) inside. */
  private characterClass(): CharTest {
    const open = this.pos;
    this.pos++;
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    if (this.peek() === ']') throw new PatternError(`empty class "[${negated ? '^' : ''}]" at position ${open}`, open);
    const items: SetItem[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new PatternError(`missing "]" at position ${this.pos}`, this.pos);
      if (c === ']') break;
      const fromAt = this.pos;
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        const to = this.classAtom();
        if (typeof from === 'string' && typeof to === 'string') {
          const lo = from.codePointAt(0)!;
          const hi = to.codePointAt(0)!;
          if (lo > hi) throw new PatternError(`range "${from}-${to}" at position ${fromAt} is out of order`, fromAt);
          items.push({ kind: 'range', from: lo, to: hi });
          continue;
        }
        // `[\d-z]`: as in RegExp, a class escape cannot end a range, the "-" is a character.
        items.push(itemOf(from), { kind: 'range', from: 45, to: 45 }, itemOf(to));
        continue;
      }
      items.push(itemOf(from));
    }
    this.pos++;
    return { kind: 'set', negated, items };
  }

  /** One character (as a string) or a class escape (as its `{ name }`) inside `[ ]`. */
  private classAtom(): string | { name: ClassEscape } {
    const at = this.pos;
    const c = this.chars[at]!;
    if (c !== '\\') {
      this.pos++;
      return c;
    }
    const e = this.chars[at + 1];
    if (e === undefined) throw new PatternError(`missing "]" at position ${at + 1}`, at + 1);
    this.pos += 2;
    if (isClassEscape(e)) return { name: e };
    if (e === 'b' || e === 'B') throw new PatternError(`"\\${e}" at position ${at} is not supported inside [ ]`, at);
    return escapedCharacter(e, at);
  }
}

function isClassEscape(c: string): c is ClassEscape {
  return c === 'd' || c === 'D' || c === 'w' || c === 'W' || c === 's' || c === 'S';
}

/** The character an escape like `\.` or `\t` stands for; letters and digits other than the supported ones are refused. */
function escapedCharacter(c: string, at: number): string {
  if (c === 't') return '\t';
  if (c === 'n') return '\n';
  if (c === 'r') return '\r';
  if (/^[1-9]$/.test(c)) throw new PatternError(`back-reference "\\${c}" at position ${at} is not supported`, at);
  if (c === 'k') throw new PatternError(`named back-reference "\\k" at position ${at} is not supported`, at);
  if (/^[A-Za-z0-9]$/.test(c)) throw new PatternError(`"\\${c}" at position ${at} is not a supported escape`, at);
  return c; // `\.`, `\\`, `\/`, `\-`, `\(` … and any other punctuation: the character itself
}

function literal(c: string): Node {
  return { kind: 'test', test: { kind: 'char', lower: c.toLowerCase() } };
}

function itemOf(atom: string | { name: ClassEscape }): SetItem {
  if (typeof atom !== 'string') return { kind: 'escape', name: atom.name };
  const cp = atom.codePointAt(0)!;
  return { kind: 'range', from: cp, to: cp };
}

// ---------------------------------------------------------------------------------------------------------------------
// NFA: states in one array; each test or assertion state has one successor, a split has two.

type State =
  | { op: 'test'; test: CharTest; out: number }
  | { op: 'assert'; assertion: Assertion; out: number }
  | { op: 'split'; out: number; out2: number }
  | { op: 'match' };

/** How many states `compile` will create for a node — computed first, so a huge expansion is refused before it is built. */
function sizeOf(node: Node): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'test':
    case 'assert':
      return 1;
    case 'concat':
      return node.parts.reduce((sum, part) => sum + sizeOf(part), 0);
    case 'alt':
      return node.options.reduce((sum, option) => sum + sizeOf(option), 0) + node.options.length - 1;
    case 'repeat': {
      const body = sizeOf(node.node);
      return node.min * body + (node.max === null ? body + 1 : (node.max - node.min) * (body + 1));
    }
  }
}

class Builder {
  readonly states: State[] = [];

  add(state: State): number {
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Compiles backwards: `next` is the state that follows the node; returns the node's first state. */
  compile(node: Node, next: number): number {
    switch (node.kind) {
      case 'empty':
        return next;
      case 'test':
        return this.add({ op: 'test', test: node.test, out: next });
      case 'assert':
        return this.add({ op: 'assert', assertion: node.assertion, out: next });
      case 'concat': {
        let start = next;
        for (let i = node.parts.length - 1; i >= 0; i--) start = this.compile(node.parts[i]!, start);
        return start;
      }
      case 'alt': {
        const starts = node.options.map((option) => this.compile(option, next));
        let start = starts[starts.length - 1]!;
        for (let i = starts.length - 2; i >= 0; i--) start = this.add({ op: 'split', out: starts[i]!, out2: start });
        return start;
      }
      case 'repeat': {
        let start: number;
        if (node.max === null) {
          const loop = this.add({ op: 'split', out: next, out2: next });
          const body = this.compile(node.node, loop);
          this.states[loop] = { op: 'split', out: body, out2: next };
          start = loop;
        } else {
          start = next;
          for (let i = node.min; i < node.max; i++) start = this.add({ op: 'split', out: this.compile(node.node, start), out2: next });
        }
        for (let i = 0; i < node.min; i++) start = this.compile(node.node, start);
        return start;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Simulation.

const isAsciiWord = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
// The characters RegExp's \s matches.
const isSpace = (c: string): boolean => /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$/.test(c);
const isLineBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

function escapeMatches(name: ClassEscape, c: string): boolean {
  switch (name) {
    case 'd':
      return isDigit(c);
    case 'D':
      return !isDigit(c);
    case 'w':
      return isAsciiWord(c);
    case 'W':
      return !isAsciiWord(c);
    case 's':
      return isSpace(c);
    case 'S':
      return !isSpace(c);
  }
}

/** The single code point a case mapping gives, or null when it gives several (`ß` → `SS`). */
function singleCodePoint(text: string): number | null {
  const cp = text.codePointAt(0);
  return cp !== undefined && text.length === (cp > 0xffff ? 2 : 1) ? cp : null;
}

function inRange(item: { from: number; to: number }, cp: number | null): boolean {
  return cp !== null && cp >= item.from && cp <= item.to;
}

function testMatches(test: CharTest, c: string, lower: string): boolean {
  switch (test.kind) {
    case 'char':
      return test.lower === lower;
    case 'any':
      return !isLineBreak(c);
    case 'set': {
      let found = false;
      for (const item of test.items) {
        if (item.kind === 'escape') found = escapeMatches(item.name, c);
        // A letter is in a range when it, its lower or its upper case is: `[A-Z]` takes "k", `[a-z]` takes "K".
        else found = inRange(item, c.codePointAt(0)!) || inRange(item, singleCodePoint(lower)) || inRange(item, singleCodePoint(c.toUpperCase()));
        if (found) break;
      }
      return found !== test.negated;
    }
  }
}

/** A text split into code points, and each lower-cased: kept for the last text, as one purpose is tested by many rules. */
interface Prepared {
  text: string;
  chars: string[];
  lowers: string[];
  /** The lowered code points joined, for the quick check of a required piece of text. */
  lowered: string;
}

let lastPrepared: Prepared | null = null;

function prepare(text: string): Prepared {
  if (lastPrepared !== null && lastPrepared.text === text) return lastPrepared;
  const chars = Array.from(text);
  // Lower-casing the whole text is much faster than each character; it is used only where it gives one code point per
  // character and no context-dependent final sigma (ς), i.e. exactly what lower-casing each character would give.
  const whole = text.toLowerCase();
  let lowers = whole.length === text.length && !whole.includes('ς') ? Array.from(whole) : null;
  if (lowers === null || lowers.length !== chars.length) lowers = chars.map((c) => c.toLowerCase());
  lastPrepared = { text, chars, lowers, lowered: lowers.join('') };
  return lastPrepared;
}

/**
 * The longest run of plain characters every match must contain (lower-cased), e.g. "vertrag v-" for `\bvertrag v-\d+`:
 * a text without it cannot match, and is answered without running the NFA.
 */
function requiredText(node: Node): string {
  switch (node.kind) {
    case 'test':
      return node.test.kind === 'char' ? node.test.lower : '';
    case 'repeat':
      return node.min >= 1 ? requiredText(node.node) : '';
    case 'concat': {
      let best = '';
      let run = '';
      for (const part of node.parts) {
        if (part.kind === 'test' && part.test.kind === 'char') {
          run += part.test.lower;
        } else if (part.kind === 'assert') {
          continue; // takes no character: the run goes on across it
        } else {
          if (run.length > best.length) best = run;
          run = '';
          const inner = requiredText(part);
          if (inner.length > best.length) best = inner;
        }
      }
      return run.length > best.length ? run : best;
    }
    default:
      return '';
  }
}

/** Whether every match must start at the beginning of the text (`^…`): then no new attempt starts later. */
function anchoredAtStart(node: Node): boolean {
  if (node.kind === 'assert') return node.assertion === '^';
  if (node.kind === 'concat') return node.parts[0] !== undefined && anchoredAtStart(node.parts[0]);
  if (node.kind === 'alt') return node.options.every(anchoredAtStart);
  return false;
}

class NfaPattern implements Pattern {
  lastSteps = 0;
  private readonly mark: Int32Array;
  private readonly stack: Int32Array;
  private current: Int32Array;
  private next: Int32Array;

  constructor(
    readonly source: string,
    private readonly states: readonly State[],
    private readonly start: number,
    private readonly required: string,
    private readonly anchored: boolean,
  ) {
    const n = states.length;
    this.mark = new Int32Array(n);
    // Each state is pushed at most once per successor edge within one closure: 2 per state is enough.
    this.stack = new Int32Array(2 * n + 1);
    this.current = new Int32Array(n);
    this.next = new Int32Array(n);
  }

  get stateCount(): number {
    return this.states.length;
  }

  test(text: string): boolean {
    const { chars, lowers, lowered } = prepare(text);
    if (this.required !== '' && !lowered.includes(this.required)) {
      this.lastSteps = 0;
      return false;
    }
    const n = chars.length;
    const { states, mark, stack } = this;
    mark.fill(0);
    let steps = 0;
    let generation = 0;
    let matched = false;

    /** Adds `from` and every state reachable without reading a character (at text position `at`) to `list`. */
    const close = (from: number, at: number, list: Int32Array, size: number): number => {
      let top = 0;
      stack[top++] = from;
      while (top > 0) {
        const s = stack[--top]!;
        if (mark[s] === generation) continue;
        mark[s] = generation;
        steps++;
        const state = states[s]!;
        switch (state.op) {
          case 'split':
            stack[top++] = state.out2;
            stack[top++] = state.out;
            break;
          case 'assert':
            if (assertionHolds(state.assertion, chars, at, n)) stack[top++] = state.out;
            break;
          case 'match':
            matched = true;
            break;
          case 'test':
            list[size++] = s;
            break;
        }
      }
      return size;
    };

    generation++;
    let size = close(this.start, 0, this.current, 0);
    for (let i = 0; i < n && !matched; i++) {
      generation++;
      let nextSize = 0;
      const c = chars[i]!;
      const lower = lowers[i]!;
      for (let k = 0; k < size; k++) {
        const state = states[this.current[k]!] as Extract<State, { op: 'test' }>;
        if (testMatches(state.test, c, lower)) nextSize = close(state.out, i + 1, this.next, nextSize);
      }
      // Unanchored search: a new attempt starts at every position (a state already in the set is not added again).
      if (!this.anchored) nextSize = close(this.start, i + 1, this.next, nextSize);
      else if (nextSize === 0) break;
      [this.current, this.next] = [this.next, this.current];
      size = nextSize;
    }
    this.lastSteps = steps;
    return matched;
  }
}

function assertionHolds(assertion: Assertion, chars: readonly string[], at: number, n: number): boolean {
  switch (assertion) {
    case '^':
      return at === 0;
    case '$':
      return at === n;
    case 'b':
      return isAsciiWord(chars[at - 1]) !== isAsciiWord(chars[at]);
    case 'B':
      return isAsciiWord(chars[at - 1]) === isAsciiWord(chars[at]);
  }
}

/** Parses and compiles a pattern; a pattern that cannot be matched safely is refused with the reason and its position. */
export function compilePattern(source: string): PatternCompiled {
  const chars = Array.from(source);
  if (chars.length > MAX_PATTERN_LENGTH) return { ok: false, message: `${chars.length} characters long (at most ${MAX_PATTERN_LENGTH})`, position: null };
  try {
    const tree = new Parser(chars).parse();
    const size = sizeOf(tree) + 1;
    if (size > MAX_PATTERN_STATES) {
      return { ok: false, message: `too large: its repeats expand to ${size} parts (at most ${MAX_PATTERN_STATES}); use smaller counts in { }`, position: null };
    }
    const builder = new Builder();
    const match = builder.add({ op: 'match' });
    const start = builder.compile(tree, match);
    return { ok: true, pattern: new NfaPattern(source, builder.states, start, requiredText(tree), anchoredAtStart(tree)) };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}
