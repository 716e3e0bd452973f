/**
 * What each export target requires of a booking (lexoffice, bexio, DATEV, CSV), the firm's own extra required fields,
 * and the messages a booking that cannot be exported gives.
 */
import { describe, expect, it } from 'vitest';
import { emptyAccountingData, type AccountingData } from '../../src/core/accounting/fields';
import { checkForTarget, defaultRequiredFields, describeMissing, describeTargetProblems, exportTargets, missingFields, requiredFields } from '../../src/core/accounting/requirements';

const data = (values: Partial<AccountingData>): AccountingData => ({ ...emptyAccountingData(), ...values });
const officeSupplies = data({ glAccount: '4930', taxRate: '19', partner: 'Bürobedarf Schmidt' });

describe('required fields per target', () => {
  it('defaults follow the targets\' contracts', () => {
    expect(exportTargets).toEqual(['lexoffice', 'bexio', 'datev', 'csv']);
    expect(defaultRequiredFields).toEqual({ lexoffice: ['glAccount', 'taxRate'], bexio: ['glAccount', 'taxRate'], datev: ['glAccount'], csv: [] });
  });

  it("adds the firm's own, in field order, without duplicates", () => {
    expect(requiredFields('datev', ['costCentre', 'glAccount'])).toEqual(['glAccount', 'costCentre']);
    expect(requiredFields('csv', ['comment'])).toEqual(['comment']);
    expect(requiredFields('lexoffice', [])).toEqual(['glAccount', 'taxRate']);
  });

  it('lists what a booking lacks', () => {
    expect(missingFields(data({}), 'lexoffice', [])).toEqual(['glAccount', 'taxRate']);
    expect(missingFields(data({ glAccount: '4210', taxRate: '  ' }), 'bexio', [])).toEqual(['taxRate']);
    expect(missingFields(data({ taxRate: '19' }), 'datev', [])).toEqual(['glAccount']);
    expect(missingFields(data({}), 'csv', [])).toEqual([]);
    expect(missingFields(officeSupplies, 'lexoffice', [])).toEqual([]);
    expect(missingFields(officeSupplies, 'datev', ['costCentre', 'costObject'])).toEqual(['costCentre', 'costObject']);
  });

  it('lexoffice needs a receipt number (voucherNumber) when a receipt is attached', () => {
    const withReceipt = { ...officeSupplies, receiptFile: 'https://drive.google.com/file/d/1AbC/view' };
    expect(missingFields(withReceipt, 'lexoffice', [])).toEqual(['receiptNumber']);
    expect(missingFields({ ...withReceipt, receiptNumber: 'RE-4711' }, 'lexoffice', [])).toEqual([]);
    expect(missingFields(withReceipt, 'bexio', [])).toEqual([]);
  });

  it('describes what is missing', () => {
    expect(describeMissing('B-00017', 'lexoffice', ['glAccount', 'taxRate'])).toBe('B-00017 cannot go to lexoffice: GL account and tax rate missing');
    expect(describeMissing('B-00018', 'datev', ['glAccount'])).toBe('B-00018 cannot go to DATEV: GL account missing');
    expect(describeMissing('B-00019', 'lexoffice', ['taxRate', 'partner', 'receiptNumber'])).toBe('B-00019 cannot go to lexoffice: tax rate, supplier/customer and receipt number missing');
  });
});

describe('values a target refuses', () => {
  it('lexoffice takes only 0, 5, 7, 16 and 19 %', () => {
    for (const rate of ['0', '5', '7 %', '16', '19', '19,0']) expect(checkForTarget(data({ taxRate: rate }), 'lexoffice')).toEqual([]);
    const swiss = checkForTarget(data({ glAccount: '4930', taxRate: '7,7' }), 'lexoffice');
    expect(swiss).toEqual([{ field: 'taxRate', message: 'tax rate 7.7 % is not one lexoffice accepts (0, 5, 7, 16 or 19 %)' }]);
    expect(describeTargetProblems('B-00020', 'lexoffice', swiss)).toBe('B-00020 cannot go to lexoffice: tax rate 7.7 % is not one lexoffice accepts (0, 5, 7, 16 or 19 %)');
    expect(checkForTarget(data({ taxRate: '20' }), 'lexoffice')).toHaveLength(1);
  });

  it('other targets take any readable rate; an unreadable one is refused except for CSV', () => {
    expect(checkForTarget(data({ taxRate: '7.7' }), 'bexio')).toEqual([]);
    expect(checkForTarget(data({ taxRate: '8.1' }), 'datev')).toEqual([]);
    expect(checkForTarget(data({ taxRate: 'USt' }), 'datev')).toEqual([{ field: 'taxRate', message: 'tax rate "USt" cannot be read (not a percentage like 19 or 7.7)' }]);
    expect(checkForTarget(data({ taxRate: 'USt' }), 'csv')).toEqual([]);
    expect(checkForTarget(data({}), 'lexoffice')).toEqual([]); // empty is a missing field, not a refused value
  });
});
