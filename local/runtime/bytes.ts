/** Apps Script's byte arrays are Java bytes: signed (-128…127) on the way out, signed or unsigned accepted on the way in. */

export function toSignedBytes(buffer: Uint8Array): number[] {
  const out = new Array<number>(buffer.length);
  for (let i = 0; i < buffer.length; i++) out[i] = buffer[i]! > 127 ? buffer[i]! - 256 : buffer[i]!;
  return out;
}

/** Bytes as Apps Script takes them (signed or unsigned numbers) or a string (UTF-8). */
export function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  throw new Error('Invalid argument: data');
}
