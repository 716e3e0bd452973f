/**
 * Blob (Apps Script's data interchange object): bytes plus a content type and a name. As everywhere in Apps Script, the
 * bytes come out signed (-128…127). `Utilities.newBlob('text')` is `text/plain`; a blob made from bytes has no content type
 * and no name until they are set — the same as Apps Script, so code that forgets to name its PDF sees `null` here too.
 */
import { Fake } from './fake';
import { toBuffer, toSignedBytes } from './bytes';
import type { BlobApi } from '../../src/server/platform/apps-script-api';

/** Charsets that `getDataAsString(charset)` / `setDataFromString(text, charset)` understand, as Node encodings. */
const CHARSETS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'us-ascii': 'latin1', // ASCII is a subset; Java maps bytes > 127 to U+FFFD, which is rare enough to ignore here
  ascii: 'latin1',
  'utf-16le': 'utf16le',
};

/** Extensions `setContentTypeFromExtension` and `getAs` know (the ones a bookkeeping add-on meets). */
const EXTENSION_OF: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'application/json': 'json',
  'application/xml': 'xml',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};
const TYPE_OF_EXTENSION: Record<string, string> = Object.fromEntries([
  ...Object.entries(EXTENSION_OF).map(([type, ext]) => [ext, type]),
  ['jpeg', 'image/jpeg'],
  ['htm', 'text/html'],
  ['sta', 'text/plain'],
  ['mt940', 'text/plain'],
]);

/** Conversions Apps Script really performs (it renders them); the local runtime cannot, and says so. */
const RENDERED_BY_GOOGLE = /^(text\/html|text\/plain|text\/csv|image\/(png|jpeg|gif|bmp))$/;

function encodingOf(charset: unknown): BufferEncoding {
  const encoding = CHARSETS[String(charset).trim().toLowerCase()];
  if (encoding === undefined) throw new Error('Invalid argument: charset');
  return encoding;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export class FakeBlob extends Fake implements BlobApi {
  readonly className = 'Blob';

  /** Fields are invisible to the bundle (the boundary shows methods only). */
  constructor(
    public bytes: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {
    super();
  }

  /** Utilities.newBlob(data, contentType?, name?): data is a byte array (signed or unsigned) or a string (UTF-8). */
  static from(data: unknown, contentType?: unknown, name?: unknown): FakeBlob {
    if (typeof data !== 'string' && !Array.isArray(data)) {
      throw new Error(`The parameters (${data === null ? 'null' : typeof data}) don't match the method signature for Utilities.newBlob.`);
    }
    const type = contentType === undefined || contentType === null ? (typeof data === 'string' ? 'text/plain' : null) : String(contentType);
    return new FakeBlob(toBuffer(data), type, name === undefined || name === null ? null : String(name));
  }

  copyBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getBlob(): FakeBlob {
    return this;
  }
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getName(): string | null {
    return this.name;
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset === undefined ? 'utf8' : encodingOf(charset));
  }
  isGoogleType(): boolean {
    return false;
  }
  setBytes(data: number[]): FakeBlob {
    if (!Array.isArray(data)) throw new Error(`The parameters (${typeof data}) don't match the method signature for Blob.setBytes.`);
    this.bytes = toBuffer(data);
    return this;
  }
  setDataFromString(text: string, charset?: string): FakeBlob {
    this.bytes = Buffer.from(String(text), charset === undefined ? 'utf8' : encodingOf(charset));
    return this;
  }
  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType === null ? null : String(contentType);
    return this;
  }
  setContentTypeFromExtension(): FakeBlob {
    const ext = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
    const type = ext === undefined ? undefined : TYPE_OF_EXTENSION[ext];
    if (type === undefined) throw new Error(`Could not determine the content type from the extension of "${this.name ?? ''}".`);
    this.contentType = type;
    return this;
  }
  setName(name: string): FakeBlob {
    this.name = String(name);
    return this;
  }

  /**
   * A blob of `contentType`. The same type gives a copy, renamed to the type's extension as Apps Script does ("Bericht" →
   * "Bericht.pdf", "a.12.25.2014" → "a.12.25.pdf"). Apps Script can also render HTML, text and images to PDF or images;
   * the local runtime cannot, and anything else Apps Script itself refuses.
   */
  getAs(contentType: string): FakeBlob {
    const wanted = mediaType(String(contentType));
    const from = mediaType(this.contentType);
    if (wanted === from && wanted !== '') {
      const copy = this.copyBlob();
      const ext = EXTENSION_OF[wanted];
      if (copy.name !== null && ext !== undefined) copy.name = `${copy.name.replace(/\.[^.]*$/, '')}.${ext}`;
      return copy;
    }
    if (RENDERED_BY_GOOGLE.test(from) && (wanted === 'application/pdf' || wanted.startsWith('image/'))) {
      throw new Error(`Blob.getAs: converting ${from} to ${wanted} is done by Google's servers and is not available in the local runtime.`);
    }
    throw new Error(`Converting from ${this.contentType ?? 'null'} to ${String(contentType)} is not supported.`);
  }
}
