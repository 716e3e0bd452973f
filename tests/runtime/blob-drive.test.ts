/** Utilities.newBlob and Blob; DriveApp under drive.file (files per user, shared by that user's sessions). */
import { describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE, createRuntime, createWorkbook } from '../../local/runtime';
import { bundleDir, EVAL_BUNDLE, runtimeWith } from './bundle';

describe('Utilities.newBlob', () => {
  const runtime = runtimeWith(EVAL_BUNDLE);

  it('keeps bytes given signed or unsigned and hands them back signed', () => {
    expect(runtime.call('run', `Utilities.newBlob([0, 127, 128, 255, -1, -128]).getBytes()`)).toEqual([0, 127, -128, -1, -1, -128]);
    expect(runtime.call('run', `var b = Utilities.newBlob([37, 80, 68, 70], 'application/pdf', 'r.pdf'); [b.getContentType(), b.getName(), b.getDataAsString()]`)).toEqual([
      'application/pdf', 'r.pdf', '%PDF',
    ]);
  });

  it('stores a string as UTF-8 (text/plain by default) and reads it back in a charset', () => {
    const result = runtime.call('run', `var b = Utilities.newBlob('Müller €');
      [b.getBytes(), b.getDataAsString(), b.getDataAsString('UTF-8'), b.getDataAsString('ISO-8859-1'), b.getContentType(), b.getName()]`);
    expect(result).toEqual([[77, -61, -68, 108, 108, 101, 114, 32, -30, -126, -84], 'Müller €', 'Müller €', 'MÃ¼ller â\u0082¬', 'text/plain', null]);
    expect(runtime.call('run', `Utilities.newBlob([0xFC]).getDataAsString('ISO-8859-1')`)).toBe('ü');
    expect(runtime.call('run', `Utilities.newBlob([1, 2]).getContentType()`)).toBeNull();
    expect(() => runtime.call('run', `Utilities.newBlob('x').getDataAsString('KLINGON-1')`)).toThrow('Invalid argument: charset');
    expect(() => runtime.call('run', `Utilities.newBlob(42)`)).toThrow(/don't match the method signature for Utilities\.newBlob/);
  });

  it('names, retypes and copies blobs; the copy is independent', () => {
    const result = runtime.call('run', `var a = Utilities.newBlob('abc', 'text/csv', 'a.csv');
      var b = a.copyBlob().setName('b.csv').setContentType('text/plain');
      [a.getName(), a.getContentType(), b.getName(), b.getContentType(), b.getDataAsString(), a.getBlob().getName()]`);
    expect(result).toEqual(['a.csv', 'text/csv', 'b.csv', 'text/plain', 'abc', 'a.csv']);
  });

  it('getAs: the same type gives a copy with the type’s extension; a conversion fails as Apps Script refuses it', () => {
    expect(runtime.call('run', `var p = Utilities.newBlob([37, 80, 68, 70], 'application/pdf', 'Bericht 2026.10').getAs('application/pdf'); [p.getName(), p.getContentType(), p.getBytes()]`)).toEqual([
      'Bericht 2026.pdf', 'application/pdf', [37, 80, 68, 70],
    ]);
    expect(() => runtime.call('run', `Utilities.newBlob([1, 2, 3], 'application/octet-stream').getAs('application/pdf')`)).toThrow(
      'Converting from application/octet-stream to application/pdf is not supported.',
    );
    expect(() => runtime.call('run', `Utilities.newBlob('<p>x</p>', 'text/html').getAs('application/pdf')`)).toThrow(/not available in the local runtime/);
  });

  it('counts Blob calls under Utilities', () => {
    const counted = runtimeWith(EVAL_BUNDLE);
    counted.call('run', `Utilities.newBlob('x').getBytes(); 1`);
    expect(counted.counters.get('Utilities.newBlob')).toBe(1);
    expect(counted.counters.get('Blob.getBytes')).toBe(1);
    expect(counted.counters.byService('Utilities')).toBe(2);
  });
});

describe('DriveApp (drive.file)', () => {
  const dir = bundleDir(`${EVAL_BUNDLE}
    function savePdf(name) {
      var f = DriveApp.createFile(Utilities.newBlob([37, 80, 68, 70, 45, 49, 46, 52, 10], 'application/pdf', name));
      return { id: f.getId(), url: f.getUrl(), name: f.getName(), type: f.getMimeType(), size: f.getSize() };
    }
    function readFile(id) { var f = DriveApp.getFileById(id); return { name: f.getName(), bytes: f.getBlob().getBytes(), type: f.getBlob().getContentType() }; }`);

  it('creates a file from a blob and finds it again by id, in another session of the same user too', () => {
    const workbook = createWorkbook();
    const anna = createRuntime({ bundleDir: dir, workbook });
    const saved = anna.call('savePdf', 'Kontomatch-Lauf R-1.pdf') as { id: string; url: string; name: string; type: string; size: number };
    expect(saved.id).toMatch(/^1[A-Za-z0-9_-]{32}$/);
    expect(saved).toEqual({ id: saved.id, url: `https://drive.google.com/file/d/${saved.id}/view?usp=drivesdk`, name: 'Kontomatch-Lauf R-1.pdf', type: 'application/pdf', size: 9 });
    const annaAgain = createRuntime({ bundleDir: dir, workbook });
    expect(annaAgain.call('readFile', saved.id)).toEqual({ name: 'Kontomatch-Lauf R-1.pdf', bytes: [37, 80, 68, 70, 45, 49, 46, 52, 10], type: 'application/pdf' });
    expect(anna.drive.files()).toEqual([
      { id: saved.id, name: 'Kontomatch-Lauf R-1.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n'), url: saved.url, owner: 'anna.berger@kanzlei-berger.example' },
    ]);
    expect(anna.counters.byService('DriveApp')).toBe(6); // createFile + getId, getUrl, getName, getMimeType, getSize
  });

  it('does not let another user (or anyone, for an unknown id) open the file', () => {
    const workbook = createWorkbook();
    const anna = createRuntime({ bundleDir: dir, workbook });
    const ben = createRuntime({ bundleDir: dir, workbook, user: 'ben.krause@kanzlei-berger.example' });
    const { id } = anna.call('savePdf', 'a.pdf') as { id: string };
    expect(() => ben.call('readFile', id)).toThrow(NOT_FOUND_MESSAGE);
    expect(() => anna.call('readFile', '1doesNotExist')).toThrow(NOT_FOUND_MESSAGE);
    ben.call('savePdf', 'b.pdf');
    expect(anna.drive.files().map((f) => [f.name, f.owner])).toEqual([['a.pdf', 'anna.berger@kanzlei-berger.example'], ['b.pdf', 'ben.krause@kanzlei-berger.example']]);
  });

  it('renames a file, names an unnamed blob "Untitled", and points links at a local base when told', () => {
    const runtime = createRuntime({ bundleDir: dir, clock: { startMs: Date.UTC(2026, 10, 3, 9, 0, 0) } });
    runtime.drive.setUrlBase('http://127.0.0.1:9999/drive/');
    const result = runtime.call('run', `var f = DriveApp.createFile(Utilities.newBlob([1, 2, 3]));
      var before = [f.getName(), f.getMimeType()];
      f.setName('Bericht.pdf').setDescription('Automatischer Lauf');
      [before, DriveApp.getFileById(f.getId()).getName(), f.getUrl() === 'http://127.0.0.1:9999/drive/' + f.getId(), f.getDateCreated().toISOString()]`);
    expect(result).toEqual([['Untitled', 'application/octet-stream'], 'Bericht.pdf', true, '2026-11-03T09:00:00.000Z']);
    expect(() => runtime.call('run', `DriveApp.createFile('just text')`)).toThrow(/don't match the method signature for DriveApp\.createFile/);
  });
});
