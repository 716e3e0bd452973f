/** Reading the chosen statement file for the server: bytes → base64, in chunks, so that big files neither blow the stack
 * (`String.fromCharCode(...bytes)`) nor build one huge intermediate string of every byte. */

/** The contract's limit: the server refuses larger files anyway, but the user should not wait for the upload to learn it. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function readAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/** Chunks are a multiple of 3 bytes long, so their base64 texts have no padding and simply concatenate. */
const CHUNK = 3 * 16 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, Math.min(start + CHUNK, bytes.length));
    let binary = '';
    for (let i = 0; i < chunk.length; i += 4096) {
      binary += String.fromCharCode.apply(null, Array.from(chunk.subarray(i, i + 4096)));
    }
    parts.push(btoa(binary));
  }
  return parts.join('');
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await readAsArrayBuffer(file)));
}
