/**
 * Developer metadata on the spreadsheet, a sheet, or whole rows/columns. Row and column metadata moves with its rows when
 * rows are inserted above (Sheets keeps metadata attached to its row), which is why fingerprints can live there.
 */
import { Fake } from '../fake';
import type { DeveloperMetadataApi } from '../../../src/server/platform/apps-script-api';

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW'; sheetId: number; start: number; count: number }
  | { type: 'COLUMN'; sheetId: number; start: number; count: number };

export class MetadataStore {
  private nextId = 1;
  readonly entries: FakeDeveloperMetadata[] = [];

  add(key: string, value: string | null, location: MetadataLocation): FakeDeveloperMetadata {
    const entry = new FakeDeveloperMetadata(this, this.nextId++, key, value, location);
    this.entries.push(entry);
    return entry;
  }

  delete(entry: FakeDeveloperMetadata): void {
    const i = this.entries.indexOf(entry);
    if (i >= 0) this.entries.splice(i, 1);
  }
}

export class FakeDeveloperMetadata extends Fake implements DeveloperMetadataApi {
  readonly className = 'DeveloperMetadata';

  constructor(
    private readonly store: MetadataStore,
    readonly id: number,
    private key: string,
    private value: string | null,
    readonly location: MetadataLocation,
  ) {
    super();
  }

  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.value = String(value);
    return this;
  }
  setKey(key: string): FakeDeveloperMetadata {
    this.key = String(key);
    return this;
  }
  remove(): void {
    this.store.delete(this);
  }
}
