import { callLogTexts } from '../../shared/call-log/policy';
import type { CallLogRecord } from '../../shared/call-log/schema';
import type { DeliveryJob } from './deliver-once';
import type { DeliveryOutcome } from './outcome';

/**
 * A logged call on the one delivery road (deliverOnce): its texts pass the credential guard, a
 * maybe-delivered attempt looks the request id (the run id) up first, and a ticket found that
 * way is closed if the attempt that created it stopped before closing it.
 */
export function callLogJob(record: CallLogRecord, requestId: string, maybeDelivered: boolean): DeliveryJob<DeliveryOutcome> {
  return {
    id: requestId,
    what: 'call log',
    maybeDelivered,
    sealedNotes: [],
    texts: callLogTexts(record),
    lookup: async (connector) => {
      const found = await connector.findByRequestId(requestId);
      if (found && connector.callLog) await connector.callLog.close(found);
      return found;
    },
    send: async (connector) => {
      if (!connector.callLog) return { kind: 'failed', message: `The ${connector.kind} connector cannot log calls; turn call logging off or choose another ticketing system.` };
      return connector.callLog.create(record, requestId);
    },
  };
}
