/**
 * Writes the sample statements (`npx tsx local/sample/generate.ts`) after checking every IBAN of the sample with
 * ibantools. The files are committed; run this only after changing `statement.ts` or `parties.ts`.
 */
import { isValidIBAN } from 'ibantools';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allIbans } from './parties';
import { camt053Xml, latin1, mt940Text } from './formats';
import { december2026, encodeWindows1252, november2026, october2026, october2026Bad, sparkasseCsvText } from './statement';

const here = path.dirname(fileURLToPath(import.meta.url));

const invalid = allIbans().filter((iban) => !isValidIBAN(iban));
if (invalid.length > 0) throw new Error(`invalid IBANs in the sample: ${invalid.join(', ')}`);

for (const [file, lines] of [
  ['sparkasse-2026-10.csv', october2026],
  ['sparkasse-2026-10-bad.csv', october2026Bad],
] as const) {
  const bytes = encodeWindows1252(sparkasseCsvText(lines));
  writeFileSync(path.join(here, file), bytes);
  console.log(`local/sample/${file}: ${lines.length} transactions, ${bytes.length} bytes (Windows-1252)`);
}

// The next two months as the other formats banks deliver: MT940 (ISO-8859-1) and CAMT.053 (UTF-8).
const mt940 = latin1(mt940Text(november2026, { openingMinor: 2431852, number: 11 }));
writeFileSync(path.join(here, 'sparkasse-2026-11.sta'), mt940);
console.log(`local/sample/sparkasse-2026-11.sta: ${november2026.length} transactions, ${mt940.length} bytes (MT940, ISO-8859-1)`);
const camt = Buffer.from(camt053Xml(december2026, { openingMinor: 1753207, number: 12 }), 'utf8');
writeFileSync(path.join(here, 'sparkasse-2026-12-camt053.xml'), camt);
console.log(`local/sample/sparkasse-2026-12-camt053.xml: ${december2026.length} transactions, ${camt.length} bytes (CAMT.053, UTF-8)`);
