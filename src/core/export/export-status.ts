/**
 * The "Export status" cell of a booking: `exported` when all is there, or what is still open about a booking whose record
 * exists at the target — its receipt to attach, or why the receipt could not be attached. Written and read in these words
 * so that the bookkeeper reads the same thing the export does.
 */
export type ReceiptState = 'none' | 'pending' | 'attached' | { failed: string };

const PENDING = 'receipt pending';
const FAILED = 'receipt failed: ';

export function exportStatusText(receipt: ReceiptState): string {
  if (receipt === 'pending') return PENDING;
  if (typeof receipt === 'object') return `${FAILED}${receipt.failed.replace(/[\r\n]+/g, ' ')}`;
  return 'exported';
}

/** Whether an exported booking still waits for its receipt (the next export attaches it). */
export function receiptPending(status: string): boolean {
  return status.trim().toLowerCase() === PENDING;
}

export function receiptFailed(status: string): string | null {
  const text = status.trim();
  return text.toLowerCase().startsWith(FAILED) ? text.slice(FAILED.length) : null;
}
