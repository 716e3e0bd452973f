/**
 * Line 1 of an EXTF file: the 31 header fields of format category 21 "Buchungsstapel", format version 13 (contracts §3
 * "Header, in order"; DATEV's own example in the contracts' addenda, developer.datev.de formate/header).
 */
import { toWindows1252Text } from '../../text/cp1252';
import type { BatchPeriod } from './batches';
import { compactDate, createdAtStamp } from './fields';
import type { DatevSettings } from './settings';

export interface DatevMeta {
  /** Local wall time of the export, `YYYY-MM-DDTHH:MM:SS.mmm`. */
  createdAt: string;
  /** Who exported (a user's e-mail address, or a program's name). */
  exportedBy: string;
}

/**
 * Exportiert von: the description allows word characters only, at most 25 (`\w{0,25}`), so `anna.berg@firma.de` is
 * written `anna_berg_firma_de`.
 */
function exporter(name: string): string {
  const word = toWindows1252Text(name).text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return word.slice(0, 25);
}

/** Bezeichnung (≤30, letters, digits, `. - /` and space): `Kontomatch 01/2025` or `Kontomatch 07/2024-06/2025`. */
function label(period: BatchPeriod): string {
  const month = (date: string) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;
  const from = month(period.from);
  const to = month(period.to);
  return `Kontomatch ${from === to ? from : `${from}-${to}`}`;
}

export function headerLine(period: BatchPeriod, settings: DatevSettings & { consultantNumber: number; clientNumber: number }, meta: DatevMeta): string {
  return [
    '"EXTF"', // 1 Kennzeichen: written by a program other than DATEV's
    '700', // 2 Versionsnummer of the header
    '21', // 3 Formatkategorie: Buchungsstapel
    '"Buchungsstapel"', // 4 Formatname
    '13', // 5 Formatversion: current (contracts §3)
    createdAtStamp(meta.createdAt), // 6 Erzeugt am
    '', // 7 Importiert: left empty, DATEV fills it
    '"RE"', // 8 Herkunft: as in DATEV's own example
    `"${exporter(meta.exportedBy)}"`, // 9 Exportiert von
    '""', // 10 Importiert von
    String(settings.consultantNumber), // 11 Beraternummer
    String(settings.clientNumber), // 12 Mandantennummer
    compactDate(period.fiscalYearStart), // 13 WJ-Beginn
    String(settings.accountLength), // 14 Sachkontenlänge
    compactDate(period.from), // 15 Datum vom
    compactDate(period.to), // 16 Datum bis
    `"${label(period)}"`, // 17 Bezeichnung
    '""', // 18 Diktatkürzel
    '1', // 19 Buchungstyp: Finanzbuchführung
    '0', // 20 Rechnungslegungszweck: unabhängig
    settings.batchLocked ? '1' : '0', // 21 Festschreibung: empty would lock (contracts §3 addenda, DATEV doc. 1003221)
    '"EUR"', // 22 WKZ
    '', // 23 reserviert
    '""', // 24 Derivatskontenrahmen
    '', // 25 reserviert
    '', // 26 reserviert
    `"${settings.chart}"`, // 27 Sachkontenrahmen
    '', // 28 ID der Branchenlösung
    '', // 29 reserviert
    '""', // 30 reserviert
    '""', // 31 Anwendungsinformation
  ].join(';');
}
