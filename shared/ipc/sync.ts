import { z } from 'zod';
import { escalationSchema } from '../escalation/schema';
import { reviewDetailSchema } from '../review/schema';

/** One delivery attempt asked of main. `attemptId` lets the renderer ignore stale answers. */
export const deliverRequestSchema = z.object({
  requestId: z.uuid(),
  attemptId: z.string().min(1).max(64),
  escalation: escalationSchema,
  /** The previous attempt ended ambiguously: look the request id up before creating. */
  maybeDelivered: z.boolean(),
});
export type DeliverRequest = z.input<typeof deliverRequestSchema>;

/**
 * How one delivery attempt ended: the one vocabulary for main's connectors (whose
 * `DeliveryOutcome` is this schema's output type) and the renderer's outbox.
 * - `sent`: the remote system has it (recorded as `sent(remoteId, url)`);
 * - `retry`: try again later; `maybeDelivered` means the server may already have it, so the next
 *   attempt must look the request id up before creating;
 * - `failed`: permanent until someone edits or reconfigures; shown to the user, never dropped;
 * - `auth`: the credentials were refused or are missing; pause and ask to sign in again.
 */
export const deliveryOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), remoteId: z.string(), url: z.string() }),
  z.object({
    kind: z.literal('retry'),
    reason: z.string(),
    retryAfterMs: z.number().nonnegative().optional(),
    /** The server said it is over its rate limit or overloaded: hold every request, not just this one. */
    throttled: z.boolean().optional(),
    maybeDelivered: z.boolean(),
  }),
  z.object({ kind: z.literal('failed'), status: z.number().optional(), message: z.string() }),
  z.object({ kind: z.literal('auth'), status: z.number(), message: z.string() }),
]);
export type DeliveryResult = z.output<typeof deliveryOutcomeSchema>;

/**
 * A decision attempt's result: a delivery outcome, or `conflict` when the ticket changed since
 * the supervisor saw it. `current` is the ticket as it is now; nothing was written.
 */
export const decisionOutcomeSchema = z.union([
  deliveryOutcomeSchema,
  z.object({ kind: z.literal('conflict'), message: z.string(), current: reviewDetailSchema }),
]);
export type DecisionResult = z.output<typeof decisionOutcomeSchema>;
