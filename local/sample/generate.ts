/**
 * Writes the sample statements (`npx tsx local/sample/generate.ts`) after checking every IBAN of the sample with
 * ibantools. The files are committed; run this only after changing `statement.ts` or `parties.ts`.
 */
import { isValidIBAN } from 'ibantools';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allIbans } from './parties';
import { encodeWindows1252, october2026, october2026Bad, sparkasseCsvText } from './statement';

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
