import type { createCallLogService } from '../../services/call-log';
import type { createDeliveryService } from '../../services/delivery';
import type { createReviewService } from '../../services/review';
import type { DomainHandlers } from './types';

type DeliveryService = ReturnType<typeof createDeliveryService>;
type ReviewService = ReturnType<typeof createReviewService>;
type CallLogService = ReturnType<typeof createCallLogService>;

/** `sync:*`: deliveries from the outbox, each on the one road (deliverOnce). */
export function syncHandlers(delivery: DeliveryService, review: ReviewService, callLog: CallLogService): DomainHandlers<'sync'> {
  return {
    'sync:deliver': (request) => delivery.deliver(request),
    'sync:resubmit': (request) => review.resubmit(request),
    'sync:logCall': (request) => callLog.logCall(request),
  };
}

/** `review:*`: supervisors' reads and decisions (roles checked by the router from the contract). */
export function reviewHandlers(review: ReviewService): DomainHandlers<'review'> {
  return {
    'review:list': ({ cursor }) => review.list(cursor),
    'review:get': ({ remoteId }) => review.get(remoteId),
    'review:decide': (request) => review.decide(request),
    'review:status': async ({ remoteIds }) => ({ items: await review.status(remoteIds) }),
  };
}
