/**
 * A CSV export profile: which columns, in which order and under which headers, and how numbers, dates and text are
 * written — for accounting systems that import a CSV of their own design (chosen in the export settings, as import
 * profiles are for bank files).
 */
import { isDatePattern } from '../../calendar/date';
import * as z from '../../schema';

/** What a column can hold; `debit`/`credit` are the amount split by side (money out / money in), both positive. */
export const CSV_EXPORT_FIELDS = [
  'id', 'date', 'amount', 'debit', 'credit', 'currency', 'description', 'glAccount', 'taxRate', 'taxAmount', 'partner',
  'costCentre', 'costObject', 'receiptNumber', 'receiptFile', 'comment', 'bankAccount',
] as const;
export type CsvExportField = (typeof CSV_EXPORT_FIELDS)[number];

/** Date patterns as import profiles write them (`dd.mm.yyyy`, `yyyy-mm-dd`), `MM` for the month accepted too; no time. */
export const isExportDatePattern = (pattern: string): boolean => /^[ydm./\- ]+$/i.test(pattern) && isDatePattern(pattern.toLowerCase());

export const csvExportProfileSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, { error: 'is not an id (a-z, 0-9 and -, at most 40)' })),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    delimiter: z._default(z.enum([',', ';', '\t', '|']), ','),
    decimalSeparator: z._default(z.enum(['.', ',']), '.'),
    dateFormat: z._default(z.string().check(z.refine(isExportDatePattern, { error: 'is not a date pattern such as dd.MM.yyyy or yyyy-MM-dd' })), 'yyyy-MM-dd'),
    encoding: z._default(z.enum(['utf-8', 'windows-1252']), 'utf-8'),
    /** A first line with the column headers. */
    header: z._default(z.boolean(), true),
    lineEnding: z._default(z.enum(['\r\n', '\n']), '\r\n'),
    /** `signed`: one amount column, money out negative. `debit-credit`: two positive columns; tax amounts positive too. */
    amountStyle: z._default(z.enum(['signed', 'debit-credit']), 'signed'),
    columns: z.array(z.object({ field: z.enum(CSV_EXPORT_FIELDS), header: z.string().check(z.maxLength(100)) })).check(z.minLength(1)),
  })
  .check(
    z.refine(
      (p) => {
        const fields = new Set(p.columns.map((c) => c.field));
        return p.amountStyle === 'signed' ? !fields.has('debit') && !fields.has('credit') : fields.has('debit') && fields.has('credit') && !fields.has('amount');
      },
      { error: 'a signed profile has an amount column and no debit/credit ones; a debit-credit profile has both debit and credit and no amount column' },
    ),
    z.refine((p) => p.decimalSeparator !== p.delimiter, { error: 'the decimal separator cannot be the delimiter' }),
  );

export type CsvExportProfile = z.output<typeof csvExportProfileSchema>;
