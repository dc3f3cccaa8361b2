import { describe, expect, it } from 'vitest';
import { IDENTITY_METHODS, IDENTITY_METHOD_TEXT, escalationDraftSchema } from '../../../shared/escalation/schema';
import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX } from '../../../shared/sla';
import { createDeskbookIntl, translator } from '../../i18n/intl';
import { draftIssueMessage, errorMessage } from './form-errors';
import { blankDraft } from './prefill';
import { PRIORITY_TEXT } from './PriorityPicker';

const en = translator(createDeskbookIntl({ language: 'en', locale: 'en-US' }));
const es = translator(createDeskbookIntl({ language: 'es', locale: 'es-US' }));

const valid: EscalationDraftInput = {
  ...blankDraft(),
  subject: 'Cannot reach HAC',
  description: 'Every parent gets a timeout on the login page.',
  callerRole: 'parent',
  callbackPhone: '555-234-5678',
};

/** Drafts the form can hold, each wrong in one or more ways the schema words itself. */
const INVALID: [string, EscalationDraftInput][] = [
  ['a blank draft', blankDraft()],
  ['a long subject and description', { ...valid, subject: 'x'.repeat(151), description: 'y'.repeat(8001) }],
  ['a step too long, and too many steps', { ...valid, stepsTried: ['ok', 'z'.repeat(501), ...Array.from({ length: 199 }, () => 'step')] }],
  ['a vendor case without replication steps', { ...valid, kind: 'vendor-case' }],
  ['long optional texts', { ...valid, usersAffected: 'u'.repeat(501), callerName: 'c'.repeat(121), studentName: 's'.repeat(121), school: 'h'.repeat(121), replicationSteps: 'r'.repeat(4001) }],
  ['a student number with letters', { ...valid, studentNumber: '12a45' }],
  ['a phone too short', { ...valid, callbackPhone: '555-1234' }],
  ['a phone with area code 055', { ...valid, callbackPhone: '(055) 123-4567' }],
  ['a phone with a service code', { ...valid, callbackPhone: '911-123-4567' }],
  ['an unknown priority', { ...valid, priority: 'urgent' as never }],
  ['eleven sealed notes', { ...valid, sealedNotes: Array.from({ length: 11 }, (_, i) => ({ handle: `h${i}`, label: 'Login details', preview: '••••' })) }],
];

describe('the draft form’s error messages', () => {
  it.each(INVALID)('say in English exactly what the schema says, for %s', (_name, draft) => {
    const result = escalationDraftSchema.safeParse(draft);
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      expect(draftIssueMessage(issue, en), issue.path.join('.')).toBe(issue.message);
    }
  });

  it.each(INVALID)('are all translated into Spanish, for %s', (_name, draft) => {
    const issues = escalationDraftSchema.safeParse(draft).error!.issues;
    for (const issue of issues) {
      expect(draftIssueMessage(issue, es), `${issue.path.join('.')}: ${issue.message}`).not.toBe(issue.message);
    }
  });

  it('name the limits and the field in Spanish', () => {
    const messages = escalationDraftSchema.safeParse(blankDraft()).error!.issues.map((issue) => draftIssueMessage(issue, es));
    expect(messages).toEqual([
      'Asunto: al menos 5 caracteres',
      'Descripción: cuente lo que pasó en al menos 10 caracteres',
      'Quién llama: elija quién llamó (padre o madre, tutor legal, estudiante, personal de la escuela u otro)',
      'Teléfono para devolver la llamada: es obligatorio',
    ]);
    const phone = escalationDraftSchema.safeParse({ ...valid, callbackPhone: '411-555-1212' }).error!.issues[0]!;
    expect(draftIssueMessage(phone, es)).toBe('Teléfono para devolver la llamada: el código de área no puede ser un código de servicio como el 411');
  });

  it('fall back to the schema’s own words for an issue the form does not map', () => {
    const issue = escalationDraftSchema.safeParse({ ...valid, kind: 'somewhere' as never }).error!.issues[0]!;
    expect(draftIssueMessage(issue, es)).toBe(issue.message);
  });

  it('find the message of one step nested in "steps already tried"', () => {
    expect(errorMessage([undefined, { type: 'too_big', message: 'Pasos ya intentados: …' }])).toBe('Pasos ya intentados: …');
    expect(errorMessage({ type: 'custom' })).toBeNull();
  });
});

describe('the form’s English words that shared/ also writes on tickets', () => {
  it('name priorities, their response times and examples as the vendor’s matrix does', () => {
    for (const p of PRIORITIES) {
      const { label, response, example } = PRIORITY_TEXT[p];
      expect({ label: en(label), response: en(response), example: en(example) }).toEqual(VENDOR_PRIORITY_MATRIX[p]);
    }
  });

  it('say how identity was checked as the ticket does', () => {
    const keys = {
      'callback-on-file': 'escalation.identity.callbackOnFile',
      'district-facts': 'escalation.identity.districtFacts',
      'photo-id-in-person': 'escalation.identity.photoIdInPerson',
      'not-verified': 'escalation.identity.notVerified',
    } as const;
    for (const method of IDENTITY_METHODS) expect(en(keys[method])).toBe(IDENTITY_METHOD_TEXT[method]);
  });
});
