/**
 * DriveApp under the `drive.file` scope: the add-on sees only the files it created for the user running it. Another
 * user's file — even one made by the same add-on in the same workbook — is "not found" for that user, exactly the error
 * Apps Script gives. Files live on the workbook's script group (workbook.ts), so two runtimes of one user share them.
 */
import { randomBytes } from 'node:crypto';
import { FakeBlob } from './blob';
import { Fake } from './fake';
import type { BlobSourceApi, DriveAppApi, FileApi } from '../../src/server/platform/apps-script-api';

export const NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** One stored file. */
export interface DriveFileRecord {
  readonly id: string;
  name: string;
  description: string | null;
  readonly mimeType: string;
  readonly bytes: Buffer;
  /** The email of the user who created it through the add-on. */
  readonly owner: string;
  readonly createdMs: number;
}

/** Every file the add-on created in one installation, for all users (each user sees only their own). */
export class DriveStore {
  readonly files: DriveFileRecord[] = [];
}

/** Per runtime: where file links point (Drive by default; the playground serves files itself). */
export interface DriveLinks {
  urlBase: string | null;
}

export function fileUrl(record: DriveFileRecord, links: DriveLinks): string {
  return links.urlBase === null ? `https://drive.google.com/file/d/${record.id}/view?usp=drivesdk` : `${links.urlBase}${record.id}`;
}

/** A Drive file id: 33 characters of base64url, starting with "1", like the ids Drive gives today. */
function newFileId(): string {
  return `1${randomBytes(24).toString('base64url')}`;
}

export class FakeFile extends Fake implements FileApi {
  readonly className = 'File';

  constructor(
    private readonly record: DriveFileRecord,
    private readonly links: DriveLinks,
  ) {
    super();
  }

  getId(): string {
    return this.record.id;
  }
  getName(): string {
    return this.record.name;
  }
  setName(name: string): FakeFile {
    this.record.name = String(name);
    return this;
  }
  getDescription(): string | null {
    return this.record.description;
  }
  setDescription(description: string): FakeFile {
    this.record.description = String(description);
    return this;
  }
  getUrl(): string {
    return fileUrl(this.record, this.links);
  }
  getMimeType(): string {
    return this.record.mimeType;
  }
  getSize(): number {
    return this.record.bytes.length;
  }
  getDateCreated(): Date {
    return new Date(this.record.createdMs);
  }
  getLastUpdated(): Date {
    return new Date(this.record.createdMs);
  }
  /** A fresh blob of the file's content each time (changing it does not change the file). */
  getBlob(): FakeBlob {
    return new FakeBlob(Buffer.from(this.record.bytes), this.record.mimeType, this.record.name);
  }
  getAs(contentType: string): FakeBlob {
    return this.getBlob().getAs(contentType);
  }
}

export class FakeDriveApp extends Fake implements DriveAppApi {
  readonly className = 'DriveApp';

  constructor(
    private readonly store: DriveStore,
    private readonly user: string,
    private readonly links: DriveLinks,
    private readonly clock: { now(): number },
  ) {
    super();
  }

  /** createFile(blob or file), or createFile(name, content, mimeType?) with text content (text/plain by default). */
  createFile(blobOrName: BlobSourceApi | string, content?: string, mimeType?: string): FakeFile {
    let blob: FakeBlob;
    if (typeof blobOrName === 'string' && content !== undefined) {
      blob = new FakeBlob(Buffer.from(String(content), 'utf8'), mimeType === undefined ? 'text/plain' : String(mimeType), blobOrName);
    } else if (blobOrName instanceof FakeBlob || blobOrName instanceof FakeFile) {
      blob = blobOrName.getBlob();
    } else {
      const type = blobOrName === null ? 'null' : typeof blobOrName;
      throw new Error(`The parameters (${type}) don't match the method signature for DriveApp.createFile.`);
    }
    const record: DriveFileRecord = {
      id: newFileId(),
      name: blob.name ?? 'Untitled',
      description: null,
      mimeType: blob.contentType ?? 'application/octet-stream',
      bytes: Buffer.from(blob.bytes),
      owner: this.user,
      createdMs: this.clock.now(),
    };
    this.store.files.push(record);
    return new FakeFile(record, this.links);
  }

  getFileById(id: string): FakeFile {
    const record = this.store.files.find((f) => f.id === String(id) && f.owner === this.user);
    if (record === undefined) throw new Error(NOT_FOUND_MESSAGE);
    return new FakeFile(record, this.links);
  }
}

/** What tests and the playground see of Drive (`runtime.drive`). */
export interface DriveView {
  /** Every file the add-on created in this installation, oldest first, all users (see `owner`). Copies. */
  files(): Array<{ id: string; name: string; mimeType: string; bytes: Buffer; url: string; owner: string }>;
  /** Links become `${base}${id}` (e.g. `http://127.0.0.1:8787/drive/`); null restores Drive's own links. */
  setUrlBase(base: string | null): void;
}

export function driveView(store: DriveStore, links: DriveLinks): DriveView {
  return {
    files: () =>
      store.files.map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, bytes: Buffer.from(f.bytes), url: fileUrl(f, links), owner: f.owner })),
    setUrlBase: (base) => {
      links.urlBase = base === null ? null : String(base);
    },
  };
}
