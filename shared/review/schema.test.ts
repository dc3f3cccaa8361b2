import { describe, expect, it } from 'vitest';
import { decisionTexts, findOutgoingSecret } from '../escalation/outgoing-texts';
import { DECISION_STATE, decisionSchema, reviewItemSchema, vendorCaseNumberSchema, vendorCaseTimeRefusal } from './schema';

const messageOf = (value: string) => {
  const parsed = vendorCaseNumberSchema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe('the vendor case number', () => {
  it('accepts 5 to 12 digits, as the Support Case Portal shows them, trimmed', () => {
    expect(vendorCaseNumberSchema.parse('12345')).toBe('12345');
    expect(vendorCaseNumberSchema.parse(' 123456789012 ')).toBe('123456789012');
  });

  it('refuses anything else with words that name the field', () => {
    for (const bad of ['1234', '1234567890123', 'CS-123456', '123 456', '', '#1234567']) {
      expect(messageOf(bad), bad).toBe('Vendor case number: 5 to 12 digits, as the Support Case Portal shows it (e.g. 1234567)');
    }
  });
});

describe('recording a vendor case as a decision', () => {
  const record = { kind: 'vendor-case', caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z' } as const;

  it('parses with an optional note and leaves the ticket forwarded', () => {
    expect(decisionSchema.parse({ ...record, note: '  Called after submitting. ' })).toEqual({ ...record, note: 'Called after submitting.' });
    expect(DECISION_STATE['vendor-case']).toBe('forwarded');
  });

  it('needs a submission time that is an ISO instant, named in the error', () => {
    const parsed = decisionSchema.safeParse({ ...record, submittedAt: 'yesterday' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['submittedAt'], message: expect.stringMatching(/^Case submitted at: /) });
  });

  it('refuses a submission time in the future, naming the field; now and earlier are fine', () => {
    const now = new Date('2026-03-02T15:30:00.000Z');
    expect(vendorCaseTimeRefusal('2026-03-02T15:30:00.001Z', now)).toMatch(/^Case submitted at: is in the future/);
    expect(vendorCaseTimeRefusal('2026-03-02T15:30:00.000Z', now)).toBeNull();
    expect(vendorCaseTimeRefusal('2026-03-01T09:00:00.000Z', now)).toBeNull();
  });

  it("puts the note in front of the credential guard", () => {
    const texts = decisionTexts({ ...record, note: 'The parent password is Bluejay#7' });
    expect(findOutgoingSecret(texts)).toMatchObject({ path: 'decision.note' });
  });

  it('a review item read before vendor cases existed (no field) is still valid', () => {
    const item = {
      remoteId: '42',
      url: '',
      requestId: '',
      subject: 's',
      rtStatus: 'new',
      reviewState: 'forwarded',
      createdAt: '2026-03-02T15:00:00.000Z',
      lastUpdated: '2026-03-02T15:00:00.000Z',
      escalation: null,
      hasSealedNote: false,
      etag: null,
    };
    expect(reviewItemSchema.parse(item)).toEqual(item);
    expect(reviewItemSchema.parse({ ...item, vendorCase: { caseNumber: '1234567', submittedAt: record.submittedAt } }).vendorCase?.caseNumber).toBe('1234567');
  });
});
