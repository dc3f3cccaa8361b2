import { describe, expect, it } from 'vitest';
import { anchorLine, decisionContent, decisionSubject, hasMarker, isMarkerId, parseAnchor, parseMarker, resubmissionSubject, unfoldHeader, withoutAnchor } from './review-markers';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('review markers', () => {
  it('a decision subject names the marker, the resulting state and the supervisor', () => {
    expect(decisionSubject(ID, { kind: 'return', comment: 'Add the student number.' }, 'Sam Supervisor')).toBe(
      `[Deskbook decision ${ID}] returned by Sam Supervisor`,
    );
    expect(decisionSubject(ID.toUpperCase(), { kind: 'approve' }, 'Sam')).toBe(`[Deskbook decision ${ID}] approved by Sam`);
  });

  it('names are flattened to one line and cut to 80 characters, well inside RT\'s 255 for a subject', () => {
    const subject = resubmissionSubject(ID, `Dana\nAnalyst ${'x'.repeat(200)}`);
    expect(subject).not.toContain('\n');
    expect(subject.split(' by ')[1]).toHaveLength(80);
    expect(parseMarker(subject)?.author.startsWith('Dana Analyst xxx')).toBe(true);
  });

  it('reads a marker back from the folded subject RT stores in a transaction', () => {
    expect(parseMarker(`[Deskbook decision ${ID}] returned\n by Sam Super\n`)).toEqual({
      kind: 'decision',
      id: ID,
      verb: 'returned',
      author: 'Sam Super',
    });
    expect(parseMarker(`[Deskbook resubmission ${ID}] resubmitted by Dana Analyst`)).toMatchObject({ kind: 'resubmission', author: 'Dana Analyst' });
  });

  it('ignores subjects without a well-formed marker', () => {
    expect(parseMarker('Deskbook sealed notes (request abc)')).toBeNull();
    expect(parseMarker('[Deskbook decision not-a-uuid-at-all-xxxxxxxxxxxxxxxxxxx] approved by X')).toBeNull();
    expect(parseMarker(`Re: [Deskbook decision ${ID}] approved by X`)).toBeNull();
  });

  it('matches only the exact marker kind and id', () => {
    const subject = `[Deskbook decision ${ID}] approved by X`;
    expect(hasMarker(subject, 'decision', ID.toUpperCase())).toBe(true);
    expect(hasMarker(subject, 'resubmission', ID)).toBe(false);
    expect(hasMarker(subject, 'decision', '1f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false);
  });

  it('only UUIDs may become marker ids', () => {
    expect(isMarkerId(ID)).toBe(true);
    expect(isMarkerId("x' OR '1")).toBe(false);
  });

  it('unfolds continuation lines only', () => {
    expect(unfoldHeader('a\n b\n\tc\n')).toBe('a b\tc');
  });
});

describe('decision comment text', () => {
  it('a return carries exactly the supervisor comment, an approval its note or a default', () => {
    expect(decisionContent({ kind: 'return', comment: 'Add the student number.' })).toBe('Add the student number.');
    expect(decisionContent({ kind: 'approve', note: 'Good ticket.' })).toBe('Good ticket.');
    expect(decisionContent({ kind: 'approve' })).toBe('Approved.');
  });

  it('a forward is a vendor case: the vendor priority and target, replication steps, then the case', () => {
    const text = decisionContent({
      kind: 'forward',
      priority: 'critical',
      replicationSteps: 'Log in as any parent; the portal shows a 500.',
      caseText: 'Parent portal down district-wide since 07:10.',
    });
    expect(text).toContain('Priority: Critical (vendor target: within 1 business hour)');
    expect(text.indexOf('Log in as any parent')).toBeLessThan(text.indexOf('Parent portal down'));
  });

  it('a recorded vendor case names the case number and submission time, its marker verb says what it is', () => {
    const decision = { kind: 'vendor-case', caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z', note: 'Called after submitting.' } as const;
    expect(decisionContent(decision)).toBe(
      "Infinite Campus case 1234567\nSubmitted: 2026-03-02T15:30:00.000Z (the vendor's clock starts here)\n\nCalled after submitting.",
    );
    const subject = decisionSubject(ID, decision, 'Ana Contact');
    expect(subject).toBe(`[Deskbook decision ${ID}] vendor-case by Ana Contact`);
    expect(parseMarker(subject)).toMatchObject({ kind: 'decision', verb: 'vendor-case', author: 'Ana Contact' });
  });
});

describe('audit anchors in decision comments', () => {
  const anchor = { trail: ID, seq: 7, hash: 'ab'.repeat(32), at: '2026-03-02T15:00:01.000Z', machine: 'DESK-07' };

  it('a decision comment ends with the anchor line, after the supervisor text and a blank line', () => {
    const text = decisionContent({ kind: 'return', comment: 'Add the student number.' }, anchor);
    expect(text).toBe(`Add the student number.\n\nDeskbook audit: #7 ${'ab'.repeat(32)} trail ${ID} at 2026-03-02T15:00:01.000Z on DESK-07`);
    expect(parseAnchor(text)).toEqual(anchor);
    expect(withoutAnchor(text)).toBe('Add the student number.');
  });

  it('reads the anchor back as RT returns the text, with CRLF and trailing blank lines', () => {
    expect(parseAnchor(`${anchorLine(anchor).replace(/^/, 'Approved.\r\n\r\n')}\r\n\r\n`)).toEqual(anchor);
  });

  it('only the last line counts: a supervisor cannot write an anchor into their own text', () => {
    const forged = `Deskbook audit: #1 ${'cd'.repeat(32)} trail ${ID} at 2026-03-02T15:00:01.000Z on DESK-07\nThanks, approved.`;
    expect(parseAnchor(forged)).toBeNull();
    expect(withoutAnchor(forged)).toBe(forged);
    expect(parseAnchor(decisionContent({ kind: 'approve', note: forged }))).toBeNull();
  });

  it('a comment from before anchoring, or a malformed line, carries no anchor', () => {
    expect(parseAnchor('Add the student number.')).toBeNull();
    expect(parseAnchor(`Deskbook audit: #7 ${'ab'.repeat(31)} trail ${ID} at 2026-03-02T15:00:01.000Z on DESK-07`)).toBeNull();
    expect(parseAnchor(`Deskbook audit: #7 ${'ab'.repeat(32)} trail not-a-uuid at 2026-03-02T15:00:01.000Z on DESK-07`)).toBeNull();
  });

  it('a machine name is flattened to one line so the anchor stays one line', () => {
    const line = anchorLine({ ...anchor, machine: 'DESK\n07' });
    expect(line).not.toContain('\n');
    expect(parseAnchor(line)?.machine).toBe('DESK 07');
  });
});
