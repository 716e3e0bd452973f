/** The matching side of the Transactions sheet: its match columns, and a transaction read back from its row. */
import { describe, expect, it } from 'vitest';
import { describeTableError } from '../../src/core/tables/cells';
import { matchCells, matchColumns } from '../../src/core/tables/match-columns';
import { numberFormatFor } from '../../src/core/tables/table';
import { readTransactionsForMatching } from '../../src/core/tables/transaction-rows';
import { transactionCells, transactionsTable } from '../../src/core/tables/transactions';

const options = { locale: 'de_DE', defaultCurrency: 'EUR' };

describe('match columns', () => {
  it('close the Transactions spec, so an existing sheet grows them', () => {
    // The match columns, then the reconciliation columns (who processed it, what an automatic run decided).
    const keys = transactionsTable.columns.map((c) => c.key);
    expect(keys.slice(-matchColumns.length - 5)).toEqual([
      'matchStatus', 'matchNumbers', 'matchCase', 'matchMethod', 'matchScore', 'matchReason',
      'processedBy', 'processedAt', 'processedAs', 'autoRun', 'runOutcome',
    ]);
    expect(new Set(transactionsTable.columns.map((c) => c.header.toLowerCase())).size).toBe(transactionsTable.columns.length);
    expect(numberFormatFor('score', 'de_DE')).toBe('0.000');
  });

  it('hold one match result: numbers, cases and methods joined, the weakest score', () => {
    expect(
      matchCells({
        fingerprint: 'f',
        status: 'auto',
        matches: [
          { number: 'RE-2026-0143', kind: 'invoice', caseId: '00016/26', method: 'exact', score: 1, amountCheck: 'sum' },
          { number: 'RE-2026-0144', kind: 'invoice', caseId: '00016/26', method: 'fuzzy', score: 0.96666, amountCheck: 'sum' },
        ],
        reason: 'RE-2026-0143 and RE-2026-0144 found in purpose; amounts add up',
      }),
    ).toEqual({
      matchStatus: 'auto',
      matchNumbers: 'RE-2026-0143, RE-2026-0144',
      matchCase: '00016/26',
      matchMethod: 'exact, fuzzy',
      matchScore: 0.967,
      matchReason: 'RE-2026-0143 and RE-2026-0144 found in purpose; amounts add up',
    });
    expect(matchCells({ fingerprint: 'f', status: 'none', matches: [], reason: 'nothing found' })).toMatchObject({ matchNumbers: '', matchScore: '' });
  });
});

describe('a transaction read back for matching', () => {
  const header = transactionsTable.columns.map((c) => c.header);
  const row = (cells: Record<string, unknown>) => header.map((_, i) => cells[transactionsTable.columns[i]!.key] ?? '');

  it('reads what the import wrote', () => {
    const written = transactionCells(
      {
        bookingDate: '2026-10-01', valueDate: '2026-10-01', amountMinor: 416500, currency: 'EUR', counterpartyName: 'Müller Bau GmbH',
        counterpartyIban: 'DE06370400440611408800', purpose: 'RE-2026-0138 Müller Bau', bookingType: 'GUTSCHR. UEBERWEISUNG', fingerprint: 'abc',
      },
      { account: 'DE85370501980019283746', fileName: 'x.csv', importedAt: 'now', importedBy: 'me' },
    );
    const read = readTransactionsForMatching([header, row(written)], options);
    expect(read.errors).toEqual([]);
    expect(read.records).toEqual([
      { row: 2, fingerprint: 'abc', amountMinor: 416500, currency: 'EUR', purpose: 'RE-2026-0138 Müller Bau', counterpartyName: 'Müller Bau GmbH', counterpartyIban: 'DE06370400440611408800' },
    ]);
  });

  it('matches a row typed in by hand under its row number, and reports a retyped amount it cannot read', () => {
    const read = readTransactionsForMatching(
      [header, row({ amount: -12.5, purpose: 'Porto', counterpartyIban: 'de89 3704 0044 0532 0130 00' }), row({ amount: 'zwölf', purpose: 'x' })],
      options,
    );
    expect(read.records).toEqual([
      { row: 2, fingerprint: 'row 2', amountMinor: -1250, currency: 'EUR', purpose: 'Porto', counterpartyName: '', counterpartyIban: 'DE89370400440532013000' },
    ]);
    expect(read.errors.map(describeTableError)).toEqual(['Transactions, row 3, column "Amount": "zwölf" is not an amount']);
  });
});
