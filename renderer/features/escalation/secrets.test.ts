import { describe, expect, it } from 'vitest';
import { escalationDraftSchema } from '../../../shared/escalation/schema';
import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { blankDraft } from './prefill';
import { UNSAVED_SECRET_MARK, draftForDisk } from './secrets';

const PASSWORD = 'Tr0ub4dor&3';
const SECRET_TEXT = `the password is ${PASSWORD}`;

/** Fields of the draft that are not typed as free text: choices, the SOP trace and sealed-note handles. */
const NOT_FREE_TEXT = new Set(['kind', 'callerRole', 'priority', 'sop', 'sealedNotes', 'identity', 'hostedOutage', 'callerLanguage']);
/**
 * Every other field of the schema, so a text field added to the form later is tested here too:
 * if draftForDisk does not clean it, the test for it fails.
 */
const FREE_TEXT_FIELDS = Object.keys(escalationDraftSchema.shape).filter((field) => !NOT_FREE_TEXT.has(field)) as (keyof EscalationDraftInput)[];

function withText(field: keyof EscalationDraftInput, text: string): EscalationDraftInput {
  const draft = blankDraft();
  return { ...draft, [field]: field === 'stepsTried' ? ['Checked caps lock', text] : text };
}

describe('draftForDisk', () => {
  it('covers every free-text field of the form', () => {
    expect(FREE_TEXT_FIELDS).toEqual(
      expect.arrayContaining(['subject', 'description', 'stepsTried', 'replicationSteps', 'callerName', 'callbackPhone', 'studentName', 'studentNumber', 'school']),
    );
  });

  it.each(FREE_TEXT_FIELDS)('keeps a password typed into %s out of the saved copy', (field) => {
    const saved = draftForDisk(withText(field, SECRET_TEXT));
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(JSON.stringify(saved[field])).toContain(UNSAVED_SECRET_MARK);
  });

  it('keeps the words around the password', () => {
    const saved = draftForDisk(withText('description', `Parent called. ${SECRET_TEXT}. Locked out since Monday.`));
    expect(saved.description).toBe(`Parent called. the password is ${UNSAVED_SECRET_MARK}. Locked out since Monday.`);
  });

  it('keeps innocent text, help-desk talk about passwords included, exactly as typed', () => {
    const innocent: EscalationDraftInput = {
      ...blankDraft(),
      subject: 'HAC login fails after password reset',
      description: 'Parent reset the password yesterday; the portal still says the password is wrong.',
      stepsTried: ['Reset the password → Done', 'Checked caps lock'],
      replicationSteps: 'Sign in to HAC as the parent; see "invalid login".',
      callerName: 'Ana Lopez',
      callbackPhone: '(555) 234-5678',
      studentName: 'Sam Lopez',
      studentNumber: '123456',
      school: 'Lincoln Elementary',
      sealedNotes: [{ handle: 'h1', label: 'Login ID', preview: 'a•••' }],
    };
    expect(draftForDisk(innocent)).toEqual(innocent);
  });

  it('leaves fields the analyst has not filled in as they were', () => {
    const draft: EscalationDraftInput = { ...blankDraft(), replicationSteps: undefined, callerName: undefined, school: undefined };
    expect(draftForDisk(draft)).toEqual(draft);
  });
});
