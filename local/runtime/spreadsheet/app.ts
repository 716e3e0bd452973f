/** SpreadsheetApp and its Ui: menus, sidebars and dialogs are recorded for tests and the playground, not rendered. */
import { Fake } from '../fake';
import type { MenuApi, SpreadsheetAppApi, UiApi } from '../../../src/server/platform/apps-script-api';
import type { FakeHtmlOutput } from '../html';
import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from './validation';
import type { FakeSpreadsheet } from './workbook';

export type MenuItem = { caption: string; functionName: string } | 'separator';

export interface UiRecord {
  menus: Array<{ title: string; items: MenuItem[] }>;
  sidebar: { title: string; content: string } | null;
  dialogs: Array<{ title: string; content: string; width: number | null; height: number | null }>;
}

export class FakeMenu extends Fake implements MenuApi {
  readonly className = 'Menu';
  private readonly items: MenuItem[] = [];

  constructor(
    private readonly title: string,
    private readonly record: UiRecord,
  ) {
    super();
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): FakeMenu {
    this.items.push('separator');
    return this;
  }
  /** Re-adding a menu of the same title (onOpen run twice) replaces it, as reopening the document does. */
  addToUi(): void {
    const menu = { title: this.title, items: [...this.items] };
    const i = this.record.menus.findIndex((m) => m.title === this.title);
    if (i >= 0) this.record.menus[i] = menu;
    else this.record.menus.push(menu);
  }
}

export class FakeUi extends Fake implements UiApi {
  readonly className = 'Ui';

  constructor(
    private readonly record: UiRecord,
    private readonly addonName: string,
  ) {
    super();
  }

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.addonName, this.record);
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(String(caption), this.record);
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this.record.sidebar = { title: userInterface.getTitle(), content: userInterface.getContent() };
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.record.dialogs.push({ title: String(title), content: userInterface.getContent(), width: userInterface.width, height: userInterface.height });
  }
}

const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

export class FakeSpreadsheetApp extends Fake implements SpreadsheetAppApi {
  readonly className = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;

  constructor(
    private readonly book: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    super();
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.book;
  }
  getActive(): FakeSpreadsheet {
    return this.book;
  }
  getUi(): FakeUi {
    return this.ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  /** Writes are applied at once here, so there is nothing to flush (the call is still counted). */
  flush(): void {}
}
