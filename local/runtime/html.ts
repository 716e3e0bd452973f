/** HtmlService: the add-on's HTML files are served from the bundle directory, as Apps Script serves project files. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Fake } from './fake';
import type { HtmlOutputApi, HtmlServiceApi } from '../../src/server/platform/apps-script-api';

export class FakeHtmlOutput extends Fake implements HtmlOutputApi {
  readonly className = 'HtmlOutput';
  private title = '';
  width: number | null = null;
  height: number | null = null;

  constructor(private content: string) {
    super();
  }

  setTitle(title: string): FakeHtmlOutput {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = String(content);
    return this;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
}

export class FakeHtmlService extends Fake implements HtmlServiceApi {
  readonly className = 'HtmlService';

  constructor(private readonly bundleDir: string) {
    super();
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const name = String(filename);
    // Apps Script names project files without extension; "Sidebar.html" is accepted too.
    const candidates = [`${name}.html`, name].map((f) => path.resolve(this.bundleDir, f));
    const file = candidates.find((f) => path.dirname(f) === path.resolve(this.bundleDir) && existsSync(f) && f.endsWith('.html'));
    if (!file) throw new Error(`No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(readFileSync(file, 'utf8'));
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(String(html));
  }
}
