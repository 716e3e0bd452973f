/**
 * XML text → a small element tree with local names and line numbers, for reading bank files (CAMT).
 *
 * Why @rgrove/parse-xml: the core runs in Apps Script, in the sidebar and on the command line, and none of the XML
 * readers those platforms bring exists on the other two: the library must be plain JavaScript without platform modules.
 * Of the maintained candidates it is the smallest that is also strict: it checks well-formedness (an XML
 * conformance-suite parser, so a damaged file is refused instead of half-read), decodes the predefined and numeric
 * entities and CDATA, reports the line and column of every syntax error, and with `includeOffsets` gives each node's
 * position, from which the line of every element follows. About 15 KB minified, no dependencies. The others, measured
 * the same way (esbuild, minified): fast-xml-parser's parser alone is 65 KB and gives no element positions;
 * @xmldom/xmldom is 94 KB, a whole document object model; saxes is 29 KB for the same checks; txml (7 KB) decodes no
 * entities, checks no well-formedness, and its package entry pulls in a platform stream module. parse-xml does not
 * resolve namespaces: CAMT readers match local names anyway (`ns2:Ntry` is `Ntry`), because banks use every namespace
 * version and prefix.
 *
 * Document type declarations are refused outright: a bank file never needs one, and a DTD is how entity-expansion
 * attacks ("billion laughs") and external entity tricks get in. parse-xml would ignore custom entities anyway; refusing
 * says so clearly instead of failing on the first undefined entity.
 */
import { parseXml, XmlElement as LibElement, XmlError, XmlNode as LibNode } from '@rgrove/parse-xml';
import { StatementFileError } from '../transaction';

export interface XmlElement {
  /** Local name, without namespace prefix: `<ns2:Ntry>` → `Ntry`. */
  name: string;
  /** Prefix as written (`ns2`), or '' for none. */
  prefix: string;
  /** 1-based line of the element's start tag in the text. */
  line: number;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA children, entities decoded), untrimmed; '' when none. */
  text: string;
}

/** Bank files nest about 15 levels; anything far deeper is not a statement and would only exhaust the stack. */
const MAX_DEPTH = 200;

/** Start offsets of every line; `\r\n`, `\n` and a lone `\r` each end a line, as XML itself normalises them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function convert(el: LibElement, starts: readonly number[], depth: number, fileName: string): XmlElement {
  if (depth > MAX_DEPTH) {
    throw new StatementFileError(fileName, `nests elements more than ${MAX_DEPTH} levels deep; that is not a bank statement`);
  }
  const colon = el.name.indexOf(':');
  const children: XmlElement[] = [];
  let text = '';
  for (const child of el.children) {
    if (child.type === LibNode.TYPE_ELEMENT) children.push(convert(child as LibElement, starts, depth + 1, fileName));
    else if (child.type === LibNode.TYPE_TEXT || child.type === LibNode.TYPE_CDATA) text += (child as { text: string }).text;
  }
  return {
    name: colon === -1 ? el.name : el.name.slice(colon + 1),
    prefix: colon === -1 ? '' : el.name.slice(0, colon),
    line: lineAt(starts, el.start),
    attributes: el.attributes,
    children,
    text,
  };
}

/** `Missing end tag for element b (line 1, column 7)\n  <a>…` → `Missing end tag for element b`. */
function reasonOf(error: XmlError): string {
  return error.message.split('\n')[0]!.replace(/\s*\(line \d+, column \d+\)\s*$/, '');
}

/**
 * Parses a whole XML document and returns its root element. Throws `StatementFileError` naming the line and column for
 * text that is not well-formed XML, and for a document type declaration.
 */
export function parseXmlDocument(text: string, fileName: string): XmlElement {
  // A document type declaration can only stand in the prolog, before the root element: look there, not in CDATA.
  const doctype = /^\ufeff?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<!DOCTYPE/i.exec(text);
  if (doctype !== null) {
    const line = lineAt(lineStarts(doctype[0]), doctype[0].length - 1);
    throw new StatementFileError(
      fileName,
      `line ${line}: has a document type declaration (<!DOCTYPE>), which bank files never have; it is refused because ` +
        'it can carry entity-expansion attacks',
    );
  }
  let root: LibElement | null;
  try {
    root = parseXml(text, { includeOffsets: true }).root;
  } catch (e) {
    if (e instanceof XmlError) {
      throw new StatementFileError(fileName, `is not well-formed XML: ${reasonOf(e)} (line ${e.line}, column ${e.column})`);
    }
    if (e instanceof RangeError) throw new StatementFileError(fileName, 'nests elements too deeply to be read');
    throw e;
  }
  if (root === null) throw new StatementFileError(fileName, 'has no XML root element');
  return convert(root, lineStarts(text), 0, fileName);
}

// ---- Reading the tree by local names -------------------------------------------------------------------------------

/** First child with this local name, or null. */
export function child(el: XmlElement | null, name: string): XmlElement | null {
  if (el === null) return null;
  for (const c of el.children) if (c.name === name) return c;
  return null;
}

/** All children with this local name. */
export function childrenNamed(el: XmlElement | null, name: string): XmlElement[] {
  return el === null ? [] : el.children.filter((c) => c.name === name);
}

/** Follows a path of local names, `'RltdPties/Dbtr/Nm'`, always taking the first match; null when a step is missing. */
export function at(el: XmlElement | null, path: string): XmlElement | null {
  let current = el;
  for (const step of path.split('/')) {
    current = child(current, step);
    if (current === null) return null;
  }
  return current;
}

/** Every element matching a path (each step may match several children). */
export function allAt(el: XmlElement | null, path: string): XmlElement[] {
  let current: XmlElement[] = el === null ? [] : [el];
  for (const step of path.split('/')) current = current.flatMap((c) => childrenNamed(c, step));
  return current;
}

/** The trimmed text at a path, or null when the element is missing or empty. */
export function textAt(el: XmlElement | null, path: string): string | null {
  const found = at(el, path);
  if (found === null) return null;
  const text = found.text.trim();
  return text === '' ? null : text;
}

/** The first path of several that has text: `firstText(party, 'Nm', 'Pty/Nm')`. */
export function firstText(el: XmlElement | null, ...paths: string[]): string | null {
  for (const path of paths) {
    const text = textAt(el, path);
    if (text !== null) return text;
  }
  return null;
}

/** The namespace URI the root element is in (its prefix's `xmlns:` declaration, or the default `xmlns`), or ''. */
export function rootNamespace(root: XmlElement): string {
  return root.attributes[root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix}`] ?? '';
}
