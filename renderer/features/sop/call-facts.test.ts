import { describe, expect, it } from 'vitest';
import { answer, startRun } from '../../../shared/sop/engine';
import type { RunInput, RunState } from '../../../shared/sop/engine';
import { BUILTIN_PACKS } from '../../../shared/sop/packs';
import type { SopDocument } from '../../../shared/sop/schema';
import { callFacts, clockDuration } from './call-facts';

const hac = BUILTIN_PACKS.flatMap((pack) => pack.sops).find((doc) => doc.id === 'hac-parent-login') as SopDocument;

function walk(inputs: readonly RunInput[]): RunState {
  return inputs.reduce((state, input, i) => answer(hac, state, input, 1000 * (i + 1)), startRun(hac, 0));
}

const TO_DETAILS: readonly RunInput[] = [
  { type: 'input', values: { callerName: 'Maria Lopez' } },
  { type: 'verify', method: 'callback-on-file' },
  { type: 'choice', choiceId: 'own-login' },
  { type: 'choice', choiceId: 'password-rejected' },
  { type: 'continue' },
];

describe('the call panel’s facts', () => {
  it('show nothing captured and a medium district ticket before the first answer', () => {
    const facts = callFacts(hac, startRun(hac, 0));
    expect(facts.callerName).toBeUndefined();
    expect(facts.identity).toBeUndefined();
    expect(facts.facts).toEqual([]);
    expect(facts.ticket).toEqual({ subject: 'HAC parent login · account check', priority: 'medium', kind: 'district-tier2' });
  });

  it('name the caller, how identity was checked and each answer as the call goes, mid-procedure', () => {
    const facts = callFacts(hac, walk(TO_DETAILS));
    expect(facts.callerName).toBe('Maria Lopez');
    expect(facts.identity).toBe('callback-on-file');
    expect(facts.facts).toEqual([{ label: 'What goes wrong?', value: 'The password is rejected' }]);
    expect(facts.sealed).toEqual([]);
  });

  it('put the student and callback in their fields and the login id in a sealed note, never its value', () => {
    const state = walk([
      ...TO_DETAILS,
      { type: 'choice', choiceId: 'still-failing' },
      { type: 'choice', choiceId: 'correct' },
      { type: 'continue' },
      {
        type: 'input',
        values: { studentName: 'Ana Lopez', studentNumber: '12345', school: 'Cypress Creek HS', callbackPhone: '5552345678', parentLoginId: 'mlopez7' },
      },
    ]);
    const facts = callFacts(hac, state);
    expect(facts).toMatchObject({ studentName: 'Ana Lopez', studentNumber: '12345', school: 'Cypress Creek HS', callbackPhone: '(555) 234-5678' });
    expect(facts.sealed).toEqual(['Parent HAC login ID']);
    expect(JSON.stringify(facts)).not.toContain('mlopez7');
    expect(facts.ticket.subject).toBe('HAC parent login · Cypress Creek HS · account check');
  });
});

describe('the call clock', () => {
  it('reads minutes and seconds, then hours, and never goes below zero', () => {
    expect(clockDuration(7_400)).toBe('0:07');
    expect(clockDuration(754_000)).toBe('12:34');
    expect(clockDuration(3_723_000)).toBe('1:02:03');
    expect(clockDuration(-5_000)).toBe('0:00');
  });
});
