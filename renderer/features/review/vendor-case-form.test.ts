import { describe, expect, it } from 'vitest';
import { localInputValue, vendorCaseFormSchema } from './vendor-case-form';

const NOW = new Date(2026, 2, 2, 9, 30, 20);
const schema = vendorCaseFormSchema(() => NOW);
const issues = (values: { caseNumber: string; submittedAt: string; note?: string }) => {
  const parsed = schema.safeParse({ note: '', ...values });
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('the vendor case form', () => {
  it('defaults to now, to the minute in local time, which is never in the future', () => {
    expect(localInputValue(NOW)).toBe('2026-03-02T09:30');
    expect(schema.parse({ caseNumber: '1234567', submittedAt: localInputValue(NOW), note: '' })).toEqual({
      kind: 'vendor-case',
      caseNumber: '1234567',
      submittedAt: new Date(2026, 2, 2, 9, 30).toISOString(),
    });
  });

  it('refuses a submission time in the future on the field, in words', () => {
    expect(issues({ caseNumber: '1234567', submittedAt: '2026-03-02T09:31' })).toEqual([
      ['submittedAt', 'Case submitted at: is in the future; enter when the case was submitted in the Support Case Portal (now or earlier)'],
    ]);
  });

  it('names the case number field when it is not 5 to 12 digits, and asks for a time when there is none', () => {
    expect(issues({ caseNumber: 'CS-12', submittedAt: '2026-03-01T16:00' })).toEqual([
      ['caseNumber', 'Vendor case number: 5 to 12 digits, as the Support Case Portal shows it (e.g. 1234567)'],
    ]);
    expect(issues({ caseNumber: '1234567', submittedAt: '' })[0]?.[0]).toBe('submittedAt');
  });

  it('keeps a note, trimmed', () => {
    expect(schema.parse({ caseNumber: '1234567', submittedAt: '2026-03-01T16:00', note: ' Called at 16:05. ' })).toMatchObject({ note: 'Called at 16:05.' });
  });
});
