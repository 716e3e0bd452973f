/** The CSV export profiles every spreadsheet has; the first is the default. (Tests hold them against the schema.) */
import type { CsvExportField, CsvExportProfile } from './profile';

const columns = (pairs: Array<[CsvExportField, string]>) => pairs.map(([field, header]) => ({ field, header }));

const german = (amount: Array<[CsvExportField, string]>): Array<[CsvExportField, string]> => [
  ['id', 'Buchung'],
  ['date', 'Datum'],
  ...amount,
  ['currency', 'Währung'],
  ['description', 'Buchungstext'],
  ['glAccount', 'Sachkonto'],
  ['taxRate', 'Steuersatz'],
  ['taxAmount', 'Steuerbetrag'],
  ['partner', 'Geschäftspartner'],
  ['costCentre', 'Kostenstelle'],
  ['costObject', 'Kostenträger'],
  ['receiptNumber', 'Belegnummer'],
  ['receiptFile', 'Beleg'],
  ['comment', 'Kommentar'],
  ['bankAccount', 'Bankkonto'],
];

/** Excel as installed in Germany reads `;`-separated Windows-1252 files with decimal commas without asking. */
const excelGerman = { delimiter: ';', decimalSeparator: ',', dateFormat: 'dd.MM.yyyy', encoding: 'windows-1252', header: true, lineEnding: '\r\n' } as const;

export const builtinCsvExportProfiles: readonly CsvExportProfile[] = [
  {
    id: 'kontomatch',
    name: 'Kontomatch (UTF-8, comma, ISO dates)',
    delimiter: ',',
    decimalSeparator: '.',
    dateFormat: 'yyyy-MM-dd',
    encoding: 'utf-8',
    header: true,
    lineEnding: '\r\n', // RFC 4180
    amountStyle: 'signed',
    columns: columns([
      ['id', 'id'],
      ['date', 'date'],
      ['amount', 'amount'],
      ['currency', 'currency'],
      ['description', 'description'],
      ['glAccount', 'glAccount'],
      ['taxRate', 'taxRate'],
      ['taxAmount', 'taxAmount'],
      ['partner', 'partner'],
      ['costCentre', 'costCentre'],
      ['costObject', 'costObject'],
      ['receiptNumber', 'receiptNumber'],
      ['receiptFile', 'receiptFile'],
      ['comment', 'comment'],
      ['bankAccount', 'bankAccount'],
    ]),
  },
  {
    id: 'excel-de',
    name: 'Excel Deutsch (semicolon, decimal comma, dd.MM.yyyy, Windows-1252)',
    ...excelGerman,
    amountStyle: 'signed',
    columns: columns(german([['amount', 'Betrag']])),
  },
  {
    id: 'excel-de-soll-haben',
    name: 'Excel Deutsch, Soll/Haben (debit and credit columns, semicolon, decimal comma, Windows-1252)',
    ...excelGerman,
    amountStyle: 'debit-credit',
    columns: columns(german([['debit', 'Soll'], ['credit', 'Haben']])),
  },
];
