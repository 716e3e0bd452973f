/**
 * The sample workbook's pre-accounting sheets: the lists read without an error through the same readers the add-on uses,
 * codes stay text, every value a rule sets is offered by its list, and each rule matches exactly the October statement's
 * bookings it was written for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime';
import { payees } from '../../local/sample/parties';
import { sampleWorkbook } from '../../local/sample/workbook';
import { applyRules, compileRules } from '../../src/core/accounting/rules';
import { readStatement } from '../../src/core/import/read-statement';
import { builtinProfiles } from '../../src/core/profiles/builtin';
import { accountsTable, costCentresTable, projectsTable, readReferenceList, taxRatesTable } from '../../src/core/tables/reference-lists';
import { readRules, rulesTable } from '../../src/core/tables/rules';

const book = createWorkbook(sampleWorkbook());
const cells = (name: string) => book.sheet(name).values();
const options = { locale: 'de_DE', defaultCurrency: 'EUR' };
const codes = (spec: Parameters<typeof readReferenceList>[0]) => {
  const read = readReferenceList(spec, cells(spec.sheetName));
  expect(read.errors).toEqual([]);
  return read.records.map((r) => r.code);
};

describe('sample workbook: reference lists and rules', () => {
  it('has the four lists with their headers, read without errors, codes kept as text', () => {
    for (const spec of [accountsTable, taxRatesTable, costCentresTable, projectsTable]) {
      expect(cells(spec.sheetName)[0]).toEqual(spec.columns.map((c) => c.header));
    }
    expect(codes(accountsTable)).toEqual(expect.arrayContaining(['1200', '1590', '4210', '4360', '4920', '4930', '8400', '8300', '8100']));
    expect(codes(taxRatesTable)).toEqual(['19', '7', '0']);
    expect(codes(costCentresTable)).toEqual(['100', '200', '300', '400', '500']);
    expect(codes(projectsTable)).toEqual(['0010', '0011', '0012']);
    const accounts = readReferenceList(accountsTable, cells('Accounts')).records;
    expect(new Set(accounts.map((a) => a.type))).toEqual(new Set(['balance', 'expense', 'income']));
    // DATEV BU keys of the input tax: 9 for 19 %, 8 for 7 %, none for 0 %.
    expect(cells('Tax rates').slice(1).map((r) => [r[0], r[2]])).toEqual([['19', '9'], ['7', '8'], ['0', '']]);
    // Every data cell of a text column is formatted as plain text, so a code typed later stays text too.
    for (const name of ['Accounts', 'Tax rates', 'Cost centres', 'Projects']) {
      expect(new Set(book.sheet(name).numberFormats().slice(1).flat())).toEqual(new Set(['@']));
    }
  });

  it('reads the rules without problems; everything they set is offered by the lists', () => {
    const header = cells('Rules')[0];
    expect(header).toEqual(rulesTable.columns.map((c) => c.header));
    const formats = book.sheet('Rules').numberFormats()[1]!;
    expect(formats.filter((f, i) => f !== '@' && header![i] !== 'Amount from' && header![i] !== 'Amount to')).toEqual([]);
    const read = readRules(cells('Rules'), options);
    expect(read.errors).toEqual([]);
    expect(read.records.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    const compiled = compileRules(read.records);
    expect(compiled.problems).toEqual([]);
    const offered = {
      glAccount: codes(accountsTable),
      taxRate: codes(taxRatesTable),
      costCentre: codes(costCentresTable),
      costObject: codes(projectsTable),
    };
    for (const rule of read.records) {
      for (const [field, list] of Object.entries(offered)) {
        const value = rule.actions[field as keyof typeof offered];
        if (value !== undefined) expect(list, `${rule.id} ${field}`).toContain(value);
      }
    }
    expect(read.records[0]!.conditions).toMatchObject({ amountFromMinor: 200000, amountToMinor: 300000, direction: 'out', iban: payees.landlord.iban });
  });

  it('matches each rule to the October bookings it was written for, and to nothing else', () => {
    const file = 'sparkasse-2026-10.csv';
    const statement = readStatement({ fileName: file, bytes: readFileSync(path.resolve(__dirname, '../../local/sample', file)) }, { profiles: builtinProfiles });
    expect(statement.errors).toEqual([]);
    const { rules } = compileRules(readRules(cells('Rules'), options).records);
    const matched: Record<string, string[]> = {};
    for (const t of statement.transactions) {
      const outcome = applyRules({ ...t, account: statement.account ?? '' }, rules);
      for (const id of outcome.matched) (matched[id] ??= []).push(`${t.counterpartyName} ${(t.amountMinor / 100).toFixed(2)}`);
    }
    expect(matched).toEqual({
      R1: [`${payees.landlord.name} -2850.00`],
      R2: [`${payees.telekom.name} -89.95`],
      R3: [`${payees.insurer.name} -418.20`],
      R4: [`${payees.courtCashOffice.name} -438.00`, `${payees.courtCashOffice.name} -273.00`],
    });
  });
});
