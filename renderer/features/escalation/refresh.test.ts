import { describe, expect, it } from 'vitest';
import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { blankDraft } from './prefill';
import { withNewRunFacts } from './refresh';

const sop = (path: string[]) => ({ id: 'hac-login', version: '3', runId: 'run-1', path });
const firstEscalation: EscalationDraftInput = {
  ...blankDraft(),
  subject: 'HAC login fails',
  description: "Parent cannot sign in.\n\nAnalyst's notes:\n- Check capitals: caps lock off",
  stepsTried: ['Identify the caller → Parent', 'Check capitals → No'],
  callerName: 'Ana Lopez',
  sop: sop(['identify', 'capitals']),
};

describe('a draft reopened from its run after the call went on', () => {
  it('takes the facts captured since into the fields still blank, and the path as it is now', () => {
    const fresh: EscalationDraftInput = {
      ...firstEscalation,
      studentName: 'Maria Lopez',
      school: 'Lincoln Elementary',
      stepsTried: [...firstEscalation.stepsTried, 'Reset the password → Still locked'],
      sop: sop(['identify', 'capitals', 'reset']),
    };
    const merged = withNewRunFacts(firstEscalation, fresh);
    expect(merged).toMatchObject({ studentName: 'Maria Lopez', school: 'Lincoln Elementary', sop: sop(['identify', 'capitals', 'reset']) });
    expect(merged.stepsTried).toEqual(['Identify the caller → Parent', 'Check capitals → No', 'Reset the password → Still locked']);
  });

  it('keeps everything the analyst typed or edited in the draft', () => {
    const edited = { ...firstEscalation, subject: 'Locked out of HAC since Monday', callerName: 'Ana López', priority: 'high' as const };
    const fresh = { ...firstEscalation, subject: 'HAC login fails', callerName: 'Ana Lopez', priority: 'medium' as const };
    expect(withNewRunFacts(edited, fresh)).toMatchObject({ subject: 'Locked out of HAC since Monday', callerName: 'Ana López', priority: 'high' });
  });

  it('adds the step notes typed since under the notes heading, once, after what the analyst wrote', () => {
    const edited = { ...firstEscalation, description: `${firstEscalation.description}\nParent will be home after 5.` };
    const fresh = { ...firstEscalation, description: `${firstEscalation.description}\n- Reset the password: sent to the email on file` };
    const merged = withNewRunFacts(edited, fresh);
    expect(merged.description).toBe(`${edited.description}\n- Reset the password: sent to the email on file`);
    expect(withNewRunFacts(merged, fresh).description).toBe(merged.description);
  });

  it('starts the notes heading when the draft had no notes yet, and fills a description left empty', () => {
    const plain = { ...firstEscalation, description: 'Parent cannot sign in.' };
    const fresh = { ...firstEscalation, description: "Parent cannot sign in.\n\nAnalyst's notes:\n- Check capitals: caps lock off" };
    expect(withNewRunFacts(plain, fresh).description).toBe(fresh.description);
    expect(withNewRunFacts({ ...plain, description: '' }, fresh).description).toBe(fresh.description);
  });
});
