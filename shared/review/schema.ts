import { z } from 'zod';
import { escalationSchema } from '../escalation/schema';
import { prioritySchema } from '../sla/priority';

/**
 * Where an escalation stands with the supervisors. Stored on the remote ticket (a custom field
 * in Request Tracker), so every supervisor's machine agrees and the history stays there.
 */
export const REVIEW_STATES = ['awaiting-review', 'returned', 'approved', 'forwarded'] as const;
export const reviewStateSchema = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** One entry in a ticket's review history, as supervisors and analysts see it. */
export const reviewEventSchema = z.object({
  at: z.iso.datetime(),
  author: z.string(),
  kind: z.enum(['created', 'returned', 'approved', 'forwarded', 'vendor-case', 'resubmitted', 'comment']),
  text: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

/**
 * An Infinite Campus case number as the Support Case Portal shows it: digits only. The portal's
 * numbers are about seven digits today; 5 to 12 leaves room without letting a phone number or a
 * ticket id through by accident.
 */
export const vendorCaseNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{5,12}$/, 'Vendor case number: 5 to 12 digits, as the Support Case Portal shows it (e.g. 1234567)');

/**
 * The vendor case behind a forwarded escalation: Infinite Campus's case number and when the
 * Authorized Contact submitted it in the portal, which is when the vendor's clock starts.
 */
export const vendorCaseSchema = z.object({
  caseNumber: vendorCaseNumberSchema,
  submittedAt: z.iso.datetime({ error: 'Case submitted at: give the date and time the case was submitted' }),
});
export type VendorCase = z.output<typeof vendorCaseSchema>;

/**
 * Why a vendor case's submission time is refused as of `now`, or null: it cannot be in the
 * future (the case was submitted before it is recorded). Not in the schema, which has no clock:
 * main checks with its own clock, the form with the renderer's.
 */
export function vendorCaseTimeRefusal(submittedAt: string, now: Date): string | null {
  return Date.parse(submittedAt) > now.getTime()
    ? 'Case submitted at: is in the future; enter when the case was submitted in the Support Case Portal (now or earlier)'
    : null;
}

/**
 * An escalation as the review list shows it. `escalation` is the structured copy Deskbook stored
 * on the ticket (null for a ticket Deskbook did not create); sealed notes are never part of it,
 * only whether one exists. `etag` is the ticket version the supervisor saw, for If-Match.
 */
export const reviewItemSchema = z.object({
  remoteId: z.string().min(1),
  url: z.string(),
  requestId: z.string(),
  subject: z.string(),
  rtStatus: z.string(),
  reviewState: reviewStateSchema,
  createdAt: z.iso.datetime(),
  lastUpdated: z.iso.datetime(),
  escalation: escalationSchema.nullable(),
  hasSealedNote: z.boolean(),
  etag: z.string().nullable(),
  /** The vendor case recorded after forwarding; absent until an Authorized Contact records one. */
  vendorCase: vendorCaseSchema.optional(),
});
export type ReviewItem = z.output<typeof reviewItemSchema>;

export const reviewDetailSchema = reviewItemSchema.extend({ history: z.array(reviewEventSchema) });
export type ReviewDetail = z.output<typeof reviewDetailSchema>;

/** A page of the incremental review pull; `cursor` is opaque (for RT, the newest transaction id seen). */
export const reviewPageSchema = z.object({ items: z.array(reviewItemSchema), cursor: z.string().nullable() });
export type ReviewPage = z.output<typeof reviewPageSchema>;

/**
 * What a supervisor decides. Returning needs a comment; forwarding as a vendor case needs
 * replication steps and a priority from the vendor's matrix (the vendor asks for both).
 */
export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve'), note: z.string().trim().max(2000).optional() }),
  z.object({
    kind: z.literal('return'),
    comment: z.string().trim().min(5, 'Comment: say what the analyst must fix (at least 5 characters)').max(4000),
  }),
  z.object({
    kind: z.literal('forward'),
    replicationSteps: z.string().trim().min(10, 'Replication steps: required for a vendor case (at least 10 characters)').max(4000),
    priority: prioritySchema,
    caseText: z.string().trim().min(10).max(12000),
  }),
  /**
   * After forwarding: the Authorized Contact records the case number Infinite Campus gave and when
   * the case was submitted (an optional note, e.g. who at the vendor took the call).
   */
  vendorCaseSchema.extend({
    kind: z.literal('vendor-case'),
    note: z.string().trim().max(2000, 'Note: at most 2000 characters').optional(),
  }),
]);
export type Decision = z.output<typeof decisionSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;

/** The review state each decision leaves the ticket in: one table, read by main and renderer. */
export const DECISION_STATE: Readonly<Record<Decision['kind'], Exclude<ReviewState, 'awaiting-review'>>> = {
  approve: 'approved',
  return: 'returned',
  forward: 'forwarded',
  'vendor-case': 'forwarded',
};

/** Who made a decision, as the audit trail and the ticket history record it. */
export const actorSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });

/** One decision delivery attempt (decisions made offline travel through the outbox). */
export const decisionRequestSchema = z.object({
  decisionId: z.uuid(),
  attemptId: z.string().min(1).max(64),
  remoteId: z.string().min(1),
  requestId: z.string().min(1),
  decision: decisionSchema,
  /** The ticket version the supervisor decided on; a newer ticket is a conflict, not an overwrite. */
  expectedEtag: z.string().nullable(),
  decidedAt: z.iso.datetime(),
  maybeDelivered: z.boolean(),
});
export type DecisionRequest = z.input<typeof decisionRequestSchema>;

/** An analyst's corrected escalation, sent back to the same ticket after a "return". */
export const resubmitRequestSchema = z.object({
  resubmitId: z.uuid(),
  attemptId: z.string().min(1).max(64),
  remoteId: z.string().min(1),
  escalation: escalationSchema,
  maybeDelivered: z.boolean(),
});
export type ResubmitRequest = z.input<typeof resubmitRequestSchema>;

/** Review state of escalations this machine delivered, so the analyst sees returns and comments. */
export const reviewStatusSchema = z.object({
  remoteId: z.string(),
  reviewState: reviewStateSchema,
  lastComment: reviewEventSchema.nullable(),
});
export type ReviewStatus = z.output<typeof reviewStatusSchema>;
