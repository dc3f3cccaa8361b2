import { describe, expect, it } from 'vitest';
import { sealedNotesSubject } from './render';
import type { RtAttachment, RtTransaction } from './rt-api';
import { latestReviewComment, textByTransaction, toReviewHistory, transactionsNeedingText } from './review-history';

const REVIEW = '6';
const D1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const R1 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

let next = 100;
function txn(fields: Partial<RtTransaction>): RtTransaction {
  next++;
  return { id: String(next), Type: '', Data: '', Created: '2026-03-02T15:00:00Z', Creator: 'deskbook-sync', Field: '', OldValue: '', NewValue: '', ...fields };
}

describe('review history from RT transactions', () => {
  const create = txn({ Type: 'Create' });
  const sealed = txn({ Type: 'Comment', Data: `${sealedNotesSubject('7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f')}\n` });
  const returned = txn({ Type: 'Comment', Data: `[Deskbook decision ${D1}] returned\n by Sam Supervisor\n`, Creator: 'deskbook-supervisor', Created: '2026-03-02T16:00:00Z' });
  const carried = txn({ Type: 'CustomField', Field: REVIEW, OldValue: 'awaiting-review', NewValue: 'returned', Creator: 'deskbook-supervisor' });
  const status = txn({ Type: 'Status', Field: 'Status', OldValue: 'new', NewValue: 'open' });
  const resubmitted = txn({ Type: 'Comment', Data: `[Deskbook resubmission ${R1}] resubmitted by Dana Analyst` });
  const json = txn({ Type: 'CustomField', Field: '5', NewValue: '{}' });
  const carried2 = txn({ Type: 'CustomField', Field: REVIEW, OldValue: 'returned', NewValue: 'awaiting-review' });
  const manual = txn({ Type: 'CustomField', Field: REVIEW, OldValue: 'awaiting-review', NewValue: 'approved', Creator: 'tier2-tech' });
  const reply = txn({ Type: 'Correspond', Data: 'Re: HAC login', Creator: 'tier2-tech' });
  const all = [create, sealed, returned, carried, status, resubmitted, json, carried2, manual, reply];
  const texts = new Map([
    [returned.id, 'Add the student number.'],
    [resubmitted.id, 'Corrected body'],
    [reply.id, 'We reset the account.'],
  ]);

  it('maps creation, decisions, resubmissions, RT-side changes and replies, in order', () => {
    const events = toReviewHistory([...all].reverse(), texts, REVIEW);
    expect(events.map((e) => [e.kind, e.author, e.text])).toEqual([
      ['created', 'deskbook-sync', 'Escalation created in Request Tracker.'],
      ['returned', 'Sam Supervisor', 'Add the student number.'],
      ['resubmitted', 'Dana Analyst', 'Corrected body'],
      ['approved', 'tier2-tech', 'Review state changed in Request Tracker from awaiting-review to approved.'],
      ['comment', 'tier2-tech', 'We reset the account.'],
    ]);
    expect(events[1]?.at).toBe('2026-03-02T16:00:00.000Z');
  });

  it('never shows the sealed-notes comment, nor asks for its text', () => {
    expect(transactionsNeedingText(all)).toEqual([returned.id, resubmitted.id, reply.id]);
    expect(JSON.stringify(toReviewHistory(all, new Map([[sealed.id, 'Canary-Pa55word']]), REVIEW))).not.toContain('Canary');
  });

  it('a comment whose text could not be read falls back to its subject', () => {
    const plain = txn({ Type: 'Comment', Data: 'Called the parent back\n' });
    expect(toReviewHistory([plain], new Map(), REVIEW)).toMatchObject([{ kind: 'comment', text: 'Called the parent back' }]);
  });

  it("shows a decision's text without the audit anchor its comment ends with", () => {
    const anchored = txn({ Type: 'Comment', Data: `[Deskbook decision ${D1}] returned by Sam Supervisor` });
    const text = `Add the student number.\n\nDeskbook audit: #3 ${'0a'.repeat(32)} trail ${D1} at 2026-03-02T16:00:00.000Z on DESK-07`;
    expect(toReviewHistory([anchored], new Map([[anchored.id, text]]), REVIEW)).toMatchObject([{ kind: 'returned', text: 'Add the student number.' }]);
  });

  it('a recorded vendor case is its own event, and the review field it leaves alone hides nothing', () => {
    const recorded = txn({ Type: 'Comment', Data: `[Deskbook decision ${D1}] vendor-case by Ana Contact`, Creator: 'deskbook-supervisor' });
    const field = txn({ Type: 'CustomField', Field: '8', NewValue: '1234567 submitted 2026-03-02T15:30:00.000Z', Creator: 'deskbook-supervisor' });
    const manual2 = txn({ Type: 'CustomField', Field: REVIEW, OldValue: 'forwarded', NewValue: 'awaiting-review', Creator: 'deskbook-supervisor' });
    const events = toReviewHistory([recorded, field, manual2], new Map([[recorded.id, 'Infinite Campus case 1234567']]), REVIEW);
    expect(events.map((e) => [e.kind, e.author])).toEqual([
      ['vendor-case', 'Ana Contact'],
      ['comment', 'deskbook-supervisor'],
    ]);
    expect(latestReviewComment(events)).toMatchObject({ kind: 'vendor-case', text: 'Infinite Campus case 1234567' });
  });

  it('the latest review comment is the newest decision or resubmission', () => {
    const events = toReviewHistory(all.slice(0, 5), texts, REVIEW);
    expect(latestReviewComment(events)).toMatchObject({ kind: 'returned', text: 'Add the student number.' });
    expect(latestReviewComment(toReviewHistory([create, reply], texts, REVIEW))).toBeNull();
  });
});

describe('comment texts', () => {
  it('takes each transaction\'s first non-empty text/plain part', () => {
    const parts: RtAttachment[] = [
      { id: '1', TransactionId: '9', ContentType: 'multipart/alternative', Content: '' },
      { id: '2', TransactionId: '9', ContentType: 'text/plain; charset="utf-8"', Content: 'plain words\n\n' },
      { id: '3', TransactionId: '9', ContentType: 'text/html', Content: '<p>html</p>' },
      { id: '4', TransactionId: '10', ContentType: 'text/html', Content: '<p>only html</p>' },
    ];
    expect([...textByTransaction(parts)]).toEqual([['9', 'plain words']]);
  });
});
