import { randomUUID } from 'node:crypto';
import type { Escalation } from '../../shared/escalation/schema';

/** A canary that must never appear in a ticket body, subject or log. */
export const CANARY_PASSWORD = 'Canary-Pa55word-7731!';

/**
 * A minimal, valid queued escalation (the `z.output` of `escalationSchema`): a parent locked out
 * of Home Access Center, escalated from the HAC SOP with one sealed note. Each call gets fresh ids.
 */
export function makeEscalation(overrides: Partial<Escalation['draft']> = {}): Escalation {
  return {
    id: randomUUID(),
    createdAt: '2026-03-02T15:04:05.000Z',
    analyst: { id: 'analyst-7', name: 'Dana Analyst' },
    slaDueAt: '2026-03-02T19:04:05.000Z',
    draft: {
      kind: 'district-tier2',
      subject: 'HAC login fails after password reset',
      description: 'Parent reset the HAC password twice; the portal still says the account is locked.',
      stepsTried: ['Confirmed the username matches the student record', 'Sent a reset link to the email on file'],
      replicationSteps: undefined,
      usersAffected: undefined,
      hostedOutage: false,
      callerRole: 'parent',
      callerName: 'Pat Parent',
      studentName: 'Sam Student',
      studentNumber: '123456',
      school: 'Lincoln Elementary',
      callbackPhone: '(555) 234-5678',
      priority: 'high',
      sop: { id: 'hac-login', version: '3', runId: 'run-42', path: ['identify-caller', 'check-lockout', 'escalate'] },
      sealedNotes: [{ handle: 'vault:note-1', label: 'Parent HAC password', preview: '••••••••' }],
      ...overrides,
    },
  };
}
