/**
 * Data validation (SpreadsheetApp.newDataValidation): the builder, the built rule, and the check Sheets makes when a script
 * writes into a cell whose rule rejects invalid input.
 *
 * What the fakes copy from Apps Script (gas-fakes' test suite, which runs against live Apps Script, and the reference):
 * - a new builder has criteria type `null`, criteria values `[]`, help text `null` and allows invalid data (`true`);
 * - `requireValueInList(values)` stores `[values as strings, true]` (show a dropdown unless told otherwise),
 *   `requireValueInRange(range)` stores `[range, true]`;
 * - a cell without a rule gives `null` from getDataValidation(s).
 * A rule applied to cells lives on every cell of the range (it moves with its row when rows are deleted or inserted), and
 * the range a VALUE_IN_RANGE rule reads from moves with the rows of its own sheet, as a formula reference would.
 */
import { Fake } from '../fake';
import type { DataValidationApi, DataValidationBuilderApi } from '../../../src/server/platform/apps-script-api';
import type { Cell } from './cell';
import { displayValue } from './number-format';
import { FakeRange } from './range';

/** Apps Script's criteria names; the fakes use the names themselves as the enum's values (`toString()` gives the name). */
export const DATA_VALIDATION_CRITERIA = Object.freeze(
  Object.fromEntries(
    [
      'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE',
      'CUSTOM_FORMULA', 'CHECKBOX',
    ].map((name) => [name, name]),
  ),
);

/** The criteria this runtime can build and check. */
type Criteria =
  | { type: 'VALUE_IN_LIST'; values: string[]; showDropdown: boolean }
  | { type: 'VALUE_IN_RANGE'; range: FakeRange; showDropdown: boolean };

interface RuleSettings {
  criteria: Criteria | null;
  allowInvalid: boolean;
  helpText: string | null;
}

const signatureError = (method: string, value: unknown) =>
  new Error(`The parameters (${Array.isArray(value) ? 'number[]' : value === null ? 'null' : typeof value}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);

function copyRange(range: FakeRange): FakeRange {
  return new FakeRange(range.sheet, range.row, range.column, range.numRows, range.numColumns);
}

function copyCriteria(criteria: Criteria | null): Criteria | null {
  if (criteria === null) return null;
  return criteria.type === 'VALUE_IN_LIST' ? { ...criteria, values: [...criteria.values] } : { ...criteria, range: copyRange(criteria.range) };
}

function criteriaValues(criteria: Criteria | null): unknown[] {
  if (criteria === null) return [];
  return criteria.type === 'VALUE_IN_LIST' ? [[...criteria.values], criteria.showDropdown] : [copyRange(criteria.range), criteria.showDropdown];
}

function showDropdownArg(method: string, showDropdown: unknown): boolean {
  if (showDropdown === undefined) return true;
  if (typeof showDropdown !== 'boolean') throw signatureError(method, showDropdown);
  return showDropdown;
}

/** What a builder and a built rule both answer about their settings (the two have the same getters in Apps Script). */
abstract class RuleSettingsView extends Fake {
  protected abstract readonly settings: RuleSettings;

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.settings.criteria);
  }
  getAllowInvalid(): boolean {
    return this.settings.allowInvalid;
  }
  getHelpText(): string | null {
    return this.settings.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.settings);
  }
}

export class FakeDataValidationBuilder extends RuleSettingsView implements DataValidationBuilderApi {
  readonly className = 'DataValidationBuilder';
  protected settings: RuleSettings;

  constructor(settings: RuleSettings = { criteria: null, allowInvalid: true, helpText: null }) {
    super();
    this.settings = { ...settings, criteria: copyCriteria(settings.criteria) };
  }

  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    if (!Array.isArray(values)) throw signatureError('requireValueInList', values);
    // Apps Script keeps the list as strings (9 → "9", false → "false").
    const list = values.map((v) => String(v));
    this.settings.criteria = { type: 'VALUE_IN_LIST', values: list, showDropdown: showDropdownArg('requireValueInList', showDropdown) };
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown?: boolean): FakeDataValidationBuilder {
    if (!(range instanceof FakeRange)) throw signatureError('requireValueInRange', range);
    this.settings.criteria = { type: 'VALUE_IN_RANGE', range: copyRange(range), showDropdown: showDropdownArg('requireValueInRange', showDropdown) };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    if (typeof allowInvalidData !== 'boolean') throw signatureError('setAllowInvalid', allowInvalidData);
    this.settings.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    if (helpText === null || helpText === undefined) throw signatureError('setHelpText', helpText);
    this.settings.helpText = String(helpText);
    return this;
  }
  getCriteriaType(): string | null {
    return this.settings.criteria?.type ?? null;
  }
  build(): FakeDataValidation {
    // Apps Script's own text for this case is unknown; a rule without criteria is a script error here either way.
    if (this.settings.criteria === null) throw new Error('A data validation rule needs criteria (e.g. requireValueInRange) before build().');
    return new FakeDataValidation(this.settings);
  }
  override toString(): string {
    return 'DataValidationBuilder';
  }
}

export class FakeDataValidation extends RuleSettingsView implements DataValidationApi {
  readonly className = 'DataValidation';
  protected readonly settings: RuleSettings & { criteria: Criteria };

  constructor(settings: RuleSettings) {
    super();
    const criteria = copyCriteria(settings.criteria);
    if (criteria === null) throw new Error('A data validation rule needs criteria.');
    this.settings = { ...settings, criteria };
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.settings.criteria.type as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  override toString(): string {
    return 'DataValidation';
  }

  // ---- Used by the fakes (hidden from the bundle by the boundary) ----

  /** The copy a range keeps when the rule is applied: later changes to the script's objects do not reach it. */
  storedCopy(): FakeDataValidation {
    return new FakeDataValidation(this.settings);
  }
  /** The range a VALUE_IN_RANGE rule reads its values from (the stored copy's own, which moves with its rows). */
  sourceRange(): FakeRange | null {
    return this.settings.criteria.type === 'VALUE_IN_RANGE' ? this.settings.criteria.range : null;
  }
  /** The texts the rule allows, as Sheets shows them. */
  allowedTexts(locale: string): Set<string> {
    const criteria = this.settings.criteria;
    if (criteria.type === 'VALUE_IN_LIST') return new Set(criteria.values);
    const { sheet, row, column, numRows, numColumns } = criteria.range;
    const texts = new Set<string>();
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const cell: Cell | undefined = sheet.cellAt(row + r, column + c);
        if (cell && cell.value !== '') texts.add(displayValue(cell.value, cell.format, locale));
      }
    }
    return texts;
  }
}
