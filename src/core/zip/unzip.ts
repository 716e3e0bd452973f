/**
 * ZIP archive → its files, as banks deliver CAMT statements (one XML file per statement day or account in one archive).
 *
 * Why fflate: the most used pure-JavaScript ZIP/deflate implementation, no dependencies, no platform built-ins in the
 * parts used here; `unzipSync` alone adds about 6 KB to the bundle. Its `filter` callback sees every entry's declared
 * size before anything is inflated, which is where the guards below sit.
 *
 * Zip bombs: a few kilobytes can declare or inflate to gigabytes. The sum of the declared sizes is checked against a limit
 * before inflating, and fflate inflates each entry into an array of exactly its declared size (it never grows it), so a
 * lying header cannot make it allocate more either.
 */
import { unzipSync } from 'fflate';
import { StatementFileError } from '../transaction';

export interface ZipEntry {
  /** Path inside the archive as stored, e.g. `2024/camt053_0102.xml`. */
  name: string;
  bytes: Uint8Array;
}

/** Same limit as for a single statement file: more than that is not a month of bank statements. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** Local file header signature `PK\x03\x04`: how every non-empty ZIP starts. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Folders, and the resource-fork copies macOS adds when a user re-packs an archive (`__MACOSX/`, `._name`), hold no
 * statements; they are left out silently.
 */
function isNoise(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._');
}

const mb = (bytes: number): string => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/** The files of a ZIP archive, in archive order. Errors name the archive, or `archive.zip/entry` for one entry. */
export function unzipArchive(bytes: Uint8Array, archiveName: string, maxTotalBytes = MAX_UNZIPPED_BYTES): ZipEntry[] {
  let total = 0;
  let current = '';
  let files: Record<string, Uint8Array>;
  const declared = new Map<string, number>();
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (isNoise(file.name)) return false;
        current = file.name;
        if (file.compression !== 0 && file.compression !== 8) {
          throw new StatementFileError(
            `${archiveName}/${file.name}`,
            `is packed with ZIP method ${file.compression}, which cannot be read; pack the archive again with standard ` +
              'ZIP compression (deflate)',
          );
        }
        total += file.originalSize;
        if (total > maxTotalBytes) {
          throw new StatementFileError(
            archiveName,
            `unpacks to more than ${mb(maxTotalBytes)} (at ${file.name}); that is not a set of bank statements, so it is ` +
              'not unpacked',
          );
        }
        declared.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof StatementFileError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    const where = current === '' ? archiveName : `${archiveName}/${current}`;
    throw new StatementFileError(where, `cannot be unpacked (${reason}); the ZIP archive is damaged or encrypted`);
  }
  const entries: ZipEntry[] = [];
  for (const [name, content] of Object.entries(files)) {
    if (content.length !== declared.get(name)) {
      throw new StatementFileError(
        `${archiveName}/${name}`,
        `unpacks to ${content.length} bytes, but the archive says ${declared.get(name)}; the ZIP archive is damaged`,
      );
    }
    entries.push({ name, bytes: content });
  }
  return entries;
}
