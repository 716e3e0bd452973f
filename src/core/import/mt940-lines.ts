/**
 * MT940 text → messages (one per statement, `:20:` … `:62F:`) → tagged fields with the line each starts on.
 *
 * What real files do that the SWIFT rule book does not (all seen in bank samples):
 * - a SWIFT envelope around each message: `{1:…}{2:…}{3:{108:…}}{4:` before, `-}` or `-}{5:…}` after;
 * - `-` lines between statements, blank lines anywhere, CRLF or LF, trailing spaces, a `:940:` header line (Rabobank);
 * - the 65-character wrap of a `:86:` line right before a colon, so that a continuation line looks like a tag
 *   (`…2017-01-01T13` + `:12:11`, `…SVWZ+VERTR?21` + `:KO:NR:4011…`);
 * - a tag cut after its first colon (`:` alone on a line, `86:166?00…` on the next).
 */

export interface Mt940Field {
  /** `20`, `25`, `28C`, `60F`, `61`, `86`, `NS`, … */
  tag: string;
  /** The text after the tag on the first line, then every continuation line, untrimmed (spaces at a wrap are text). */
  lines: string[];
  /** Line number of the tag, 1-based. */
  line: number;
}

export interface Mt940Message {
  fields: Mt940Field[];
}

/** The tags of MT940 and MT942, and `:NS:` (non-SWIFT data some German banks add). */
const knownTags = new Set([
  '13', '13D', '20', '21', '25', '25P', '28', '28C', '34F', '60', '60F', '60M', '61', '62', '62F', '62M', '64', '65',
  '86', '90C', '90D', 'NS',
]);

/**
 * Inside `:86:` free text, only a tag that may come next in the message ends the text; any other colon-led line is a
 * wrapped line of the text itself (a time `13:12:11` wrapped before its `:12:`). The supplementary details of `:61:`
 * are one short line, so there every known tag counts — also one that is out of place, which the reader then reports.
 */
const tagsAfterDetails = new Set(['20', '61', '62', '62F', '62M', '64', '65', '86', '90C', '90D', 'NS']);

const tagLine = /^:([0-9]{2,3}[A-Z]?|[A-Z]{2,3}):/;

function startsField(tag: string, current: Mt940Field | null): boolean {
  if (current?.tag === '86') return tagsAfterDetails.has(tag);
  if (current?.tag === '61') return knownTags.has(tag);
  return true;
}

/**
 * Takes the SWIFT envelope off a line: `{1:…}{2:…}{4:` (the text after `{4:` stays), `-}` and `{5:…}` trailers.
 * Returns the remaining text and whether the line closed a message.
 */
function stripEnvelope(line: string): { text: string; closes: boolean } {
  let i = 0;
  let closes = false;
  if (line.startsWith('-}')) {
    closes = true;
    i = 2;
  }
  while (i < line.length && line[i] === '{') {
    if (line.startsWith('{4:', i)) return { text: line.slice(i + 3), closes };
    // A block, possibly with nested blocks ({3:{108:…}}): skip to its matching brace.
    let depth = 0;
    let j = i;
    for (; j < line.length; j++) {
      if (line[j] === '{') depth++;
      else if (line[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return { text: line.slice(i), closes };
}

export function splitMt940Messages(text: string): Mt940Message[] {
  const rawLines = text.split(/\r\n|\r|\n/);
  const messages: Mt940Message[] = [];
  let fields: Mt940Field[] = [];
  let current: Mt940Field | null = null;

  const closeMessage = (): void => {
    if (fields.length > 0) messages.push({ fields });
    fields = [];
    current = null;
  };

  for (let index = 0; index < rawLines.length; index++) {
    let line = rawLines[index]!;
    const lineNumber = index + 1;
    if (line.startsWith('{') || line.startsWith('-}')) {
      const stripped = stripEnvelope(line);
      if (stripped.closes) closeMessage();
      line = stripped.text;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed === '-') {
      closeMessage();
      continue;
    }
    // `:` alone, the tag's rest on the next line.
    if (trimmed === ':' && index + 1 < rawLines.length && /^([0-9]{2}[A-Z]?|NS):/.test(rawLines[index + 1]!)) {
      line = ':' + rawLines[++index]!;
    }

    const tag = tagLine.exec(line)?.[1];
    if (tag === undefined || !startsField(tag, current)) {
      if (current !== null) current.lines.push(line);
      // Text before the first tag (a file header, a stray line) belongs to no field.
      continue;
    }
    if (tag === '20' && fields.some((f) => f.tag !== '940')) closeMessage();
    // Unknown tags (`:940:`, `:NSF:`) become fields too, so that they end the field before; the reader ignores them.
    const field: Mt940Field = { tag, lines: [line.slice(tag.length + 2)], line: lineNumber };
    fields.push(field);
    current = field;
  }
  closeMessage();
  return messages;
}
