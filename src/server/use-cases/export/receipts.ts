/**
 * Receipts come from the user's Drive. The add-on holds the `drive.file` scope only, so it can open the files it created
 * (or that the user opened with it), not any link pasted into the sheet: such a booking is named with the reason, and
 * not sent, because a voucher without the receipt that belongs to it is worse than one a day later.
 */
import type { ExportBooking } from '../../../core/export/export-booking';
import type { ReceiptSource } from '../../../core/export/api-export';
import { toUnsignedBytes } from '../../../core/text/decode';
import type { AppsScriptServices } from '../../platform/apps-script-api';

/** The Drive file id in a receipt cell: a Drive link (`/d/<id>/`, `?id=<id>`), the playground's `/drive/<id>`, or the id. */
export function driveFileId(text: string): string | null {
  const t = text.trim();
  const link = /\/(?:d|drive)\/([-\w]{10,})/.exec(t) ?? /[?&]id=([-\w]{10,})/.exec(t);
  if (link !== null) return link[1]!;
  return /^[-\w]{10,}$/.test(t) ? t : null;
}

export function driveReceipts(services: AppsScriptServices): ReceiptSource {
  return {
    read(booking: ExportBooking) {
      const cell = booking.accounting.receiptFile;
      const id = driveFileId(cell);
      if (id === null) {
        return { ok: false, message: `The receipt of ${booking.id} ("${cell.slice(0, 80)}") is not a Drive file link or id.` };
      }
      try {
        const file = services.DriveApp.getFileById(id);
        const blob = file.getBlob();
        return {
          ok: true,
          file: { name: file.getName(), mimeType: file.getMimeType() || blob.getContentType() || 'application/octet-stream', bytes: Array.from(toUnsignedBytes(blob.getBytes())) },
        };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, message: `The receipt of ${booking.id} cannot be opened from Drive (${reason.slice(0, 200)}). Kontomatch can open only receipts it stored or that were opened with it.` };
      }
    },
  };
}
