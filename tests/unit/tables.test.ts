import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimal } from '../../src/core/money/currency';
import { locateColumns, numberFormatFor } from '../../src/core/tables/table';
import { transactionCells, transactionsTable } from '../../src/core/tables/transactions';

describe('table layout', () => {
  it('finds columns by header text, ignoring case, spaces and position', () => {
    const located = locateColumns(transactionsTable, ['Notes', ' purpose ', 'Booking date', 'BOOKING DATE']);
    expect(located.purpose).toBe(1);
    expect(located.bookingDate).toBe(2);
    expect(located.fingerprint).toBe(-1);
  });

  it('formats text columns as plain text so Sheets never parses bank text', () => {
    expect(numberFormatFor('text', 'de_DE')).toBe('@');
    expect(numberFormatFor('date', 'de_DE')).toBe('dd.mm.yyyy');
    expect(numberFormatFor('date', 'en_US')).toBe('yyyy-mm-dd');
    expect(numberFormatFor('amount', 'en_GB')).toBe('#,##0.00');
  });
});

describe('money in cells', () => {
  it('turns minor units into the currency unit and back without drift', () => {
    for (const minor of [0, 1, -1, 10, 123456, -123456, 999999999999, 7, 105, -5]) {
      expect(decimalToMinor(minorToDecimal(minor, 'EUR'), 'EUR')).toBe(minor);
    }
    expect(minorToDecimal(123456, 'EUR')).toBe(1234.56);
    expect(minorToDecimal(1234, 'JPY')).toBe(1234);
    expect(minorToDecimal(1234, 'KWD')).toBe(1.234);
  });
});

describe('a transaction as sheet cells', () => {
  it('writes dates as serial days and amounts as numbers', () => {
    const cells = transactionCells(
      {
        bookingDate: '2024-12-30', valueDate: null, amountMinor: -1250, currency: 'EUR', counterpartyName: 'A',
        counterpartyIban: null, purpose: 'p', bookingType: null, fingerprint: 'f',
      },
      { account: null, fileName: 'x.csv', importedAt: 'now', importedBy: 'me' },
    );
    expect(cells).toMatchObject({ bookingDate: 45656, valueDate: '', amount: -12.5, counterpartyIban: '', account: '' });
  });
});
