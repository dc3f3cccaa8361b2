import { describe, expect, it } from 'vitest';
import { escalationSchema } from '../../../shared/escalation/schema';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { renderSealedNotesComment, renderTicketBody, rtDateTime, sopPathValue } from './render';

const REQUEST = '7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f';

describe('renderTicketBody', () => {
  it('the test fixture is a valid queued escalation', () => {
    expect(() => escalationSchema.parse(makeEscalation())).not.toThrow();
  });

  it('carries everything captured on the call', () => {
    const e = makeEscalation({ kind: 'vendor-case', replicationSteps: 'Log in as the parent; see the lockout banner.' });
    const body = renderTicketBody(e, REQUEST);
    for (const expected of [
      e.draft.description,
      '1. Confirmed the username matches the student record',
      'Log in as the parent; see the lockout banner.',
      'Pat Parent',
      'Sam Student (#123456)',
      'Lincoln Elementary',
      '(555) 234-5678',
      'SOP: hac-login, version 3 (run run-42)',
      'Path: identify-caller > check-lockout > escalate',
      'Priority: High',
      e.slaDueAt,
      `Request ID: ${REQUEST}`,
      'Vendor case',
    ]) {
      expect(body).toContain(expected);
    }
  });

  it('never contains sealed note text, only how many notes went to the internal comment', () => {
    const e = makeEscalation({ sealedNotes: [{ handle: 'vault:1', label: 'Password', preview: '••••' }] });
    const body = renderTicketBody(e, REQUEST);
    expect(body).not.toContain(CANARY_PASSWORD);
    expect(body).toContain('Sealed notes: 1, added as an internal comment (staff only).');
  });

  it('records the language the call was taken in, when the call came from a run', () => {
    expect(renderTicketBody(makeEscalation({ callerLanguage: 'es' }), REQUEST)).toContain('Call language: Spanish (es)');
    expect(renderTicketBody(makeEscalation(), REQUEST)).not.toContain('Call language');
  });

  it('says so when no SOP was followed or nothing was tried', () => {
    const body = renderTicketBody(makeEscalation({ sop: null, stepsTried: [] }), REQUEST);
    expect(body).toContain('No SOP was followed.');
    expect(body).toContain('(none recorded)');
  });
});

describe('RT field values', () => {
  it('the SOP path names the SOP, its version and the path taken', () => {
    expect(sopPathValue(makeEscalation())).toBe('hac-login@3: identify-caller > check-lockout > escalate');
    expect(sopPathValue(makeEscalation({ sop: null }))).toBe('');
  });

  it('dates for RT drop fractional seconds and stay in UTC', () => {
    expect(rtDateTime('2026-03-02T19:04:05.123Z')).toBe('2026-03-02 19:04:05');
    expect(rtDateTime('2026-03-02T13:04:05-06:00')).toBe('2026-03-02 19:04:05');
  });

  it('the sealed-notes comment names the request so a retry can find it', () => {
    const c = renderSealedNotesComment(REQUEST, [{ label: 'HAC password', plaintext: CANARY_PASSWORD }]);
    expect(c.subject).toContain(REQUEST);
    expect(c.content).toContain(`[HAC password]\n${CANARY_PASSWORD}`);
  });
});
