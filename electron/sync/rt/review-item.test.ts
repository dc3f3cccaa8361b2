import { describe, expect, it } from 'vitest';
import { reviewItemSchema } from '../../../shared/review/schema';
import { makeEscalation } from '../../../tests/support/escalation-fixture';
import type { RtReviewTicket } from './rt-api';
import { escalationFieldValue, isCallLogTicket, isoDate, parseEscalationField, parseVendorCaseField, reviewStateOf, toReviewItem, vendorCaseFieldValue } from './review-item';

const IDS = { requestId: '2', sopPath: '3', slaDueAt: '4', escalation: '5', review: '6' } as const;

function ticket(values: Record<string, string[]>): RtReviewTicket {
  return {
    id: '42',
    Subject: 'HAC login fails',
    Status: 'new',
    Created: '2026-03-02T15:04:05Z',
    LastUpdated: '2026-03-02T16:00:00Z',
    CustomFields: Object.entries(values).map(([id, v]) => ({ id, name: `cf ${id}`, values: v })),
  };
}

describe('the escalation custom field', () => {
  it('holds the escalation without sealed-note handles, and says whether there were any', () => {
    const e = makeEscalation();
    const value = escalationFieldValue(e);
    expect(value).not.toContain('vault:note-1');
    expect(value).not.toContain('Parent HAC password');
    const read = parseEscalationField(value);
    expect(read.hasSealedNote).toBe(true);
    expect(read.escalation).toEqual({ ...e, draft: { ...e.draft, replicationSteps: undefined, sealedNotes: [] } });
  });

  it('is pure ASCII, and reads back to the same text', () => {
    const e = makeEscalation({ description: 'Caf\u00e9 portal shows \u201clocked\u201d \u2713 \u{1F600}', sealedNotes: [] });
    const value = escalationFieldValue(e);
    expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(parseEscalationField(value)).toMatchObject({ hasSealedNote: false, escalation: { draft: { description: e.draft.description } } });
  });

  it('anything that is not a valid escalation reads as null, never as an error', () => {
    expect(parseEscalationField(undefined)).toEqual({ escalation: null, hasSealedNote: false });
    expect(parseEscalationField('{not json')).toEqual({ escalation: null, hasSealedNote: false });
    expect(parseEscalationField('{"id":"x","hasSealedNote":true}')).toEqual({ escalation: null, hasSealedNote: true });
  });
});

describe('review items', () => {
  it('a ticket becomes a valid review item with its state, request id and escalation', () => {
    const e = makeEscalation();
    const item = toReviewItem(ticket({ [IDS.requestId]: ['req-1'], [IDS.escalation]: [escalationFieldValue(e)], [IDS.review]: ['returned'] }), IDS, 'https://rt.example');
    expect(reviewItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      remoteId: '42',
      url: 'https://rt.example/Ticket/Display.html?id=42',
      requestId: 'req-1',
      reviewState: 'returned',
      hasSealedNote: true,
      createdAt: '2026-03-02T15:04:05.000Z',
      etag: null,
    });
    expect(item.escalation?.id).toBe(e.id);
  });

  it('a ticket without a review value, or with a foreign one, awaits review', () => {
    expect(reviewStateOf(ticket({}), IDS.review)).toBe('awaiting-review');
    expect(reviewStateOf(ticket({ [IDS.review]: ['escalated?'] }), IDS.review)).toBe('awaiting-review');
    expect(reviewStateOf(ticket({ [IDS.review]: ['Approved'] }), IDS.review)).toBe('approved');
  });

  it('carries the vendor case recorded on the ticket, and none when the queue lacks the field or holds a foreign value', () => {
    const vendorCase = { caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z' };
    const ids = { ...IDS, vendorCase: '7' };
    const item = toReviewItem(ticket({ [IDS.review]: ['forwarded'], '7': [vendorCaseFieldValue(vendorCase)] }), ids, 'https://rt.example');
    expect(reviewItemSchema.parse(item)).toEqual(item);
    expect(item.vendorCase).toEqual(vendorCase);
    expect(toReviewItem(ticket({ '7': [vendorCaseFieldValue(vendorCase)] }), IDS, 'https://rt.example')).not.toHaveProperty('vendorCase');
    expect(toReviewItem(ticket({ '7': ['called them, no number yet'] }), ids, 'https://rt.example')).not.toHaveProperty('vendorCase');
  });

  it('the vendor case field reads as one line a person can read in RT, and back', () => {
    const vendorCase = { caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z' };
    expect(vendorCaseFieldValue(vendorCase)).toBe('1234567 submitted 2026-03-02T15:30:00.000Z');
    expect(parseVendorCaseField(' 1234567  submitted 2026-03-02T15:30:00.000Z\n')).toEqual(vendorCase);
    expect(parseVendorCaseField('12-34 submitted 2026-03-02T15:30:00.000Z')).toBeUndefined();
    expect(parseVendorCaseField(undefined)).toBeUndefined();
  });

  it('unreadable dates become the epoch rather than an invalid item', () => {
    expect(isoDate('Not set')).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('a logged call', () => {
  it('is not a ticket for review; an escalation, even one written by another version, still is', () => {
    const log = { ...ticket({ '2': ['run-7'] }), Subject: 'Call log · HAC parent login · resolved on the call', Status: 'resolved' };
    expect(isCallLogTicket(log, IDS)).toBe(true);
    expect(isCallLogTicket(ticket({ '2': ['req-1'], '5': [escalationFieldValue(makeEscalation())] }), IDS)).toBe(false);
    expect(isCallLogTicket({ ...ticket({ '2': ['req-1'] }), Subject: 'HAC login fails' }, IDS)).toBe(false);
  });
});
