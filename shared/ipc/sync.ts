import { z } from 'zod';
import { escalationSchema } from '../escalation/schema';

/** One delivery attempt asked of main. `attemptId` lets the renderer ignore stale answers. */
export const deliverRequestSchema = z.object({
  requestId: z.uuid(),
  attemptId: z.string().min(1).max(64),
  escalation: escalationSchema,
  /** The previous attempt ended ambiguously: look the request id up before creating. */
  maybeDelivered: z.boolean(),
});
export type DeliverRequest = z.input<typeof deliverRequestSchema>;

/** How one attempt ended; mirrors the connectors' DeliveryOutcome (electron/sync/outcome.ts). */
export const deliveryOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), remoteId: z.string(), url: z.string() }),
  z.object({
    kind: z.literal('retry'),
    reason: z.string(),
    retryAfterMs: z.number().nonnegative().optional(),
    maybeDelivered: z.boolean(),
  }),
  z.object({ kind: z.literal('failed'), status: z.number().optional(), message: z.string() }),
  z.object({ kind: z.literal('auth'), status: z.number(), message: z.string() }),
]);
export type DeliveryResult = z.output<typeof deliveryOutcomeSchema>;
