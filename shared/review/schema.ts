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
  kind: z.enum(['created', 'returned', 'approved', 'forwarded', 'resubmitted', 'comment']),
  text: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

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
]);
export type Decision = z.output<typeof decisionSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;

/** The review state each decision leaves the ticket in: one table, read by main and renderer. */
export const DECISION_STATE: Readonly<Record<Decision['kind'], Exclude<ReviewState, 'awaiting-review'>>> = {
  approve: 'approved',
  return: 'returned',
  forward: 'forwarded',
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
