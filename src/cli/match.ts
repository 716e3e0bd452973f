/**
 * `kontomatch match --transactions T.json --items ITEMS.json`: the matching engine on local files. T.json is what
 * `kontomatch import` prints; ITEMS.json holds the open invoices and payment orders, the contacts and the cases.
 * Both files are checked field by field before anything is matched; a bad field is named with its file and path.
 */
import { matchAll, matchSettingsSchema, type MatchResult } from '../core/matching';
import * as z from '../core/schema';
import { decodeText } from '../core/text/decode';
import { StatementFileError } from '../core/transaction';
import type { CliIo } from './main';

export const MATCH_USAGE = `  kontomatch match --transactions T.json --items ITEMS.json
      Matches transactions (the JSON array \`kontomatch import\` prints) against the open invoices and
      payment orders, contacts and cases in ITEMS.json. Prints a JSON array, one result per transaction
      in input order: status auto|review|none, the matched items, how each was found, and the reason.
`;

const text = (what = 'text') => z.string({ error: `expected ${what}` });
const integer = z.int({ error: 'expected an integer' });
const nullableText = z.nullable(z.string({ error: 'expected text or null' }));
const list = <T extends z.ZodMiniType>(of: T) => z.array(of, { error: 'expected a list' });
const currency = text('a currency code').check(z.regex(/^[A-Za-z]{3}$/, { error: 'expected a 3-letter currency code' }));

const transactionsSchema = list(
  z.object(
    {
      fingerprint: text(),
      amountMinor: integer,
      currency,
      purpose: text(),
      counterpartyIban: nullableText,
      counterpartyName: text(),
    },
    { error: 'expected a transaction object' },
  ),
);

const itemsSchema = z.object(
  {
    invoices: list(
      z.object(
        {
          number: text('the invoice or payment number').check(z.minLength(1, { error: 'must not be empty' })),
          amountMinor: integer,
          currency,
          contactId: z._default(nullableText, null),
          caseId: z._default(nullableText, null),
          kind: z.enum(['invoice', 'payment'], { error: 'expected "invoice" or "payment"' }),
          status: text(),
        },
        { error: 'expected an object' },
      ),
    ),
    contacts: z._default(
      list(z.object({ id: text(), name: text(), ibans: list(text('an IBAN')) }, { error: 'expected an object' })),
      [],
    ),
    cases: z._default(
      list(
        z.object(
          {
            id: text(),
            name: z.optional(text()),
            contactIds: list(text('a contact id')),
            status: z.enum(['active', 'archived'], { error: 'expected "active" or "archived"' }),
          },
          { error: 'expected an object' },
        ),
      ),
      [],
    ),
    settings: z.optional(matchSettingsSchema),
  },
  { error: 'expected an object with "invoices", "contacts" and "cases"' },
);

class MatchUsageError extends Error {}

interface MatchArgs {
  transactions: string;
  items: string;
}

function parseMatchArgs(args: string[]): MatchArgs {
  const found: Partial<MatchArgs> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = (['transactions', 'items'] as const).find((o) => arg === `--${o}` || arg.startsWith(`--${o}=`));
    if (option === undefined) {
      throw new MatchUsageError(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}"`);
    }
    const value = arg === `--${option}` ? args[++i] : arg.slice(option.length + 3);
    if (value === undefined || value === '') throw new MatchUsageError(`--${option} needs a .json file`);
    found[option] = value;
  }
  if (found.transactions === undefined) throw new MatchUsageError('match needs --transactions T.json (the output of `kontomatch import`)');
  if (found.items === undefined) throw new MatchUsageError('match needs --items ITEMS.json');
  return { transactions: found.transactions, items: found.items };
}

function readJson(path: string, io: CliIo): unknown {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new StatementFileError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(e as Error).message})`);
  }
  const content = decodeText(bytes, 'utf-8', path).text;
  try {
    return JSON.parse(content) as unknown;
  } catch (e) {
    throw new StatementFileError(path, `not valid JSON (${(e as Error).message})`);
  }
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): T {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new StatementFileError(path, z.describeIssues(result.error.issues));
  return result.data;
}

/** The documented output: per match number, caseId, method, score (4 decimals) and the amount check where there is one. */
function publicResult(r: MatchResult) {
  return {
    fingerprint: r.fingerprint,
    status: r.status,
    matches: r.matches.map((m) => ({
      number: m.number,
      caseId: m.caseId,
      method: m.method,
      score: Math.round(m.score * 10_000) / 10_000,
      ...(m.amountCheck === undefined ? {} : { amountCheck: m.amountCheck }),
    })),
    reason: r.reason,
  };
}

/** Exit code: 0 done, 1 a file is missing or invalid (message on stderr), 2 wrong arguments. */
export function runMatch(args: string[], io: CliIo, usage: string): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  try {
    const files = parseMatchArgs(args);
    const transactions = parse(transactionsSchema, readJson(files.transactions, io), files.transactions);
    const items = parse(itemsSchema, readJson(files.items, io), files.items);
    const results = matchAll(transactions, { items: items.invoices, contacts: items.contacts, cases: items.cases, settings: items.settings });
    io.stdout(`${JSON.stringify(results.map(publicResult), null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof MatchUsageError) {
      io.stderr(`kontomatch: ${e.message}\n\n${usage}`);
      return 2;
    }
    if (e instanceof StatementFileError) {
      io.stderr(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
