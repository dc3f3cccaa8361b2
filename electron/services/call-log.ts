import { allowedCallLog } from '../../shared/call-log/policy';
import type { CallLogRecord, CallLogRequest } from '../../shared/call-log/schema';
import type { CallLogSettings } from '../../shared/ipc/settings';
import type { Logger } from '../../shared/log';
import { DeskbookError } from '../../shared/result';
import { callLogJob } from '../sync/call-log-job';
import type { DeliverOnce } from '../sync/deliver-once';
import type { FailureOutcome, DeliveryOutcome } from '../sync/outcome';

export interface CallLogDeps {
  /** The app's one delivery road. */
  deliverOnce: DeliverOnce;
  /** Main's own resolved call-log settings (policy applied), read on every call. */
  policy: () => CallLogSettings;
  log: Logger;
}

/**
 * `sync:logCall` in main. The renderer is not trusted to have applied the policy: main refuses
 * the call while LogResolvedCalls is off (FORBIDDEN), and without LogCallStudentData takes the
 * student out of the record, and every mention of them out of its texts, before anything is sent.
 */
export function createCallLogService(deps: CallLogDeps) {
  return {
    logCall(request: CallLogRequest & { record: CallLogRecord }): Promise<DeliveryOutcome | FailureOutcome> {
      const checked = allowedCallLog(request.record, deps.policy());
      if (!checked.allowed) throw new DeskbookError('FORBIDDEN', checked.message);
      if (checked.stripped) deps.log.warn('call log carried student data the policy does not allow; removed before sending', { requestId: request.requestId });
      return deps.deliverOnce(callLogJob(checked.record, request.requestId, request.maybeDelivered));
    },
  };
}
