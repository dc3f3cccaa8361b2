import { z } from 'zod';
import { usPhoneField } from '../fields';
import { prioritySchema } from '../sla/priority';

/** District tier-2 ticket, or a case for the SIS vendor (Infinite Campus) support. */
export const escalationKindSchema = z.enum(['district-tier2', 'vendor-case']);
export type EscalationKind = z.infer<typeof escalationKindSchema>;

export const CALLER_ROLES = ['parent', 'guardian', 'student', 'staff', 'other'] as const;
export const callerRoleSchema = z.enum(CALLER_ROLES);
export type CallerRole = z.infer<typeof callerRoleSchema>;

/**
 * How the caller's identity was checked before any account detail was discussed (FERPA). Only
 * the method is recorded, never the data used to check it.
 */
export const VERIFY_METHODS = ['callback-on-file', 'district-facts', 'photo-id-in-person'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];
export const IDENTITY_METHODS = [...VERIFY_METHODS, 'not-verified'] as const;
export const identityMethodSchema = z.enum(IDENTITY_METHODS);
export type IdentityMethod = z.infer<typeof identityMethodSchema>;

/** How each method reads on a ticket: "Identity verified: called back the number on file". */
export const IDENTITY_METHOD_TEXT: Readonly<Record<IdentityMethod, string>> = {
  'callback-on-file': 'Identity verified: called back the phone number on file',
  'district-facts': 'Identity verified: the caller confirmed the facts the district lists',
  'photo-id-in-person': 'Identity verified: in person, with photo ID',
  'not-verified': 'Identity NOT verified: general help only, no account details given',
};

/**
 * Who called. Not chosen ('') is allowed while editing, so a draft never claims a role nobody
 * picked; submitting asks for one.
 */
const callerRoleField = z
  .union([z.literal(''), callerRoleSchema])
  .refine((role) => role !== '', { error: 'Caller role: choose who called (parent, guardian, student, staff or other)' })
  .transform((role) => role as CallerRole);

/** A US callback number in any usual format, stored as "(555) 123-4567". */
export const callbackPhoneSchema = usPhoneField('Callback phone');

/** A handle to a secret sealed by the main-process vault; the plaintext never leaves main. */
export const sealedNoteRefSchema = z.object({
  handle: z.string().min(1),
  label: z.string().trim().min(1).max(80),
  preview: z.string().max(40),
});
export type SealedNoteRef = z.infer<typeof sealedNoteRefSchema>;

/** Where the escalation came from: the SOP, its version, and the path the analyst took. */
export const sopTraceSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  runId: z.string().min(1),
  path: z.array(z.string()),
});
export type SopTrace = z.infer<typeof sopTraceSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/**
 * What an analyst fills in. `z.input` is the form's value type; `z.output` is what is stored.
 * Replication steps are required for vendor cases (the vendor's support asks for them).
 */
export const escalationDraftSchema = z
  .object({
    kind: escalationKindSchema,
    subject: z.string().trim().min(5, 'Subject: at least 5 characters').max(150, 'Subject: at most 150 characters'),
    description: z
      .string()
      .trim()
      .min(10, 'Description: say what happened in at least 10 characters')
      .max(8000, 'Description: at most 8000 characters'),
    stepsTried: z
      .array(z.string().trim().max(500, 'Steps already tried: each step at most 500 characters'))
      .max(200)
      .transform((steps) => steps.filter((s) => s !== '')),
    replicationSteps: optionalText(4000),
    /** Who the problem affects (one user, a school, everyone): the vendor's scope question. */
    usersAffected: optionalText(500),
    callerRole: callerRoleField,
    /** How the caller's identity was checked, from the run's verify-identity node; absent without one. */
    identity: identityMethodSchema.optional(),
    /** The language the call was taken in (ISO 639, e.g. es), when it came from an SOP run. */
    callerLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'Call language: a language code such as en or es')
      .optional(),
    /** A hosted-site outage: the vendor's clock runs 24/7 for these (Campus Hosting Support). */
    hostedOutage: z.boolean().default(false),
    callerName: optionalText(120),
    studentName: optionalText(120),
    studentNumber: z
      .string()
      .trim()
      .regex(/^(\d{5,10})?$/, 'Student number: 5 to 10 digits')
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    school: optionalText(120),
    callbackPhone: callbackPhoneSchema,
    priority: prioritySchema,
    sop: sopTraceSchema.nullable(),
    sealedNotes: z.array(sealedNoteRefSchema).max(10),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'vendor-case' && !d.replicationSteps) {
      ctx.addIssue({
        code: 'custom',
        path: ['replicationSteps'],
        message: 'Replication steps: required for a vendor case (the vendor cannot investigate without them)',
      });
    }
  });
export type EscalationDraftInput = z.input<typeof escalationDraftSchema>;
export type EscalationDraft = z.output<typeof escalationDraftSchema>;

/** A queued escalation: the validated draft plus identity, author and its SLA due time. */
export const escalationSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  analyst: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  slaDueAt: z.iso.datetime(),
  draft: escalationDraftSchema,
});
export type Escalation = z.output<typeof escalationSchema>;
