/**
 * Files in the user's Drive — the only place that touches DriveApp. The add-on asks for the `drive.file` scope only: it
 * may create files and open the ones it created, and sees nothing else of the user's Drive.
 */
import type { AppsScriptServices } from '../platform/apps-script-api';

export interface SavedFile {
  id: string;
  url: string;
}

/** Apps Script's byte arrays are signed (-128…127). */
function signed(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
  return out;
}

/** Saves `bytes` as a new file in the user's Drive (root folder) and returns its id and link. */
export function saveToDrive(services: AppsScriptServices, bytes: Uint8Array, name: string, mimeType: string): SavedFile {
  const blob = services.Utilities.newBlob(signed(bytes), mimeType, name);
  const file = services.DriveApp.createFile(blob);
  return { id: file.getId(), url: file.getUrl() };
}
