/** Two playgrounds (two users) on one workbook, and Drive files served by the playground. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../local/playground/server';
import { createWorkbook } from '../../local/runtime';
import { bundleDir } from './bundle';

const BEN = 'ben.krause@kanzlei-berger.example';

const dir = bundleDir(`
  function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi(); }
  function write(text) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T').getRange(2, 1, 1, 1).setValues([[text]]); return Session.getActiveUser().getEmail(); }
  function read() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T').getRange(2, 1, 1, 1).getValues()[0][0]; }
  function savePdf() {
    var f = DriveApp.createFile(Utilities.newBlob([37, 80, 68, 70, 45, 49, 46, 52, 10, 37, 37, 69, 79, 70], 'application/pdf', 'Bericht R-1.pdf'));
    return { id: f.getId(), url: f.getUrl() };
  }
  function saveHtml() { return DriveApp.createFile(Utilities.newBlob('<script>alert(1)</script>', 'text/html', 'x.html')).getUrl(); }`);

async function tokenOf(playground: Playground): Promise<string> {
  const page = await (await fetch(playground.url)).text();
  const token = /data-token="([0-9a-f]+)"/.exec(page)?.[1];
  if (token === undefined) throw new Error('no token in the page');
  return token;
}

async function rpc(playground: Playground, name: string, args: unknown[] = []): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  const response = await fetch(`${playground.url}rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kontomatch-token': await tokenOf(playground) },
    body: JSON.stringify({ args }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; message?: string };
}

describe('playground: one workbook, two users', () => {
  const workbook = createWorkbook({ sheets: { T: [['Note'], ['']] } });
  let anna: Playground;
  let ben: Playground;

  beforeAll(async () => {
    anna = await startPlayground({ port: 0, bundleDir: dir, workbook, userLocale: 'en' });
    ben = await startPlayground({ port: 0, bundleDir: dir, workbook, userLocale: 'en', user: BEN });
  });
  afterAll(async () => {
    await anna?.close();
    await ben?.close();
  });

  it('shares the spreadsheet: what one user writes, the other reads (and sees in /state)', async () => {
    expect(anna.runtime.spreadsheet).toBe(ben.runtime.spreadsheet);
    expect(await rpc(anna, 'write', ['von Anna'])).toEqual({ ok: true, value: 'anna.berger@kanzlei-berger.example' });
    expect(await rpc(ben, 'read')).toEqual({ ok: true, value: 'von Anna' });
    const state = (await (await fetch(`${ben.url}state`)).json()) as { user: string; workbook: { sheets: Array<{ name: string; rows: string[][]; frozenRows: number }> } };
    expect(state.user).toBe(BEN);
    expect(state.workbook.sheets).toEqual([{ name: 'T', rows: [['Note'], ['von Anna']], formulas: [[''], ['']], backgrounds: [['#ffffff'], ['#ffffff']], frozenRows: 1 }]);
    expect(await rpc(ben, 'write', ['von Ben'])).toEqual({ ok: true, value: BEN });
    expect(anna.runtime.call('read')).toBe('von Ben');
  });

  it('serves a Drive file at the link File.getUrl() gives, to its owner’s playground only', async () => {
    const saved = (await rpc(anna, 'savePdf')).value as { id: string; url: string };
    expect(saved.url).toBe(`${anna.url}drive/${saved.id}`);
    const response = await fetch(saved.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="Bericht R-1.pdf"; filename*=UTF-8''Bericht%20R-1.pdf`);
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toBe('%PDF-1.4\n%%EOF');
    // drive.file: Ben's playground does not serve Anna's file; nor is an unknown id served.
    expect((await fetch(`${ben.url}drive/${saved.id}`)).status).toBe(404);
    expect((await fetch(`${anna.url}drive/1unknown`)).status).toBe(404);
  });

  it('sends a file of a type that could run as a page as a download, and checks the Host header', async () => {
    const url = (await rpc(anna, 'saveHtml')).value as string;
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    const { port } = new URL(anna.url);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: Number(port), path: new URL(url).pathname, headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(421);
  });
});
